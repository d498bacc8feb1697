#include "feed/field_checks.h"

#include <cstddef>

namespace sightline::feed_checks {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }

}  // namespace

bool is_valid_nhs_number(std::string_view text) {
  if (text.size() != 10) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    if (!is_digit(text[i])) return false;
    if (i < 9) sum += (text[i] - '0') * static_cast<int>(10 - i);
  }
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  // A check value of 10 means no valid number has these first nine digits.
  return check != 10 && check == text[9] - '0';
}

bool looks_like_phone(std::string_view text) {
  int digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      ++digits;
    } else if (c == '+' ? i != 0 : c != ' ' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 7 && digits <= 15;
}

bool looks_like_email(std::string_view text) {
  const std::size_t at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  if (text.find_first_of(" \t") != std::string_view::npos) return false;
  const std::string_view domain = text.substr(at + 1);
  const std::size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

bool looks_like_postcode(std::string_view text) {
  if (text.size() < 5) return false;
  const std::string_view inward = text.substr(text.size() - 3);
  if (!is_digit(inward[0]) || !is_letter(inward[1]) || !is_letter(inward[2])) return false;
  std::string_view outward = text.substr(0, text.size() - 3);
  if (!outward.empty() && outward.back() == ' ') outward.remove_suffix(1);
  std::size_t i = 0;
  const auto next_is = [&](bool (*pred)(char)) {
    if (i < outward.size() && pred(outward[i])) {
      ++i;
      return true;
    }
    return false;
  };
  if (!next_is(is_letter)) return false;
  next_is(is_letter);
  if (!next_is(is_digit)) return false;
  if (!next_is(is_digit)) next_is(is_letter);
  return i == outward.size();
}

bool is_nationality(std::string_view text) {
  if (text == "EEA" || text == "non-EEA") return true;
  return text.size() == 2 && is_upper(text[0]) && is_upper(text[1]);
}

bool is_snake_case(std::string_view text) {
  if (text.empty() || !is_lower(text[0])) return false;
  for (const char c : text) {
    if (!is_lower(c) && !is_digit(c) && c != '_') return false;
  }
  return true;
}

bool has_timestamp_shape(std::string_view text) {
  static constexpr std::string_view kLayout = "dddd-dd-ddTdd:dd:dd";
  if (text.size() != 10 && text.size() != 16 && text.size() != 19) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (kLayout[i] == 'd' ? !is_digit(text[i]) : text[i] != kLayout[i]) return false;
  }
  return true;
}

}  // namespace sightline::feed_checks
