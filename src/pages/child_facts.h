// What a child's page says at a glance, read from the child's integrated
// chronology as the API gives it (GET /api/v1/children/{id}/chronology):
// who is involved now, when the child was last seen and by whom, the active
// indicators, and the open pieces of work that the record forms start from.
//
// Derived only from what the API returned, so it shows nothing the user may
// not see, and only through the catalogue's one definition of each term
// (chronology/: sightings, involvement, hv_level, indicators, whereabouts,
// closure_blockers, named_worker), so that the page says what the safeguards engine holds.
// Facts are as of the end of that chronology: a chronology as known at a date
// gives the facts as they could be known then.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "chronology/agency_facts.h"
#include "chronology/indicators.h"
#include "chronology/named_worker.h"
#include "feed/event.h"

namespace sightline::pages {

struct Involvement {
  std::string agency = {};  // id
  std::string what = {};    // "Registered GP", "Open child and family assessment", ...
  std::string since = {};   // the `at` of the event that began it
};

// The latest sighting, as the catalogue defines "seen" (chronology/sightings.h).
struct LastSeen {
  std::string at = {};  // when
  std::string by = {};  // the agency that saw the child (an accepted transfer's receiver)
  // The contact's mode ("home_visit"), the appointment's kind ("immunisation",
  // or "appointment"), "medical", "birth", "found" or "transfer visit".
  std::string how = {};
};

struct ActiveIndicator {
  std::string code = {};   // "unsafe_sleeping"
  std::string since = {};  // first noted (the latest time it became present)
  std::string by = {};     // agency that noted it
};

struct OpenReferral {
  std::string id = {}, at = {}, from = {}, to = {};
};

struct OpenAssessment {
  std::string id = {}, kind = {}, agency = {}, started = {};
};

struct ChildFacts {
  // The catalogue's open involvement (C8), oldest first: exactly the API
  // summary's `terms.involvement` and the engine's; none once the child has
  // died (involvement_while_alive).
  std::vector<Involvement> involved_now;
  // What else ties an agency to the child now, which the catalogue does not
  // count as involvement: a GP registration, a level of health visiting that
  // is not enhanced, a transfer awaiting acceptance, a referral awaiting an
  // outcome. Oldest first.
  std::vector<Involvement> other_ties;
  std::optional<LastSeen> last_seen;
  // By domain, oldest first; none once the child has died (indicators_while_alive).
  std::map<Domain, std::vector<ActiveIndicator>> indicators;
  std::vector<OpenReferral> open_referrals;      // without an outcome yet
  std::vector<OpenAssessment> open_assessments;  // not completed
  std::vector<std::string> open_plans;           // kinds: "child_protection", ...
  std::string hv_level = {};          // the level now (ended by the setter's closure, C8), or ""
  std::vector<std::string> agencies;  // every agency in the chronology, first seen first
  // Each agency's named worker for the child now, by agency id
  // (chronology/named_worker.h).
  std::map<std::string, NamedWorker, std::less<>> named_workers;
  // When the child's whereabouts became unknown, if they are unknown now and
  // the child has not died (whereabouts_unknown_while_alive).
  std::string whereabouts_unknown_since = {};
};

// `entries` is the chronology's "entries" array; `child` the child's id.
// Derived indicators lapse by `now` (the page's clock) after the windows of
// the child's area (`windows`; empty: the national defaults); `agencies` says
// which agencies are health visiting and where they are. Throws
// std::runtime_error naming the entry if a stored event no longer parses.
ChildFacts derive_child_facts(const nlohmann::json& entries, const std::string& child,
                              Timestamp now, const AgencyFacts& agencies,
                              const IndicatorWindowsOfArea& windows = {});
// The same as of the latest `recorded` time in the chronology, knowing no
// agency's kind.
ChildFacts derive_child_facts(const nlohmann::json& entries, const std::string& child);

// Every indicator code currently active, in events-v1 order.
std::vector<std::string> active_indicator_codes(const ChildFacts& facts);

}  // namespace sightline::pages
