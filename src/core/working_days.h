// The working-day calendar of England and Wales.
//
// A working day is Monday to Friday, except a bank holiday. Bank holidays come
// from the statutory rules (New Year's Day, Good Friday, Easter Monday, the
// early May and spring bank holidays, the summer bank holiday, Christmas Day
// and Boxing Day, each with its substitute day when it falls at a weekend) plus
// the one-off and moved days proclaimed for particular years, which are data:
// data/bank-holiday-exceptions-england-and-wales.csv, compiled into the binary.
// Safeguard deadlines ("within N WD of D") are counted with this calendar.
// Immutable once built; safe to share between threads.
#pragma once

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
  // counting `from` itself. n = 0 gives `from`. n must be >= 0.
  Date add_working_days(Date from, int n) const;
  // How many working days lie in (from, to]; 0 when to <= from.
  int working_days_between(Date from, Date to) const;

 private:
  WorkingDayCalendar() = default;
  struct Exception;
  std::vector<BankHoliday> exceptions_added_;  // one-off and moved-to days
  std::vector<Date> exceptions_removed_;       // regular days moved away (e.g. 2012-05-28)
};

}  // namespace sightline
