// A person's date of birth and age, defined once over typed events
// (`hv-new-registration`'s "under 5", R10; the dashboard's figure of it).
//
// - The date of birth is the `dob` of the person's latest `person` line that
//   gave one, else the day of their `birth`. Without either the age is not
//   known, and a rule about children under an age does not apply (R10).
// - Age is counted in whole years, a birthday reached on the day itself; the
//   pages and the API add the whole months since (age_on).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "feed/event.h"

namespace sightline {

// `events` may be in any order (read in replay order).
std::optional<Date> date_of_birth(const std::vector<Event>& events, std::string_view person);

// Whole years from `dob` to `on`.
int age_in_years(Date dob, Date on);

// Age as the child's page and the API give it: whole years, and whole
// months since the last birthday (a monthly birthday reached on the day
// itself; one on a day the month lacks is reached on its last day).
struct Age {
  int years = 0, months = 0;
  friend bool operator==(const Age&, const Age&) = default;
};
// nullopt when `on` is before `dob`.
std::optional<Age> age_on(Date dob, Date on);

// Whether someone born on `dob` is younger than `years` on `on` (and born by then).
bool younger_than(Date dob, Date on, int years);

}  // namespace sightline
