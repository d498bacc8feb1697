#include "pages/child_facts.h"

#include <algorithm>
#include <set>

#include "chronology/child_area.h"
#include "chronology/hv_level.h"
#include "chronology/indicators.h"
#include "chronology/involvement.h"
#include "chronology/replay_order.h"
#include "chronology/sightings.h"
#include "chronology/whereabouts.h"
#include "pages/chronology_events.h"

namespace sightline::pages {
namespace {

// What the page calls each kind of open involvement.
std::string what_involvement(const OpenInvolvement& i) {
  switch (i.kind) {
    case InvolvementKind::kAssessment:
    case InvolvementKind::kS47:
      return "Open " + i.detail + " assessment";
    case InvolvementKind::kChildInNeedPlan:
    case InvolvementKind::kChildProtectionPlan:
    case InvolvementKind::kLookedAfterPlan:
      return i.detail + " plan";
    case InvolvementKind::kEnhancedHealthVisiting:
      return "Health visiting (" + i.detail + ")";
    case InvolvementKind::kAcceptedTransfer:
      return "Case transferred in";
  }
  return i.detail;
}

// What else ties an agency to the child now, beyond the catalogue's open
// involvement: a GP registration, a transfer awaiting an answer, a referral
// awaiting an outcome.
struct OtherTies {
  std::map<Id, Involvement> registrations;  // practice -> since
  std::map<Id, Involvement> pending_transfers;
  std::map<Id, OpenReferral> referrals;
};

OtherTies other_ties(const std::vector<Event>& events, const std::string& child) {
  OtherTies out;
  for (const Event* e : in_replay_order(events)) {
    switch (e->type) {
      case EventType::kRegistration: {
        const auto& b = e->as<RegistrationEvent>();
        if (b.child == child)
          out.registrations[b.agency] = {b.agency, "Registered GP practice", e->at.to_string()};
        break;
      }
      case EventType::kDeregistration: {
        const auto& b = e->as<DeregistrationEvent>();
        if (b.child == child) out.registrations.erase(b.agency);
        break;
      }
      case EventType::kTransfer: {
        const auto& b = e->as<TransferEvent>();
        if (b.child == child) {
          out.pending_transfers[e->id] = {b.to, "Transfer in, awaiting acceptance",
                                          e->at.to_string()};
        }
        break;
      }
      case EventType::kTransferAccepted:
        out.pending_transfers.erase(e->as<TransferAcceptedEvent>().transfer);
        break;
      case EventType::kTransferDeclined:
        out.pending_transfers.erase(e->as<TransferDeclinedEvent>().transfer);
        break;
      case EventType::kReferral: {
        const auto& b = e->as<ReferralEvent>();
        if (b.child != child) break;
        out.referrals[e->id] = {e->id, e->at.to_string(), b.from, b.to};
        break;
      }
      case EventType::kReferralOutcome:
        out.referrals.erase(e->as<ReferralOutcomeEvent>().referral);
        break;
      default:
        break;
    }
  }
  return out;
}

Timestamp latest_recorded(const std::vector<Event>& events) {
  Timestamp latest;
  for (const Event& e : events) {
    if (e.recorded.instant() > latest.instant()) latest = e.recorded;
  }
  return latest;
}

}  // namespace

ChildFacts derive_child_facts(const nlohmann::json& entries, const std::string& child) {
  const std::vector<Event> events = typed_events(entries);
  return derive_child_facts(entries, child, latest_recorded(events), NoAgencyFacts());
}

ChildFacts derive_child_facts(const nlohmann::json& entries, const std::string& child,
                              Timestamp now, const AgencyFacts& agencies,
                              const IndicatorWindowsOfArea& windows) {
  ChildFacts facts;
  if (!entries.is_array()) return facts;
  const std::vector<Event> events = typed_events(entries);

  std::set<std::string> seen_agencies;
  for (const Event& e : events) {
    if (!e.by.empty() && seen_agencies.insert(e.by).second) facts.agencies.push_back(e.by);
  }

  // Last seen, by the catalogue's one definition of "seen" (C5).
  if (const auto latest = latest_sighting(events, child, now)) {
    facts.last_seen = LastSeen{latest->event->at.to_string(), std::string(latest->sighting.by),
                               how_seen(*latest->event)};
  }
  if (const auto since = whereabouts_unknown_while_alive(events, child)) {
    facts.whereabouts_unknown_since = since->to_string();
  }

  // Open involvement (C8), and the level of health visiting.
  const std::optional<HvLevelNow> level = hv_level_now(events, child);
  if (level) facts.hv_level = std::string(to_string(level->level));
  // Live work: none once the child has died (chronology/involvement.h); the
  // open pieces of work stay for the forms that end them.
  for (const OpenInvolvement& i : involvement_while_alive(events, child, agencies)) {
    facts.involved_now.push_back({i.agency, what_involvement(i), i.since.to_string()});
  }
  for (const OpenInvolvement& i : open_involvement(events, child, agencies)) {
    if (i.kind == InvolvementKind::kAssessment || i.kind == InvolvementKind::kS47) {
      facts.open_assessments.push_back({i.ref, i.detail, i.agency, i.since.to_string()});
    } else if (i.kind == InvolvementKind::kChildInNeedPlan ||
               i.kind == InvolvementKind::kChildProtectionPlan ||
               i.kind == InvolvementKind::kLookedAfterPlan) {
      facts.open_plans.push_back(i.detail);
    }
  }
  if (level && !level->enhanced()) {
    facts.other_ties.push_back(
        {level->by, "Health visiting (" + facts.hv_level + ")", level->at.to_string()});
  }
  OtherTies ties = other_ties(events, child);
  for (const auto& [practice, tie] : ties.registrations) facts.other_ties.push_back(tie);
  for (const auto& [id, tie] : ties.pending_transfers) facts.other_ties.push_back(tie);
  for (const auto& [id, r] : ties.referrals) {
    facts.open_referrals.push_back(r);
    facts.other_ties.push_back({r.to, "Referral awaiting an outcome", r.at});
  }
  const auto by_since = [](const Involvement& a, const Involvement& b) {
    return Timestamp::parse(a.since)->instant() < Timestamp::parse(b.since)->instant();
  };
  std::stable_sort(facts.involved_now.begin(), facts.involved_now.end(), by_since);
  std::stable_sort(facts.other_ties.begin(), facts.other_ties.end(), by_since);
  std::sort(facts.open_referrals.begin(), facts.open_referrals.end(),
            [](const OpenReferral& a, const OpenReferral& b) {
              return Timestamp::parse(a.at)->instant() < Timestamp::parse(b.at)->instant();
            });

  facts.named_workers = named_workers(events, child, now);

  // Active indicators by domain (Terms, C7); none for a child who has died.
  const IndicatorWindows windows_here =
      windows ? windows(child_area(events, child, agencies)) : IndicatorWindows();
  for (const auto& [domain, list] : indicators_while_alive(events, child, now, windows_here)) {
    for (const sightline::ActiveIndicator& i : list) {
      facts.indicators[domain].push_back(
          {std::string(to_string(i.indicator)), i.since.to_string(), i.by});
    }
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
