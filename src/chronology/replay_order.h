// The order in which a child's facts change: the order Sightline learnt the
// events (by `recorded`, ties in the order they were stored), which is the
// order the safeguards engine applies them. A chronology lists events by when
// they happened (`at`); the terms that a later event ends (an involvement
// closed, an indicator resolved) read them in this order instead.
#pragma once

#include <vector>

#include "feed/event.h"

namespace sightline {

// Pointers into `events`, by (recorded, line); valid while `events` is.
std::vector<const Event*> in_replay_order(const std::vector<Event>& events);

}  // namespace sightline
