// Who a child is and who lives around them, as the child's page and the API
// give it (GET /api/v1/children/{id}), defined once over the child's
// integrated chronology in replay order:
//
// - nhs_number, sex: the latest `person` line for the child that gave one;
// - died: the day of the latest `death` of the child, if any;
// - household: everyone linked to the child, first linked first, each once
//   with their latest relationship to the child: the carers as ChildHousehold
//   links them (the mother of a pregnancy or birth, every mother, father or
//   carer a `relationship` names, a referral's mother as "carer"), and every
//   partner, grandparent or sibling a `relationship` names for the child (a
//   `relationship` naming the child as someone's sibling makes that someone
//   the child's sibling too).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/event.h"

namespace sightline {

struct HouseholdMember {
  Id person;
  RelationshipRole role = RelationshipRole::kCarer;  // what the person is to the child
  bool carer = false;                                // one of the child's carers (ChildHousehold)
  friend bool operator==(const HouseholdMember&, const HouseholdMember&) = default;
};

struct ChildIdentity {
  std::string nhs_number;  // "" when never given
  std::optional<Sex> sex;
  std::optional<Date> died;
  std::vector<HouseholdMember> household;
};

// `events` may be in any order (read in replay order).
ChildIdentity child_identity(const std::vector<Event>& events, std::string_view child);

// A person's recorded circumstances (finding F1): the latest of each that a
// `circumstances` of the person gave, and when the latest of them was given.
struct Circumstances {
  std::optional<Housing> housing;
  std::optional<Income> income;
  std::optional<Immigration> immigration;
  std::vector<std::string> health;
  Timestamp at;
};
// nullopt when no `circumstances` names the person.
std::optional<Circumstances> circumstances_of(const std::vector<Event>& events,
                                              std::string_view person);

// The next planned contact: the earliest `appointment` for the child dated
// after `now` and not cancelled; nullptr when none is.
const Event* next_appointment(const std::vector<Event>& events, std::string_view child,
                              Timestamp now);

// The day `person` died, if a `death` says so (the latest, if several).
std::optional<Date> date_of_death(const std::vector<Event>& events, std::string_view person);

}  // namespace sightline
