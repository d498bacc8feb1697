#include "pages/chronology_episodes.h"

#include <algorithm>

#include "core/areas.h"
#include "core/date.h"
#include "pages/api_client.h"
#include "pages/layout.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

bool contains(const json& list, const std::string& value) {
  return list.is_array() && std::any_of(list.begin(), list.end(), [&](const json& p) {
           return p.is_string() && p.get<std::string>() == value;
         });
}

// "3 High Street, London, W5 3AA, Ealing", or what kind of address it was.
std::string address_words(const json& a) {
  const std::string kind = text_field(a, "kind");
  std::string out;
  if (kind == "no_fixed_abode") {
    out = "no fixed abode";
  } else if (kind == "unknown") {
    out = "an address not known";
  } else {
    for (const char* f : {"line1", "line2", "town", "postcode"}) {
      const std::string part = text_field(a, f);
      if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
    }
    if (out.empty()) out = "an address";
    if (kind == "temporary") out += " (temporary)";
  }
  if (const LocalAuthorityArea* area = find_area(text_field(a, "area"))) out += ", " + area->name;
  return out;
}

std::int64_t instant_of(const std::string& at) {
  const auto t = Timestamp::parse(at);
  return t ? t->instant() : INT64_MIN;
}

}  // namespace

std::vector<Episode> address_episodes(const json& entries, const std::string& child,
                                      const std::string& born) {
  std::vector<Episode> out = {{"Before an address was recorded", INT64_MIN}};
  if (entries.is_array()) {
    for (const json& entry : entries) {
      const json& e = entry.contains("event") ? entry["event"] : json();
      if (text_field(e, "type") != "address") continue;
      const std::string at = text_field(entry, "at");
      const bool childs = contains(e.contains("persons") ? e["persons"] : json(), child);
      const bool before_birth = born.empty() || at.substr(0, 10) < born;
      const bool mothers = contains(entry.contains("about") ? entry["about"] : json(), "mother");
      if (!childs && !(before_birth && mothers)) continue;
      const json& a = e.contains("address") ? e["address"] : json();
      out.push_back({"At " + address_words(a), instant_of(at)});
    }
  }
  std::stable_sort(out.begin() + 1, out.end(),
                   [](const Episode& x, const Episode& y) { return x.from < y.from; });
  // Dates from the sorted instants: each runs to the next one's start.
  for (std::size_t i = 1; i < out.size(); ++i) {
    const auto day = [](std::int64_t t) {
      return display_date(Timestamp::of_instant(t).date.to_string());
    };
    const std::string to = i + 1 < out.size() ? day(out[i + 1].from) : std::string("now");
    out[i].heading += " \u2014 " + day(out[i].from) + " to " + to;
  }
  return out;
}

std::size_t episode_of(const std::vector<Episode>& episodes, const std::string& at) {
  const std::int64_t t = instant_of(at);
  std::size_t found = 0;
  for (std::size_t i = 1; i < episodes.size(); ++i) {
    if (episodes[i].from <= t) found = i;
  }
  return found;
}

}  // namespace sightline::pages
