#include "safeguards/differential/reference_calendar.h"

#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace sightline::safeguards::differential {
namespace {

// Every working day of the years of the table, in order.
class WorkingDays {
 public:
  WorkingDays() {
    std::set<Date> holidays;
    std::istringstream in(testing::read_file(
        testing::test_data("bank-holidays/england_and_wales_bank_holidays_2011_2028.csv")));
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const std::optional<Date> d = Date::parse(line.substr(0, 10));
      if (!d) throw std::runtime_error("bank holiday table: bad line " + line);
      holidays.insert(*d);
    }
    first_ = *Date::from_ymd(2011, 1, 1);
    const Date last = *Date::from_ymd(2028, 12, 31);
    for (Date d = first_; d <= last; d = d.plus_days(1)) {
      if (d.iso_weekday() <= 5 && holidays.count(d) == 0) days_.push_back(d);
      upto_.push_back(days_.size());
    }
  }
  // The n-th working day after `from`: the working days up to `from`, then n more.
  Date add(Date from, int n) const {
    if (n <= 0) return from;
    const std::size_t i = static_cast<std::size_t>(first_.days_until(from));
    if (first_ > from || i >= upto_.size()) {
      throw std::out_of_range("working days: " + from.to_string() + " is outside 2011-2028");
    }
    return days_.at(upto_[i] + static_cast<std::size_t>(n) - 1);
  }

 private:
  Date first_;
  std::vector<std::size_t> upto_;  // upto_[i]: the working days from first_ to first_ + i
  std::vector<Date> days_;         // every working day, in order
};

}  // namespace

Date add_working_days(Date from, int n) {
  static const WorkingDays kDays;
  return kDays.add(from, n);
}

}  // namespace sightline::safeguards::differential
