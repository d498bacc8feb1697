// What makes closing a child's case a fault (catalogue `closure-before-seen`,
// C8), defined once over typed events, for the closure form to warn before
// saving and for the engine's rule to be checked against:
//
// - the child's whereabouts are unknown (chronology/whereabouts.h);
// - a transfer of the child to or from the closing agency that has not been
//   accepted with the child seen (declined counts as not accepted): the first
//   such, in the order the transfers were learnt;
// - an assessment or s47 enquiry of the closing agency still open
//   (chronology/involvement.h; a closure does not complete it, C8).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "chronology/agency_facts.h"
#include "feed/event.h"

namespace sightline {

struct ClosureBlockers {
  std::optional<Timestamp> whereabouts_unknown_since;
  struct Transfer {
    Id id;
    Id other;            // the agency at the other end
    bool to_it = false;  // sent to the closing agency (else from it)
    Timestamp sent;      // the transfer's `at`
  };
  std::optional<Transfer> transfer;
  struct Assessment {
    Id id;
    std::string kind;  // "child_and_family", "s47", ...
    Timestamp started;
  };
  std::optional<Assessment> assessment;  // the earliest still open

  bool any() const { return whereabouts_unknown_since || transfer || assessment; }
  // The engine's words for each (the alert's `reasons`), in its order.
  std::vector<std::string> reasons() const;
};

// Why `closer` closing the child's case now, after the events of its
// integrated chronology, would be a fault.
ClosureBlockers closure_blockers(const std::vector<Event>& chronology, std::string_view child,
                                 std::string_view closer, const AgencyFacts& agencies);

}  // namespace sightline
