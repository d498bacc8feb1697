// Whether a child's whereabouts are unknown now (catalogue `whereabouts-unknown`
// and `closure-before-seen`; C5, R32, R65), defined once over typed events.
//
// - They become unknown at a `whereabouts_unknown`, a `contact` naming the
//   child with outcome `not_at_address` that did not see the child, or an
//   `address` for the child given `without_notice` of kind `unknown`. One
//   episode at a time: a report while they are unknown starts none.
// - They are known again when something that happened at or after that
//   moment locates the child (chronology/sightings.h, "located"), however late
//   either was learnt: a location learnt before a trigger but dated after it
//   means the trigger never left the child unlocated.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "feed/event.h"

namespace sightline {

// When the child's whereabouts became unknown (the trigger's `at`), if they
// are unknown after the events of the child's integrated chronology (in any
// order; read in replay order); nullopt when they are known.
std::optional<Timestamp> whereabouts_unknown_since(const std::vector<Event>& chronology,
                                                   std::string_view child);

// What the pages and the API show of it: the same, or nullopt once a `death`
// of the child is recorded (R5: a child who has died has no whereabouts to
// find; the catalogue's term above, which the engine holds, is unchanged).
std::optional<Timestamp> whereabouts_unknown_while_alive(const std::vector<Event>& chronology,
                                                         std::string_view child);

}  // namespace sightline
