#include "chronology/age.h"

#include <algorithm>

#include "chronology/replay_order.h"

namespace sightline {

std::optional<Date> date_of_birth(const std::vector<Event>& events, std::string_view person) {
  std::optional<Date> given, born;
  for (const Event* e : in_replay_order(events)) {
    if (e->type == EventType::kPerson && e->id == person && e->as<PersonEvent>().dob) {
      given = e->as<PersonEvent>().dob;
    } else if (e->type == EventType::kBirth && e->as<BirthEvent>().child == person && !born) {
      born = e->at.date;
    }
  }
  return given ? given : born;
}

int age_in_years(Date dob, Date on) {
  int years = on.year() - dob.year();
  if (on.month() < dob.month() || (on.month() == dob.month() && on.day() < dob.day())) --years;
  return years;
}

std::optional<Age> age_on(Date dob, Date on) {
  if (on < dob) return std::nullopt;
  int months = (on.year() - dob.year()) * 12 + (on.month() - dob.month());
  // The monthly birthday this month: dob's day, or the month's last day.
  int days_in_month = 28;
  while (days_in_month < 31 && Date::from_ymd(on.year(), on.month(), days_in_month + 1)) {
    ++days_in_month;
  }
  if (on.day() < std::min(dob.day(), days_in_month)) --months;
  return Age{months / 12, months % 12};
}

bool younger_than(Date dob, Date on, int years) {
  return dob <= on && age_in_years(dob, on) < years;
}

}  // namespace sightline
