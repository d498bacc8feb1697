// A child's chronology as the API gives it (GET /api/v1/children/{id}/chronology),
// typed again (feed/event.h), so that the pages read the catalogue's terms
// from their one definition over typed events (chronology/) and not from the
// JSON of each event.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "feed/event.h"

namespace sightline::pages {

// `entries` is the chronology's "entries" array; the events come back in its
// order. Each entry's "event" is a line that passed validation when stored, so
// what it refers to is taken on trust (FeedParser::trust_references). Throws
// std::runtime_error naming the entry's seq if one no longer parses, for a
// page that left out an event would say something untrue about the child.
std::vector<Event> typed_events(const nlohmann::json& entries);

}  // namespace sightline::pages
