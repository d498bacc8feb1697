#include "web/child_terms_json.h"

#include <stdexcept>
#include <string>

#include "chronology/age.h"
#include "chronology/child_area.h"
#include "chronology/hv_level.h"
#include "chronology/involvement.h"
#include "chronology/sightings.h"
#include "chronology/whereabouts.h"
#include "store/stored_event_reader.h"

namespace sightline::web {
namespace {

// The stored lines typed again; each passed validation when stored, so what
// it refers to is taken on trust.
std::vector<Event> typed(const std::vector<ChronologyEntry>& entries) {
  StoredEventReader reader;
  std::vector<Event> out;
  out.reserve(entries.size());
  for (const ChronologyEntry& entry : entries) out.push_back(reader.read(entry.json, entry.seq));
  return out;
}

nlohmann::json or_null(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

}  // namespace

nlohmann::json child_terms_json(const std::vector<ChronologyEntry>& entries, std::string_view child,
                                Timestamp now, const AgencyFacts& agencies,
                                const IndicatorWindowsOfArea& windows) {
  const std::vector<Event> events = typed(entries);
  const std::string area = child_area(events, child, agencies);
  nlohmann::json out = nlohmann::json::object();
  if (const auto latest = latest_sighting(events, child)) {
    out["last_seen"] = {{"at", latest->event->at.to_string()},
                        {"by", std::string(latest->sighting.by)}};
  } else {
    out["last_seen"] = nullptr;
  }
  const auto unknown = whereabouts_unknown_since(events, child);
  out["whereabouts_unknown_since"] = unknown ? nlohmann::json(unknown->to_string()) : nullptr;
  nlohmann::json involvement = nlohmann::json::array();
  for (const OpenInvolvement& i : open_involvement(events, child, agencies)) {
    involvement.push_back({{"agency", i.agency},
                           {"kind", std::string(to_string(i.kind))},
                           {"ref", or_null(i.ref)},
                           {"detail", i.detail},
                           {"since", i.since.to_string()}});
  }
  out["involvement"] = involvement;
  nlohmann::json indicators = nlohmann::json::object();
  const IndicatorWindows windows_here = windows ? windows(area) : IndicatorWindows();
  for (const auto& [domain, list] : active_indicators(events, child, now, windows_here)) {
    nlohmann::json items = nlohmann::json::array();
    for (const ActiveIndicator& i : list) {
      items.push_back({{"indicator", std::string(to_string(i.indicator))},
                       {"since", i.since.to_string()},
                       {"by", i.by}});
    }
    indicators[std::string(to_string(domain))] = items;
  }
  out["indicators"] = indicators;
  out["area"] = or_null(area);
  const auto level = hv_level_now(events, child);
  out["hv_level"] = level ? nlohmann::json(std::string(to_string(level->level))) : nullptr;
  out["hv_enhanced"] = level && level->enhanced();
  const auto dob = date_of_birth(events, child);
  out["date_of_birth"] = dob ? nlohmann::json(dob->to_string()) : nullptr;
  return out;
}

}  // namespace sightline::web
