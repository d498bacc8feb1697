// Whether the address a child is said to live at has been confirmed: someone
// saw the child there since it was given (docs/safeguards-readings.md, R70). Defined once here; the
// API's `whereabouts.confirmed` and the child's page read it.
//
// A contact confirms the current address when it
// - names the child and saw them in person (`child_seen`, in a mode that can
//   show the child, and not on video: a video call shows the child, not
//   where they are),
// - is dated at or after the address was given, and not after `as_of` (an
//   appointment to come has not happened yet), and
// - either was recorded with an `address` whose postcode is the current
//   address's (normalised: case and spaces do not matter), or is a home visit
//   recorded with no `address` by an agency of the current address's area
//   (compared by upper-tier authority: a county's health visitors visit
//   homes in each of its districts).
// A home visit recorded at another address, or a home visit with no address
// by another area's agency (Luton "confirming" an Ealing address), does not.
#pragma once

#include <string_view>
#include <vector>

#include "chronology/agency_facts.h"
#include "feed/event.h"

namespace sightline {

// The address the child is said to live at, and since when.
struct CurrentAddress {
  const Address& address;
  Timestamp since;
};

// Whether `event` confirms `current` as where `child` lives (the terms above;
// `as_of` aside). `agencies` says where the recording agency is.
bool confirms_address(const Event& event, std::string_view child, const CurrentAddress& current,
                      const AgencyFacts& agencies);

// The latest event of `chronology` (the child's integrated chronology, in any
// order) that confirms `current`, dated no later than `as_of`; of two at the
// same instant the later in the list. nullptr when nothing has confirmed it.
const Event* address_confirmed_by(const std::vector<Event>& chronology, std::string_view child,
                                  const CurrentAddress& current, Timestamp as_of,
                                  const AgencyFacts& agencies);

// Whether two GSS codes are areas of one upper-tier (children's services)
// authority; an unknown code is only the same as itself. Empty is no area.
bool same_upper_tier_area(std::string_view a, std::string_view b);

}  // namespace sightline
