// The catalogue's terms of a child as the API's child summary gives them
// (GET /api/v1/children/{id}, "terms"; docs/api.md): each read from its one
// definition over typed events (chronology/), so that the API says what the
// pages and the safeguards engine hold.
#pragma once

#include <nlohmann/json.hpp>
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

}  // namespace sightline::web
