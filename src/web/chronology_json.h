// The entries of a chronology as GET /api/v1/children/{id}/chronology writes
// them (docs/api.md): for each event its `seq`, `type`, `at`, `recorded`, `by`
// (null for none), `about` and, under `event`, the stored line exactly as its
// agency sent it, with no tree of values built and printed.
#pragma once

#include <string>
#include <vector>

#include "chronology/views.h"

namespace sightline::web {

// Appends the JSON array of `entries` to `out`.
void append_chronology_entries(std::string& out, const std::vector<ChronologyEntry>& entries);

}  // namespace sightline::web
