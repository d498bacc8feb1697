#include "safeguards/differential/reference_calendar.h"

#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "support/test_support.h"

namespace sightline::safeguards::differential {
namespace {

std::set<Date> load_bank_holidays() {
  std::set<Date> days;
  std::istringstream in(testing::read_file(
      testing::test_data("bank-holidays/england_and_wales_bank_holidays_2011_2028.csv")));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const std::optional<Date> d = Date::parse(line.substr(0, 10));
    if (!d) throw std::runtime_error("bank holiday table: bad line " + line);
    days.insert(*d);
  }
  return days;
}

}  // namespace

Date add_working_days(Date from, int n) {
  static const std::set<Date> kBankHolidays = load_bank_holidays();
  Date d = from;
  while (n > 0) {
    d = d.plus_days(1);
    if (d.iso_weekday() <= 5 && kBankHolidays.count(d) == 0) --n;
  }
  return d;
}

}  // namespace sightline::safeguards::differential
