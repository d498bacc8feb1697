#include "core/typed_date.h"

#include <array>
#include <string>
#include <vector>

namespace sightline {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

int number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');  // at most four digits
  return n;
}

// 1-12 for a month's name or its abbreviation of at least three letters
// ("Oct", "Sept", "october"); 0 for anything else.
int month_of_name(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string w;
  for (char c : word) w.push_back(lower(c));
  if (w.back() == '.') w.pop_back();
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (w.size() <= kMonths[m].size() && kMonths[m].substr(0, w.size()) == w) {
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

int days_in_month(int year, int month) {
  for (int d = 31; d > 28; --d) {
    if (Date::from_ymd(year, month, d)) return d;
  }
  return 28;
}

std::string trimmed(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

Expected<Date> checked(const std::string& typed, int year, int month, int day) {
  const auto wrong = [&](const std::string& why) -> Expected<Date> {
    return Unexpected(make_error(ErrorCode::kBadRequest, typed + " is not a real date: " + why));
  };
  if (year < 1800 || year > 9999)
    return wrong("the year " + std::to_string(year) + " is not right");
  if (month < 1 || month > 12) {
    return wrong("there is no month " + std::to_string(month) + " (the day comes first)");
  }
  const int last = days_in_month(year, month);
  if (day < 1 || day > last) {
    return wrong(std::string(1, static_cast<char>(kMonths[month - 1][0] - 32)) +
                 std::string(kMonths[month - 1].substr(1)) + " " + std::to_string(year) + " has " +
                 std::to_string(last) + " days");
  }
  return *Date::from_ymd(year, month, day);
}

}  // namespace

std::optional<Expected<Date>> read_typed_date(std::string_view text) {
  const std::string typed = trimmed(text);
  if (typed.empty()) return std::nullopt;
  // Split into runs of digits and runs of letters; remember the separators.
  std::vector<std::string> parts;
  std::string separators;
  std::string run;
  bool letters_seen = false;
  const auto flush = [&] {
    if (!run.empty()) parts.push_back(run);
    run.clear();
  };
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const char c = typed[i];
    if (is_digit(c) || is_alpha(c)) {
      if (!run.empty() && is_digit(run.back()) != is_digit(c)) {
        // "2nd": a day's ordinal suffix stays with its number.
        if (is_digit(run.back()) && is_alpha(c)) {
          const std::string rest = [&] {
            std::string r;
            for (std::size_t j = i; j < typed.size() && is_alpha(typed[j]); ++j) {
              r.push_back(lower(typed[j]));
            }
            return r;
          }();
          if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") {
            i += rest.size() - 1;
            continue;
          }
        }
        return std::nullopt;  // "W13", "9ZZ": not a date
      }
      letters_seen = letters_seen || is_alpha(c);
      run.push_back(c);
    } else if (c == '/' || c == '.' || c == '-' || c == ' ' || c == ',') {
      if (!run.empty()) {
        flush();
        separators.push_back(c);
      } else if (c != ' ' && c != ',' && c != '.') {
        return std::nullopt;  // "--", "/2": not a date
      }
    } else {
      return std::nullopt;
    }
  }
  flush();
  if (parts.size() != 3) return std::nullopt;

  if (!letters_seen) {
    // Three groups of digits, separated by '/', '.' or '-'.
    for (char s : separators) {
      if (s != '/' && s != '.' && s != '-') return std::nullopt;
    }
    if (parts[0].size() == 4) {  // 2012-10-02
      if (parts[1].size() > 2 || parts[2].size() > 2) return std::nullopt;
      return checked(typed, number(parts[0]), number(parts[1]), number(parts[2]));
    }
    if (parts[0].size() > 2 || parts[1].size() > 2) return std::nullopt;
    if (parts[2].size() != 4) {
      if (parts[2].size() > 4) return std::nullopt;
      return Unexpected(make_error(ErrorCode::kBadRequest,
                                   typed + " is not a date we can read: give the year in full, " +
                                       "like " + parts[0] + "/" + parts[1] + "/20" +
                                       (parts[2].size() == 2 ? parts[2] : "12")));
    }
    return checked(typed, number(parts[2]), number(parts[1]), number(parts[0]));
  }
  // Day, month by name, year: 2 Oct 2012, 2nd October 2012.
  if (!all_digits(parts[0]) || !all_digits(parts[2]) || parts[0].size() > 2) return std::nullopt;
  const int month = month_of_name(parts[1]);
  if (month == 0) return std::nullopt;
  if (parts[2].size() != 4) {
    return Unexpected(make_error(ErrorCode::kBadRequest,
                                 typed + " is not a date we can read: give the year in full, " +
                                     "like " + parts[0] + " " + parts[1] + " 2012"));
  }
  return checked(typed, number(parts[2]), month, number(parts[0]));
}

}  // namespace sightline
