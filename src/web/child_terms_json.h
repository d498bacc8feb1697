// The catalogue's terms of a child as the API's child summary gives them
// (GET /api/v1/children/{id}, "terms"; docs/api.md): each read from its one
// definition over typed events (chronology/), so that the API says what the
// pages and the safeguards engine hold.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "chronology/agency_facts.h"
#include "chronology/indicators.h"
#include "chronology/views.h"

namespace sightline::web {

// `entries` is the child's integrated chronology as the store gives it; the
// terms are as of `now` (derived indicators lapse by then, after the windows
// configured for the child's area, as the engine and the pages lapse them;
// empty `windows`: the national ones). Throws
// std::runtime_error naming the entry if a stored event no longer parses.
nlohmann::json child_terms_json(const std::vector<ChronologyEntry>& entries, std::string_view child,
                                Timestamp now, const AgencyFacts& agencies,
                                const IndicatorWindowsOfArea& windows = {});

// What the child's page shows at a glance, as the API's child summary gives it
// at its top level (docs/api.md, "Summary and chronology"), from the same
// definitions the page reads (chronology/: sightings, involvement, age,
// child_identity, named_worker): `last_seen` ({at, by, how} or null),
// `involved_now` (one entry per agency, with its `named_worker`: {name,
// phone, email} or null), `age`, `nhs_number`, `sex`, `household` (with each
// member's circumstances), `next_appointment`, `deceased`, and
// `whereabouts`: the store's projection passed in (null when none) with, at
// an address (`address`, the child's current one), `confirmed`: whether
// someone saw the child there since it was given, and `seen_there`: the
// latest such sighting ({at, by} or null) (chronology/address_confirmation.h).
// Facts are as of `now`: nothing dated after it has happened yet. A child who has
// died has no live work: `involved_now` is then empty (chronology/
// involvement.h, involvement_while_alive), and `whereabouts` and
// `next_appointment` null.
// `names.person` gives a person's display name, `names.agency` an agency's
// ("" when not known).
struct FactNames {
  std::function<std::string(const Id&)> person;
  std::function<std::string(const Id&)> agency;
};
nlohmann::json child_facts_json(const std::vector<ChronologyEntry>& entries, std::string_view child,
                                Timestamp now, const AgencyFacts& agencies, const FactNames& names,
                                nlohmann::json whereabouts, const Address* address);

}  // namespace sightline::web
