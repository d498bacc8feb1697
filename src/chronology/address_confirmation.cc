#include "chronology/address_confirmation.h"

#include <algorithm>

#include "chronology/sightings.h"
#include "core/areas.h"

namespace sightline {

bool same_upper_tier_area(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const LocalAuthorityArea* first = find_area(a);
  const LocalAuthorityArea* second = find_area(b);
  return first != nullptr && second != nullptr && first->upper_tier == second->upper_tier;
}

bool confirms_address(const Event& e, std::string_view child, const CurrentAddress& current,
                      const AgencyFacts& agencies) {
  if (e.type != EventType::kContact || e.at.instant() < current.since.instant()) return false;
  const auto& contact = e.as<ContactEvent>();
  if (!contact_shows_child(contact) || contact.mode == ContactMode::kVideo) return false;
  if (std::find(contact.persons.begin(), contact.persons.end(), child) == contact.persons.end()) {
    return false;
  }
  if (contact.address) {
    const std::string postcode = contact.address->normalised_postcode();
    return !postcode.empty() && postcode == current.address.normalised_postcode();
  }
  return contact.mode == ContactMode::kHomeVisit &&
         same_upper_tier_area(agencies.area(e.by), current.address.area);
}

const Event* address_confirmed_by(const std::vector<Event>& chronology, std::string_view child,
                                  const CurrentAddress& current, Timestamp as_of,
                                  const AgencyFacts& agencies) {
  const Event* latest = nullptr;
  for (const Event& e : chronology) {
    if (e.at.instant() > as_of.instant()) continue;
    if (latest != nullptr && e.at.instant() < latest->at.instant()) continue;
    if (confirms_address(e, child, current, agencies)) latest = &e;
  }
  return latest;
}

}  // namespace sightline
