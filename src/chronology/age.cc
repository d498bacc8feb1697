#include "chronology/age.h"

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

bool younger_than(Date dob, Date on, int years) {
  return dob <= on && age_in_years(dob, on) < years;
}

}  // namespace sightline
