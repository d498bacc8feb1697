#include "core/date.h"

#include <charconv>
#include <chrono>
#include <string>

namespace sightline {
namespace {

namespace chr = std::chrono;

chr::year_month_day to_ymd(Date d) {
  return chr::year_month_day{chr::sys_days{chr::days{d.days()}}};
}

// Reads exactly `width` decimal digits at text[pos]; -1 when they are not all digits.
int read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Writes `value` as `width` decimal digits at out[pos], zero-padded.
void put_digits(std::string& out, std::size_t pos, unsigned value, std::size_t width) {
  for (std::size_t i = width; i-- > 0;) {
    out[pos + i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return std::nullopt;
  const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                chr::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<std::int32_t>(chr::sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = read_digits(text, 0, 4), m = read_digits(text, 5, 2), d = read_digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return from_ymd(y, m, d);
}

int Date::year() const { return static_cast<int>(to_ymd(*this).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(to_ymd(*this).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(to_ymd(*this).day())); }

int Date::iso_weekday() const {
  return static_cast<int>(chr::weekday{chr::sys_days{chr::days{days_}}}.iso_encoding());
}

Date Date::plus_months(int n) const {
  auto ymd = to_ymd(*this);
  const auto target = ymd.year() / ymd.month() / chr::day{1} + chr::months{n};
  const auto last = chr::year_month_day_last{target.year(), chr::month_day_last{target.month()}};
  const auto day = std::min(ymd.day(), last.day());
  return Date(static_cast<std::int32_t>(
      chr::sys_days{target.year() / target.month() / day}.time_since_epoch().count()));
}

std::string Date::to_string() const {
  const auto ymd = to_ymd(*this);
  const int y = static_cast<int>(ymd.year());
  const auto m = static_cast<unsigned>(ymd.month());
  const auto d = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) return std::to_string(y);  // never for dates Sightline accepts
  std::string out = "0000-00-00";
  put_digits(out, 0, static_cast<unsigned>(y), 4);
  put_digits(out, 5, m, 2);
  put_digits(out, 8, d, 2);
  return out;
}

std::optional<Timestamp> Timestamp::parse(std::string_view text) {
  auto date = Date::parse(text.substr(0, 10));
  if (!date) return std::nullopt;
  if (text.size() == 10) return at_noon(*date);
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  if (text[10] != 'T' || text[13] != ':') return std::nullopt;
  const int hh = read_digits(text, 11, 2), mm = read_digits(text, 14, 2);
  int ss = 0;
  if (text.size() == 19) {
    if (text[16] != ':') return std::nullopt;
    ss = read_digits(text, 17, 2);
  }
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return std::nullopt;
  return Timestamp{*date, hh * 3600 + mm * 60 + ss, true};
}

std::string Timestamp::to_string() const {
  std::string out = date.to_string();
  if (!has_time) return out;
  out += "T00:00:00";
  put_digits(out, 11, static_cast<unsigned>(seconds / 3600), 2);
  put_digits(out, 14, static_cast<unsigned>(seconds / 60 % 60), 2);
  put_digits(out, 17, static_cast<unsigned>(seconds % 60), 2);
  return out;
}

}  // namespace sightline
