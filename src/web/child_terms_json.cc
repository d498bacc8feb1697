#include "web/child_terms_json.h"

#include <map>
#include <stdexcept>
#include <string>

#include "chronology/address_confirmation.h"
#include "chronology/age.h"
#include "chronology/child_area.h"
#include "chronology/child_identity.h"
#include "chronology/hv_level.h"
#include "chronology/involvement.h"
#include "chronology/named_worker.h"
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
  if (const auto latest = latest_sighting(events, child, now)) {
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

nlohmann::json child_facts_json(const std::vector<ChronologyEntry>& entries, std::string_view child,
                                Timestamp now, const AgencyFacts& agencies, const FactNames& names,
                                nlohmann::json whereabouts, const Address* address) {
  const std::vector<Event> events = typed(entries);
  const ChildIdentity identity = child_identity(events, child);
  nlohmann::json out = nlohmann::json::object();
  if (const auto latest = latest_sighting(events, child, now)) {
    out["last_seen"] = {{"at", latest->event->at.to_string()},
                        {"by", std::string(latest->sighting.by)},
                        {"how", how_seen(*latest->event)}};
  } else {
    out["last_seen"] = nullptr;
  }
  // Whether the child was seen, since, at the address given (the page's
  // "Confirmed"), and the latest visit that saw them there.
  if (!identity.died && whereabouts.is_object() && whereabouts.value("state", "") == "at_address") {
    const auto since = Timestamp::parse(whereabouts.value("since", ""));
    const Event* there =
        since && address != nullptr
            ? address_confirmed_by(events, child, {*address, *since}, now, agencies)
            : nullptr;
    whereabouts["confirmed"] = there != nullptr;
    whereabouts["seen_there"] =
        there != nullptr ? nlohmann::json{{"at", there->at.to_string()}, {"by", there->by}}
                         : nlohmann::json();
  }
  // A child who has died has no whereabouts to confirm or find (R5).
  out["whereabouts"] = identity.died ? nlohmann::json() : std::move(whereabouts);
  // One entry per agency, in the order each first became involved, with the
  // agency's named worker (chronology/named_worker.h).
  const auto workers = named_workers(events, child, now);
  nlohmann::json involved = nlohmann::json::array();
  std::map<Id, std::size_t> index;
  for (const OpenInvolvement& i : involvement_while_alive(events, child, agencies)) {
    auto [at, added] = index.try_emplace(i.agency, involved.size());
    if (added) {
      const auto worker = workers.find(i.agency);
      involved.push_back(
          {{"agency", i.agency},
           {"agency_name", or_null(names.agency(i.agency))},
           {"kinds", nlohmann::json::array()},
           {"since", i.since.to_string()},
           {"named_worker", worker == workers.end()
                                ? nlohmann::json()
                                : nlohmann::json{{"name", worker->second.name},
                                                 {"phone", or_null(worker->second.phone)},
                                                 {"email", or_null(worker->second.email)}}}});
    }
    involved[at->second]["kinds"].push_back(std::string(to_string(i.kind)));
  }
  out["involved_now"] = involved;
  const auto dob = date_of_birth(events, child);
  // A child who has died is the age they were then.
  const auto age = dob ? age_on(*dob, identity.died.value_or(now.date)) : std::nullopt;
  out["age"] = age ? nlohmann::json{{"years", age->years}, {"months", age->months}} : nullptr;
  out["nhs_number"] = or_null(identity.nhs_number);
  out["sex"] = identity.sex ? nlohmann::json(std::string(to_string(*identity.sex))) : nullptr;
  nlohmann::json household = nlohmann::json::array();
  for (const HouseholdMember& m : identity.household) {
    nlohmann::json circumstances = nullptr;
    if (const auto c = circumstances_of(events, m.person)) {
      const auto named = [](const auto& v) {
        return v ? nlohmann::json(std::string(to_string(*v))) : nlohmann::json();
      };
      circumstances = {{"housing", named(c->housing)},
                       {"income", named(c->income)},
                       {"immigration", named(c->immigration)},
                       {"health", c->health},
                       {"at", c->at.to_string()}};
    }
    household.push_back({{"id", m.person},
                         {"name", or_null(names.person(m.person))},
                         {"relationship", std::string(to_string(m.role))},
                         {"carer", m.carer},
                         {"circumstances", circumstances}});
  }
  out["household"] = household;
  const Event* next = identity.died ? nullptr : next_appointment(events, child, now);
  out["next_appointment"] =
      next ? nlohmann::json{{"at", next->at.to_string()},
                            {"by", next->by},
                            {"kind", std::string(to_string(next->as<AppointmentEvent>().kind))}}
           : nlohmann::json();
  out["deceased"] = identity.died ? nlohmann::json(identity.died->to_string()) : nullptr;
  return out;
}

}  // namespace sightline::web
