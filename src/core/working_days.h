// The working-day calendar of England and Wales.
//
// A working day is Monday to Friday, except a bank holiday. Bank holidays come
// from the statutory rules (New Year's Day, Good Friday, Easter Monday, the
// early May and spring bank holidays, the summer bank holiday, Christmas Day
// and Boxing Day, each with its substitute day when it falls at a weekend) plus
// the one-off and moved days proclaimed for particular years, which are data:
// data/bank-holiday-exceptions-england-and-wales.csv, compiled into the binary.
// Safeguard deadlines ("within N WD of D") are counted with this calendar.
//
// The rules in force since 1978 are applied to every year, and a year holds no
// one-off day until one is added to the data file: a deadline in a future year
// assumes nothing more will be proclaimed.
//
// Every question is answered exactly for any date of years 1 to 9999. For
// dates from 1970 to 2119 it costs a few array reads (a cache of about 400 KB
// per calendar, built in under a millisecond); elsewhere it walks day by day or
// year by year. Immutable once built; safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace sightline {

struct BankHoliday {
  Date date;
  std::string name;
};

class WorkingDayCalendar {
 public:
  // The calendar with the embedded exceptions. Built once, on first use.
  static const WorkingDayCalendar& england_and_wales();
  // A calendar from an exceptions table in the same CSV form as the data file
  // (for tests and for areas that configure their own). Throws
  // std::invalid_argument naming the line on a malformed table.
  static WorkingDayCalendar from_exceptions_csv(std::string_view csv);

  bool is_bank_holiday(Date d) const;
  bool is_working_day(Date d) const;
  // The bank holidays of `year`, in date order.
  std::vector<BankHoliday> bank_holidays(int year) const;

  // The end of "within n WD of from": the n-th working day after `from`, never
  // counting `from` itself. n = 0 gives `from`. Throws std::invalid_argument
  // when n < 0.
  Date add_working_days(Date from, int n) const;
  // How many working days lie in (from, to]; 0 when to <= from.
  int working_days_between(Date from, Date to) const;

 private:
  WorkingDayCalendar() = default;
  struct Exception;

  // The bank holidays of `year` without their names, in date order.
  std::vector<Date> holiday_dates(int year) const;
  // Fills the cache below; called once the exceptions are final.
  void build_cache();
  bool in_cache(Date d) const;
  // The slow paths, valid for every date; the cache must agree with them.
  Date add_working_days_uncached(Date from, int n) const;
  int working_days_between_uncached(Date from, Date to) const;

  std::vector<BankHoliday> exceptions_added_;  // one-off and moved-to days, in date order
  std::vector<Date> exceptions_removed_;       // regular days moved away (e.g. 2012-05-28), sorted

  // An exact cache of the calendar over the days [cache_first_, cache_first_ +
  // cache_days_), so that the common questions cost two array reads. Dates
  // outside it get the same answers from the definitions, more slowly.
  Date cache_first_;
  std::int32_t cache_days_ = 0;
  // working_before_[i]: the working days in [cache_first_, cache_first_ + i),
  // for i in [0, cache_days_].
  std::vector<std::int32_t> working_before_;
  // working_days_[k]: the (k + 1)-th working day of the cached range.
  std::vector<Date> working_days_;
};

}  // namespace sightline
