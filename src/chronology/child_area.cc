#include "chronology/child_area.h"

#include <algorithm>
#include <map>

#include "chronology/child_household.h"
#include "chronology/replay_order.h"

namespace sightline {
namespace {

bool names(const std::vector<Id>& persons, std::string_view person) {
  return std::find(persons.begin(), persons.end(), person) != persons.end();
}

}  // namespace

std::string child_area(const std::vector<Event>& chronology, std::string_view child,
                       const AgencyFacts& agencies) {
  std::map<Id, std::string, std::less<>> last_area;  // person -> area of their latest address
  ChildHousehold household(child);
  Id gp, birth_place;
  std::string own;  // the child's own address area (a newborn's: the mother's at birth)
  bool own_known = false;
  std::string reported;
  for (const Event* e : in_replay_order(chronology)) {
    const bool was_unborn = household.unborn();
    household.note(*e);
    switch (e->type) {
      case EventType::kAddress: {
        const auto& b = e->as<AddressEvent>();
        for (const Id& p : b.persons) {
          if (!b.address.area.empty()) last_area[p] = b.address.area;
        }
        if (names(b.persons, child)) {
          own_known = true;
          if (!b.address.area.empty()) own = b.address.area;
        }
        break;
      }
      case EventType::kBirth: {
        const auto& b = e->as<BirthEvent>();
        if (b.child != child) break;
        if (b.place) birth_place = *b.place;
        // A newborn lives where the mother lives until told otherwise.
        const auto m = last_area.find(b.mother);
        if (!own_known && (was_unborn || m != last_area.end())) {
          own_known = true;
          own = m != last_area.end() ? m->second : std::string();
        }
        break;
      }
      case EventType::kRegistration:
        if (e->as<RegistrationEvent>().child == child) gp = e->as<RegistrationEvent>().agency;
        break;
      case EventType::kDeregistration:
        if (e->as<DeregistrationEvent>().child == child &&
            e->as<DeregistrationEvent>().agency == gp) {
          gp.clear();
        }
        break;
      default:
        break;
    }
    if (!e->by.empty()) {
      if (std::string area = agencies.area(e->by); !area.empty()) reported = std::move(area);
    }
  }
  if (household.unborn() && !household.mother().empty()) {
    const auto m = last_area.find(household.mother());
    if (m != last_area.end()) return m->second;
  } else if (!own.empty()) {
    return own;
  }
  for (const Id& c : household.carers()) {
    const auto it = last_area.find(c);
    if (it != last_area.end()) return it->second;
  }
  if (!birth_place.empty()) {
    if (std::string area = agencies.area(birth_place); !area.empty()) return area;
  }
  if (!gp.empty()) {
    if (std::string area = agencies.area(gp); !area.empty()) return area;
  }
  return reported;
}

std::string address_area_on(const std::vector<Event>& addresses, std::string_view child, Date day) {
  const Event* latest = nullptr;
  for (const Event& e : addresses) {
    if (e.type != EventType::kAddress || e.at.date > day) continue;
    const auto& b = e.as<AddressEvent>();
    if (b.address.area.empty() || !names(b.persons, child)) continue;
    if (latest == nullptr || e.at.instant() >= latest->at.instant()) latest = &e;
  }
  return latest != nullptr ? latest->as<AddressEvent>().address.area : std::string();
}

}  // namespace sightline
