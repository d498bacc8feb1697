// A child's chronology in words (chronology_page.cc): the page of its own,
// /children/{id}/chronology, and the latest entries the child's page shows.
// Internal to the pages module.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "pages/event_text.h"
#include "pages/html.h"
#include "pages/visit.h"

namespace sightline::pages {

// What the words of an entry depend on besides the entry.
struct ChronologyContext {
  std::string child = {};  // id
  std::string born = {};   // date of birth, YYYY-MM-DD, or "" when not known
  bool unborn = false;     // expected, not born: every contact is antenatal
  std::string today = {};  // YYYY-MM-DD: entries dated after it are planned
  const AgencyNames& names;
};

// For `child`, whose summary (GET /api/v1/children/{id}) is `summary`, today.
ChronologyContext chronology_context(const Visit& v, const std::string& child,
                                     const nlohmann::json& summary, const AgencyNames& names);

// The child page's section: what is planned, the latest ten entries newest
// first under month headings, and a link to the whole chronology.
Html latest_chronology(const std::string& child, const nlohmann::json& entries,
                       const ChronologyContext& context);

}  // namespace sightline::pages
