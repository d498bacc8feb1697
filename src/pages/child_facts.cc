#include "pages/child_facts.h"

#include <algorithm>
#include <set>

#include "chronology/sightings.h"
#include "pages/chronology_events.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* field) {
  if (!j.is_object() || !j.contains(field) || !j[field].is_string()) return {};
  return j[field].get<std::string>();
}

bool names_child(const json& event, const std::string& child) {
  for (const char* f : {"child", "person"}) {
    if (str(event, f) == child) return true;
  }
  if (event.contains("persons") && event["persons"].is_array()) {
    for (const json& p : event["persons"]) {
      if (p.is_string() && p.get<std::string>() == child) return true;
    }
  }
  return false;
}

// How the event saw the child, for the page to name: the contact's mode, the
// appointment's kind, else what the event was.
std::string how_seen(const Event& e) {
  switch (e.type) {
    case EventType::kContact:
      return std::string(to_string(e.as<ContactEvent>().mode));
    case EventType::kAppointment: {
      const AppointmentKind kind = e.as<AppointmentEvent>().kind;
      return kind == AppointmentKind::kOther ? "appointment" : std::string(to_string(kind));
    }
    case EventType::kTransferAccepted:
      return "transfer visit";
    default:
      return std::string(to_string(e.type));
  }
}

// An agency's involvement, keyed by what it is, so that a later event can end it.
struct OpenWork {
  std::string agency, what, since;
};

}  // namespace

ChildFacts derive_child_facts(const json& entries, const std::string& child) {
  ChildFacts facts;
  if (!entries.is_array()) return facts;
  std::map<std::string, OpenWork> open;  // key -> work
  std::map<std::string, OpenAssessment> assessments;
  std::map<std::string, OpenReferral> referrals;
  std::map<std::string, std::pair<std::string, std::string>> plans;      // id -> kind, agency
  std::map<std::string, std::pair<std::string, std::string>> transfers;  // id -> to, from
  std::map<std::string, ActiveIndicator> indicators;
  std::set<std::string> seen_agencies;

  // Last seen, by the catalogue's one definition of "seen" (C5).
  const std::vector<Event> events = typed_events(entries);
  if (const auto latest = latest_sighting(events, child)) {
    facts.last_seen = LastSeen{latest->event->at.to_string(), std::string(latest->sighting.by),
                               how_seen(*latest->event)};
  }

  for (const json& entry : entries) {
    const json& e = entry.contains("event") ? entry["event"] : json();
    const std::string type = str(entry, "type");
    const std::string at = str(entry, "at");
    const std::string by = str(entry, "by");
    if (!by.empty() && seen_agencies.insert(by).second) facts.agencies.push_back(by);
    const bool about_child = names_child(e, child);

    if (type == "registration" && about_child) {
      open["gp:" + str(e, "agency")] = {str(e, "agency"), "Registered GP practice", at};
    } else if (type == "deregistration" && about_child) {
      open.erase("gp:" + str(e, "agency"));
    } else if (type == "hv_level" && about_child) {
      facts.hv_level = str(e, "level");
      open["hv:" + by] = {by, "Health visiting (" + str(e, "level") + ")", at};
    } else if (type == "referral" && about_child) {
      referrals[str(e, "id")] = {str(e, "id"), at, str(e, "from"), str(e, "to")};
      facts.last_referrer = str(e, "from");
    } else if (type == "referral_outcome") {
      referrals.erase(str(e, "referral"));
    } else if (type == "assessment_started" && about_child) {
      assessments[str(e, "id")] = {str(e, "id"), str(e, "kind"), str(e, "agency"), at};
    } else if (type == "assessment_completed") {
      assessments.erase(str(e, "assessment"));
    } else if (type == "plan_started" && about_child) {
      plans[str(e, "id")] = {str(e, "kind"), str(e, "agency")};
      open["plan:" + str(e, "id")] = {str(e, "agency"), str(e, "kind") + " plan", at};
    } else if (type == "plan_ended") {
      plans.erase(str(e, "plan"));
      open.erase("plan:" + str(e, "plan"));
    } else if (type == "transfer" && about_child) {
      transfers[str(e, "id")] = {str(e, "to"), str(e, "from")};
      open["transfer:" + str(e, "id")] = {str(e, "to"), "Transfer in, awaiting acceptance", at};
    } else if (type == "transfer_accepted") {
      const auto it = transfers.find(str(e, "transfer"));
      if (it != transfers.end()) {
        open["transfer:" + it->first] = {it->second.first, "Case transferred in", at};
      }
    } else if (type == "transfer_declined") {
      open.erase("transfer:" + str(e, "transfer"));
    } else if (type == "case_closed" && about_child) {
      const std::string agency = str(e, "agency");
      std::erase_if(open, [&](const auto& kv) { return kv.second.agency == agency; });
      std::erase_if(assessments, [&](const auto& kv) { return kv.second.agency == agency; });
    } else if (type == "indicator" && about_child) {
      const std::string code = str(e, "indicator");
      if (str(e, "status") == "resolved") {
        indicators.erase(code);
      } else if (!indicators.contains(code)) {
        indicators[code] = {code, at, by};
      }
    }
    // A referral's concerns are indicators the referrer saw.
    if (type == "referral" && about_child && e.contains("concerns") && e["concerns"].is_array()) {
      for (const json& c : e["concerns"]) {
        if (c.is_string() && !indicators.contains(c.get<std::string>())) {
          indicators[c.get<std::string>()] = {c.get<std::string>(), at, by};
        }
      }
    }
  }

  for (const auto& [key, w] : open) facts.involved_now.push_back({w.agency, w.what, w.since});
  for (const auto& [id, a] : assessments) {
    facts.open_assessments.push_back(a);
    facts.involved_now.push_back({a.agency, "Open " + a.kind + " assessment", a.started});
  }
  for (const auto& [id, r] : referrals) {
    facts.open_referrals.push_back(r);
    facts.involved_now.push_back({r.to, "Referral awaiting an outcome", r.at});
  }
  for (const auto& [id, p] : plans) facts.open_plans.push_back(p.first);
  std::sort(facts.involved_now.begin(), facts.involved_now.end(),
            [](const Involvement& a, const Involvement& b) { return a.since < b.since; });
  std::sort(facts.open_referrals.begin(), facts.open_referrals.end(),
            [](const OpenReferral& a, const OpenReferral& b) { return a.at < b.at; });
  for (const auto& [code, indicator] : indicators) {
    const auto parsed = parse_name<Indicator>(code);
    facts.indicators[parsed ? domain_of(*parsed) : Domain::kOther].push_back(indicator);
  }
  for (auto& [domain, list] : facts.indicators) {
    std::sort(list.begin(), list.end(),
              [](const ActiveIndicator& a, const ActiveIndicator& b) { return a.since < b.since; });
  }
  return facts;
}

std::vector<std::string> active_indicator_codes(const ChildFacts& facts) {
  std::set<std::string> active;
  for (const auto& [domain, list] : facts.indicators) {
    for (const ActiveIndicator& i : list) active.insert(i.code);
  }
  std::vector<std::string> out;
  for (std::string_view name : names_of<Indicator>()) {
    if (active.contains(std::string(name))) out.emplace_back(name);
  }
  return out;
}

}  // namespace sightline::pages
