#include "core/working_days.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <stdexcept>
#include <utility>

#include "core/csv_rows.h"

namespace sightline {
namespace embedded {
extern const std::string_view bank_holiday_exceptions;
}  // namespace embedded

namespace {

namespace chr = std::chrono;

// The years the cache covers: deadlines are counted from dates near today, and
// 150 years of days cost about 400 KB. Outside them answers are just as exact.
constexpr int kCacheFirstYear = 1970;
constexpr int kCacheEndYear = 2120;  // exclusive

// Date::from_ymd's range; the rules give no bank holidays outside it.
constexpr int kFirstYear = 1;
constexpr int kLastYear = 9999;

constexpr std::string_view kTable = "bank holiday exceptions";
constexpr std::array<std::string_view, 4> kHeader = {"date", "action", "name", "replaces"};

bool is_header(const std::vector<std::string>& fields) {
  return std::equal(fields.begin(), fields.end(), kHeader.begin(), kHeader.end());
}

// The caller guarantees a valid date.
Date make_date(int year, unsigned month, unsigned day) {
  const chr::year_month_day ymd{chr::year{year}, chr::month{month}, chr::day{day}};
  return Date::from_days(static_cast<std::int32_t>(chr::sys_days{ymd}.time_since_epoch().count()));
}

// 1 = Monday ... 7 = Sunday, as Date::iso_weekday, without a calendar conversion:
// this is on the hot path of every uncached question.
int weekday_of(Date d) {
  const int r = static_cast<int>((std::int64_t{d.days()} + 3) % 7);  // 1970-01-01 was a Thursday
  return (r < 0 ? r + 7 : r) + 1;
}

bool is_weekend(Date d) { return weekday_of(d) >= 6; }

// Monday to Friday in the days before `d`, counted from Monday 1969-12-29.
std::int64_t weekdays_before(Date d) {
  const std::int64_t since_monday = std::int64_t{d.days()} + 3;
  std::int64_t weeks = since_monday / 7;
  std::int64_t rest = since_monday % 7;
  if (rest < 0) {
    rest += 7;
    --weeks;
  }
  return weeks * 5 + std::min<std::int64_t>(rest, 5);
}

Date first_monday(int year, unsigned month) {
  const Date first = make_date(year, month, 1);
  return first.plus_days((8 - weekday_of(first)) % 7);
}

Date last_monday(int year, unsigned month) {
  const chr::year_month_day_last ymdl{chr::year{year}, chr::month_day_last{chr::month{month}}};
  const Date last = make_date(year, month, static_cast<unsigned>(ymdl.day()));
  return last.plus_days(-(weekday_of(last) - 1));
}

// Easter Sunday by the Gregorian computus (the anonymous algorithm published in
// Nature in 1876, also known as Meeus/Jones/Butcher).
Date easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return make_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

struct RegularHoliday {
  Date date;
  const char* name;
};

// The eight bank holidays the rules give `year`, in date order. The rules are
// those in force since 1978 (when the early May bank holiday began) and are
// applied to every year; Sightline has no use for earlier calendars.
std::array<RegularHoliday, 8> regular_holidays(int year) {
  std::array<RegularHoliday, 8> out;
  const Date new_year = make_date(year, 1, 1);
  switch (weekday_of(new_year)) {
    case 6:
      out[0] = {new_year.plus_days(2), "New Year's Day (substitute day)"};
      break;
    case 7:
      out[0] = {new_year.plus_days(1), "New Year's Day (substitute day)"};
      break;
    default:
      out[0] = {new_year, "New Year's Day"};
  }
  const Date easter = easter_sunday(year);
  out[1] = {easter.plus_days(-2), "Good Friday"};
  out[2] = {easter.plus_days(1), "Easter Monday"};
  out[3] = {first_monday(year, 5), "Early May bank holiday"};
  out[4] = {last_monday(year, 5), "Spring bank holiday"};
  out[5] = {last_monday(year, 8), "Summer bank holiday"};
  const Date christmas = make_date(year, 12, 25);
  switch (weekday_of(christmas)) {
    case 5:
      out[6] = {christmas, "Christmas Day"};
      out[7] = {christmas.plus_days(3), "Boxing Day (substitute day)"};
      break;
    case 6:
      out[6] = {christmas.plus_days(2), "Christmas Day (substitute day)"};
      out[7] = {christmas.plus_days(3), "Boxing Day (substitute day)"};
      break;
    case 7:
      out[6] = {christmas.plus_days(1), "Boxing Day"};
      out[7] = {christmas.plus_days(2), "Christmas Day (substitute day)"};
      break;
    default:
      out[6] = {christmas, "Christmas Day"};
      out[7] = {christmas.plus_days(1), "Boxing Day"};
  }
  return out;
}

bool is_regular_holiday(Date d) {
  const int year = d.year();
  if (year < kFirstYear || year > kLastYear) return false;
  for (const auto& h : regular_holidays(year)) {
    if (h.date == d) return true;
  }
  return false;
}

std::string weekday_name(Date d) {
  static constexpr std::array<const char*, 7> kNames = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<std::size_t>(weekday_of(d) - 1)];
}

// Answers "is d a working day?" for dates walked in order, computing each
// year's bank holidays once.
template <typename HolidayDates>
class WorkingDayTest {
 public:
  explicit WorkingDayTest(HolidayDates holiday_dates) : holiday_dates_(std::move(holiday_dates)) {}
  bool operator()(Date d) {
    if (is_weekend(d)) return false;
    const int year = d.year();
    if (year != year_) {
      year_ = year;
      holidays_ = holiday_dates_(year);
    }
    return !std::binary_search(holidays_.begin(), holidays_.end(), d);
  }

 private:
  HolidayDates holiday_dates_;
  int year_ = kFirstYear - 1;
  std::vector<Date> holidays_;
};

}  // namespace

// One parsed data row of the exceptions table.
struct WorkingDayCalendar::Exception {
  int line = 0;
  Date date;
  bool is_move = false;
  std::string name;
  Date replaces;  // for a move
};

const WorkingDayCalendar& WorkingDayCalendar::england_and_wales() {
  static const WorkingDayCalendar calendar = from_exceptions_csv(embedded::bank_holiday_exceptions);
  return calendar;
}

WorkingDayCalendar WorkingDayCalendar::from_exceptions_csv(std::string_view csv) {
  const std::vector<csv::Row> rows = csv::read_rows(csv, kTable);
  if (rows.empty()) csv::fail(kTable, 1, "the header line date,action,name,replaces is missing");
  if (!is_header(rows.front().fields)) {
    csv::fail(kTable, rows.front().line, "expected the header line date,action,name,replaces");
  }

  std::vector<Exception> exceptions;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const csv::Row& row = rows[r];
    const auto fail = [&](const std::string& what) { csv::fail(kTable, row.line, what); };
    if (row.fields.size() != kHeader.size()) {
      fail("expected 4 fields (date,action,name,replaces), found " +
           std::to_string(row.fields.size()));
    }
    const std::string& date_text = row.fields[0];
    const std::string& action = row.fields[1];
    const std::string& name = row.fields[2];
    const std::string& replaces_text = row.fields[3];

    Exception e;
    e.line = row.line;
    const auto date = Date::parse(date_text);
    if (!date) fail("date '" + date_text + "' is not a valid YYYY-MM-DD date");
    e.date = *date;
    // A bank holiday at a weekend would change no working day: a typing error.
    if (is_weekend(e.date)) fail(date_text + " is a " + weekday_name(e.date) + ", not a weekday");
    if (is_regular_holiday(e.date)) fail(date_text + " is already a regular bank holiday");
    if (name.empty()) fail("the name is empty");
    e.name = name;
    if (action == "add") {
      if (!replaces_text.empty()) fail("replaces must be empty when the action is add");
    } else if (action == "move") {
      e.is_move = true;
      const auto replaces = Date::parse(replaces_text);
      if (!replaces) fail("replaces '" + replaces_text + "' is not a valid YYYY-MM-DD date");
      if (!is_regular_holiday(*replaces)) {
        fail("replaces " + replaces_text + ", which is not a regular bank holiday");
      }
      e.replaces = *replaces;
    } else {
      fail("action '" + action + "' is neither add nor move");
    }
    for (const Exception& earlier : exceptions) {
      if (earlier.date == e.date) {
        fail(date_text + " is already listed on line " + std::to_string(earlier.line));
      }
      if (e.is_move && earlier.is_move && earlier.replaces == e.replaces) {
        fail("the bank holiday of " + replaces_text + " is already moved on line " +
             std::to_string(earlier.line));
      }
    }
    exceptions.push_back(std::move(e));
  }

  WorkingDayCalendar calendar;
  for (Exception& e : exceptions) {
    if (e.is_move) calendar.exceptions_removed_.push_back(e.replaces);
    calendar.exceptions_added_.push_back({e.date, std::move(e.name)});
  }
  std::sort(calendar.exceptions_removed_.begin(), calendar.exceptions_removed_.end());
  std::sort(calendar.exceptions_added_.begin(), calendar.exceptions_added_.end(),
            [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  calendar.build_cache();
  return calendar;
}

std::vector<BankHoliday> WorkingDayCalendar::bank_holidays(int year) const {
  std::vector<BankHoliday> out;
  if (year < kFirstYear || year > kLastYear) return out;
  for (const auto& h : regular_holidays(year)) {
    if (!std::binary_search(exceptions_removed_.begin(), exceptions_removed_.end(), h.date)) {
      out.push_back({h.date, h.name});
    }
  }
  const Date first = make_date(year, 1, 1);
  const auto begin = std::lower_bound(exceptions_added_.begin(), exceptions_added_.end(), first,
                                      [](const BankHoliday& h, Date d) { return h.date < d; });
  for (auto it = begin; it != exceptions_added_.end() && it->date.year() == year; ++it) {
    out.push_back(*it);
  }
  std::sort(out.begin(), out.end(),
            [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  return out;
}

std::vector<Date> WorkingDayCalendar::holiday_dates(int year) const {
  std::vector<Date> dates;
  for (const BankHoliday& h : bank_holidays(year)) dates.push_back(h.date);
  return dates;
}

void WorkingDayCalendar::build_cache() {
  cache_first_ = make_date(kCacheFirstYear, 1, 1);
  cache_days_ = cache_first_.days_until(make_date(kCacheEndYear, 1, 1));
  working_before_.assign(static_cast<std::size_t>(cache_days_) + 1, 0);
  working_days_.clear();
  working_days_.reserve(static_cast<std::size_t>(cache_days_) * 5 / 7 + 1);
  WorkingDayTest is_working([this](int year) { return holiday_dates(year); });
  for (std::int32_t i = 0; i < cache_days_; ++i) {
    const Date d = cache_first_.plus_days(i);
    const bool working = is_working(d);
    if (working) working_days_.push_back(d);
    working_before_[static_cast<std::size_t>(i) + 1] =
        working_before_[static_cast<std::size_t>(i)] + (working ? 1 : 0);
  }
}

bool WorkingDayCalendar::in_cache(Date d) const {
  const std::int64_t i = std::int64_t{d.days()} - cache_first_.days();
  return i >= 0 && i < cache_days_;
}

bool WorkingDayCalendar::is_working_day(Date d) const {
  if (in_cache(d)) {
    const auto i = static_cast<std::size_t>(cache_first_.days_until(d));
    return working_before_[i + 1] != working_before_[i];
  }
  if (is_weekend(d)) return false;
  const std::vector<Date> holidays = holiday_dates(d.year());
  return !std::binary_search(holidays.begin(), holidays.end(), d);
}

bool WorkingDayCalendar::is_bank_holiday(Date d) const {
  // Every bank holiday falls on a weekday: the rules put substitutes on
  // weekdays and the exceptions table refuses weekend dates.
  return !is_weekend(d) && !is_working_day(d);
}

Date WorkingDayCalendar::add_working_days(Date from, int n) const {
  if (n < 0) throw std::invalid_argument("add_working_days: n must not be negative");
  if (n == 0) return from;
  if (in_cache(from)) {
    const auto i = static_cast<std::size_t>(cache_first_.days_until(from));
    const auto k = static_cast<std::size_t>(working_before_[i + 1]) + static_cast<std::size_t>(n);
    if (k <= working_days_.size()) return working_days_[k - 1];
  }
  return add_working_days_uncached(from, n);
}

Date WorkingDayCalendar::add_working_days_uncached(Date from, int n) const {
  WorkingDayTest is_working([this](int year) { return holiday_dates(year); });
  Date d = from;
  std::int64_t left = n;
  while (left > 0) {
    if (in_cache(d)) {
      // Jump across the cached range: `left` more working days after those through d.
      const auto i = static_cast<std::size_t>(cache_first_.days_until(d));
      const std::int64_t k = std::int64_t{working_before_[i + 1]} + left;
      const auto total = static_cast<std::int64_t>(working_days_.size());
      if (k <= total) return working_days_[static_cast<std::size_t>(k - 1)];
      left = k - total;
      d = cache_first_.plus_days(cache_days_ - 1);
    }
    d = d.plus_days(1);
    if (is_working(d)) --left;
  }
  return d;
}

int WorkingDayCalendar::working_days_between(Date from, Date to) const {
  if (to <= from) return 0;
  if (in_cache(from) && in_cache(to)) {
    const auto i = static_cast<std::size_t>(cache_first_.days_until(from));
    const auto j = static_cast<std::size_t>(cache_first_.days_until(to));
    return working_before_[j + 1] - working_before_[i + 1];
  }
  return working_days_between_uncached(from, to);
}

int WorkingDayCalendar::working_days_between_uncached(Date from, Date to) const {
  // The weekdays in (from, to] less the bank holidays among them, all of which
  // are weekdays.
  std::int64_t count = weekdays_before(to.plus_days(1)) - weekdays_before(from.plus_days(1));
  const int first_year = std::max(from.year(), kFirstYear);
  const int last_year = std::min(to.year(), kLastYear);
  for (int year = first_year; year <= last_year; ++year) {
    for (const Date h : holiday_dates(year)) {
      if (from < h && h <= to) --count;
    }
  }
  return static_cast<int>(count);
}

}  // namespace sightline
