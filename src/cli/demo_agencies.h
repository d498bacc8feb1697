// One name per agency in the demonstration. `serve --demo` imports the Sofia
// scenario, whose agencies are the real services of its seven areas (named
// as the review names them: "Ealing health visiting (Ealing Community
// Services)"), and then a synthetic caseload whose world gives every English
// area its own set of services ("Ealing health visiting"). Imported as they
// are, the scenario's areas would have each service twice under two names.
// So the synthetic caseload uses the scenario's agency wherever the scenario
// has one of that kind in that area, and its own only elsewhere.
#pragma once

#include <string>
#include <vector>

#include "chronology/views.h"

namespace sightline::cli {

// `feed` (events-v1 JSON Lines) with each of its `agency` lines that is of the
// same kind and area as one of `existing` dropped, and every mention of the
// dropped agency's id (a JSON string `"ID"`) replaced by the existing
// agency's id. An existing agency takes the place of at most one agency of
// the feed (the first of its kind and area), so that a feed with two GP
// practices in an area keeps the second. A kept agency whose name (in any
// case) an agency before it already has is named with its area's code after
// it ("Somerset police (E06000066)": two areas of one name, a county before
// and after it became a unitary authority), so that no two share a name.
std::string merge_duplicate_agencies(const std::string& feed,
                                     const std::vector<AgencyView>& existing);

// The schools and education services of the demonstration's areas (the
// Sofia scenario's seven and Birmingham, where demo.birmingham-hv works), as
// `agency` lines dated `at`: a primary school, a nursery (early years) and
// the council's education welfare service for each. Invented for the
// demonstration; no real school is named.
std::string demo_education_agencies(const std::string& at);

}  // namespace sightline::cli
