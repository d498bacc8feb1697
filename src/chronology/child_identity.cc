#include "chronology/child_identity.h"

#include <algorithm>

#include "chronology/child_household.h"
#include "chronology/replay_order.h"

namespace sightline {
namespace {

void link(std::vector<HouseholdMember>& household, const Id& person, RelationshipRole role,
          bool carer) {
  const auto it = std::find_if(household.begin(), household.end(),
                               [&](const HouseholdMember& m) { return m.person == person; });
  if (it == household.end()) {
    household.push_back({person, role, carer});
  } else {
    it->role = role;
    it->carer = it->carer || carer;
  }
}

}  // namespace

std::optional<Date> date_of_death(const std::vector<Event>& events, std::string_view person) {
  std::optional<Date> died;
  for (const Event* e : in_replay_order(events)) {
    if (e->type == EventType::kDeath && e->as<DeathEvent>().person == person) died = e->at.date;
  }
  return died;
}

ChildIdentity child_identity(const std::vector<Event>& events, std::string_view child) {
  ChildIdentity out;
  ChildHousehold carers(child);
  for (const Event* e : in_replay_order(events)) {
    const std::size_t carers_before = carers.carers().size();
    carers.note(*e);
    switch (e->type) {
      case EventType::kPerson: {
        const auto& b = e->as<PersonEvent>();
        if (e->id != child) break;
        if (!b.nhs_number.empty()) out.nhs_number = b.nhs_number;
        if (b.sex) out.sex = b.sex;
        break;
      }
      case EventType::kDeath:
        if (e->as<DeathEvent>().person == child) out.died = e->at.date;
        break;
      case EventType::kPregnancy:
        if (e->as<PregnancyEvent>().child == child) {
          link(out.household, e->as<PregnancyEvent>().mother, RelationshipRole::kMother, true);
        }
        break;
      case EventType::kBirth:
        if (e->as<BirthEvent>().child == child) {
          link(out.household, e->as<BirthEvent>().mother, RelationshipRole::kMother, true);
        }
        break;
      case EventType::kReferral:
        // A referral's mother is linked as a carer if not linked already.
        if (carers.carers().size() > carers_before) {
          link(out.household, carers.carers().back(), RelationshipRole::kCarer, true);
        }
        break;
      case EventType::kRelationship: {
        const auto& b = e->as<RelationshipEvent>();
        if (b.other == child && b.person != child) {
          const bool carer = b.role == RelationshipRole::kMother ||
                             b.role == RelationshipRole::kFather ||
                             b.role == RelationshipRole::kCarer;
          link(out.household, b.person, b.role, carer);
        } else if (b.person == child && b.role == RelationshipRole::kSibling && b.other != child) {
          link(out.household, b.other, RelationshipRole::kSibling, false);
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

std::optional<Circumstances> circumstances_of(const std::vector<Event>& events,
                                              std::string_view person) {
  std::optional<Circumstances> out;
  for (const Event* e : in_replay_order(events)) {
    if (e->type != EventType::kCircumstances) continue;
    const auto& b = e->as<CircumstancesEvent>();
    if (b.person != person) continue;
    if (!out) out.emplace();
    if (b.housing) out->housing = b.housing;
    if (b.income) out->income = b.income;
    if (b.immigration) out->immigration = b.immigration;
    if (b.health) out->health = *b.health;
    out->at = e->at;
  }
  return out;
}

const Event* next_appointment(const std::vector<Event>& events, std::string_view child,
                              Timestamp now) {
  const Event* next = nullptr;
  for (const Event& e : events) {
    if (e.type != EventType::kAppointment || e.at.instant() <= now.instant()) continue;
    const auto& b = e.as<AppointmentEvent>();
    if (b.child != child || b.outcome == AppointmentOutcome::kCancelled) continue;
    if (!next || e.at.instant() < next->at.instant()) next = &e;
  }
  return next;
}

}  // namespace sightline
