#include "chronology/whereabouts.h"

#include <algorithm>

#include "chronology/child_context.h"
#include "chronology/child_identity.h"
#include "chronology/replay_order.h"

namespace sightline {
namespace {

bool names(const std::vector<Id>& persons, std::string_view child) {
  return std::find(persons.begin(), persons.end(), child) != persons.end();
}

// Whether the event leaves the child's whereabouts unknown.
bool loses(const Event& e, std::string_view child) {
  switch (e.type) {
    case EventType::kWhereaboutsUnknown:
      return e.as<WhereaboutsUnknownEvent>().child == child;
    case EventType::kContact: {
      const auto& b = e.as<ContactEvent>();
      return b.outcome == ContactOutcome::kNotAtAddress && !b.child_seen && names(b.persons, child);
    }
    case EventType::kAddress: {
      const auto& b = e.as<AddressEvent>();
      return b.notice == AddressNotice::kWithoutNotice && b.address.kind == AddressKind::kUnknown &&
             names(b.persons, child);
    }
    default:
      return false;
  }
}

}  // namespace

std::optional<Timestamp> whereabouts_unknown_since(const std::vector<Event>& chronology,
                                                   std::string_view child) {
  const ChildChronologyContext known(chronology, child);
  std::optional<Timestamp> since;
  std::vector<std::int64_t> located;  // every instant the child was located at, so far
  std::vector<std::string_view> scratch;
  for (const Event* e : in_replay_order(chronology)) {
    // The event's own facts first, then whom it locates, as the engine does.
    if (!since && loses(*e, child)) {
      const std::int64_t t = e->at.instant();
      const bool located_since =
          std::any_of(located.begin(), located.end(), [&](std::int64_t l) { return l > t; });
      if (!located_since) since = e->at;
    }
    scratch.clear();
    append_located(*e, known, scratch);
    if (std::find(scratch.begin(), scratch.end(), child) == scratch.end()) continue;
    const std::int64_t t = e->at.instant();
    located.push_back(t);
    if (since && t >= since->instant()) since.reset();
  }
  return since;
}

std::optional<Timestamp> whereabouts_unknown_while_alive(const std::vector<Event>& chronology,
                                                         std::string_view child) {
  if (date_of_death(chronology, child)) return std::nullopt;
  return whereabouts_unknown_since(chronology, child);
}

}  // namespace sightline
