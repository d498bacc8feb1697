// "The child's area" (catalogue C1, R4), defined once over typed events: the
// area of the child's latest address that gave one (for an unborn child, the
// mother's; a newborn without an address of its own has the mother's as it
// was at the birth), else a carer's, else the birth place's, else the GP
// practice's (registered and not since deregistered), else, beyond C1, the
// area of the agency that last reported about the child or a carer (R4).
//
// address_area_on is the first step alone as of a day, by when the addresses
// took effect (`at`): the dashboard's area rule (docs/dashboard.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chronology/agency_facts.h"
#include "core/date.h"
#include "feed/event.h"

namespace sightline {

// The GSS code, or "" when nothing places the child. `chronology` is the
// child's integrated chronology (in any order; read in replay order).
std::string child_area(const std::vector<Event>& chronology, std::string_view child,
                       const AgencyFacts& agencies);

// The area of the child's latest address with an area dated on or before
// `day` (of two on one instant, the later in `addresses`), or "". Reads only
// `address` events naming the child.
std::string address_area_on(const std::vector<Event>& addresses, std::string_view child, Date day);

}  // namespace sightline
