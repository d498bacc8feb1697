// child-not-seen (F7, F8): while an agency has open involvement with a child
// it must see the child at least every 10 WD under an open s47 or CP plan,
// every 20 WD under an open assessment or CIN plan, every 30 WD when its
// health visiting is enhanced; an accepted transfer sets the interval by its
// status (C5); a looked_after plan sets none (R44). Only the owning agency's
// sightings count (C5). One recurring duty per (child, agency): due N WD
// after the later of the agency's last sighting and the start of the
// involvement that sets the interval. The duty ends with the agency's last
// involvement (C9); a raised alert stays until the agency sees the child.
#include <algorithm>
#include <optional>

#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

enum Param : std::size_t { kProtectionWd, kAssessmentWd, kEnhancedWd };

class ChildNotSeen final : public Rule {
 public:
  ChildNotSeen()
      : Rule({"child-not-seen",
              "F7, F8",
              "Local child protection procedures on statutory visits (e.g. London, Luton: a child "
              "on a CP plan seen at least every 10 working days); Healthy Child Programme "
              "enhanced health visiting; Sofia SCR Findings 7 and 8",
              {{"protection_working_days", 10, "seen every N WD under an open s47 or CP plan"},
               {"assessment_working_days", 20,
                "seen every N WD under an open assessment or CIN plan"},
               {"enhanced_hv_working_days", 30,
                "seen every N WD while health visiting is enhanced"}}}) {}

  std::vector<EventType> events() const override {
    return {EventType::kAssessmentStarted,
            EventType::kAssessmentCompleted,
            EventType::kS47Concluded,
            EventType::kPlanStarted,
            EventType::kPlanEnded,
            EventType::kHvLevel,
            EventType::kTransferAccepted,
            EventType::kCaseClosed,
            EventType::kContact,
            EventType::kAppointment,
            EventType::kMedical,
            EventType::kFound,
            EventType::kBirth};
  }

  void on_event(EngineCore& core, const Event&) const override {
    for (PersonId child : core.children_named()) update(core, child);
  }

 private:
  // Which parameter an involvement's interval is, if it has one.
  static std::optional<Param> interval_of(const Involvement& i) {
    switch (i.kind) {
      case InvolvementKind::kS47:
      case InvolvementKind::kCpPlan:
        return kProtectionWd;
      case InvolvementKind::kAssessment:
      case InvolvementKind::kCinPlan:
        return kAssessmentWd;
      case InvolvementKind::kHvEnhanced:
        return kEnhancedWd;
      case InvolvementKind::kLookedAfterPlan:
        // The row lists intervals for s47, CP, assessment, CIN and enhanced HV
        // only: statutory visits to a looked-after child are another regime (R44).
        return std::nullopt;
      case InvolvementKind::kAcceptedTransfer:
        switch (i.status) {
          case TransferStatus::kIncompleteS47:
          case TransferStatus::kChildProtection:
            return kProtectionWd;
          case TransferStatus::kIncompleteAssessment:
          case TransferStatus::kChildInNeed:
            return kAssessmentWd;
          case TransferStatus::kEnhanced:
            return kEnhancedWd;
          default:
            return std::nullopt;
        }
    }
    return std::nullopt;
  }

  struct Schedule {
    AgencyId agency = kNone;
    int interval = 0;
    Date baseline;
  };

  void update(EngineCore& core, PersonId child) const {
    const PersonState& s = core.state(child);
    if (s.dead) return;
    if (s.involvements.empty() && !core.any_open(child, *this)) return;  // the common case
    // The interval and baseline each agency owes now.
    std::vector<Schedule> owed;
    for (const Involvement& i : s.involvements) {
      const std::optional<Param> p = interval_of(i);
      if (!p) continue;
      const int wd = core.param(*this, *p, core.agency_info(i.agency).area);
      auto it = std::find_if(owed.begin(), owed.end(),
                             [&](const Schedule& o) { return o.agency == i.agency; });
      if (it == owed.end()) {
        owed.push_back(Schedule{i.agency, wd, i.since});
      } else if (wd < it->interval) {
        it->interval = wd;
        it->baseline = i.since;
      } else if (wd == it->interval) {
        it->baseline = std::min(it->baseline, i.since);
      }
    }
    for (Schedule& o : owed) {
      const std::int64_t seen = s.seen_by_agency(o.agency);
      if (seen != kNever) {
        const Date seen_date = Date::from_days(static_cast<std::int32_t>(seen / 86400));
        if (seen_date > o.baseline) o.baseline = seen_date;
      }
    }
    // Existing duties: resolve, move or end them.
    std::vector<AgencyId> covered;
    core.for_each_open(child, *this, [&](DutyId d) {
      const AgencyId agency = core.duty(d).subject;
      const auto it = std::find_if(owed.begin(), owed.end(),
                                   [&](const Schedule& o) { return o.agency == agency; });
      const bool seen_by_it_now =
          std::any_of(core.sightings().begin(), core.sightings().end(),
                      [&](const auto& p) { return p.first == child && p.second == agency; });
      if (core.duty(d).state == DutyState::kAlerted) {
        if (seen_by_it_now) {
          core.resolve(d);
        } else {
          covered.push_back(agency);  // the alert stands until the agency sees the child
        }
        return;
      }
      if (it == owed.end()) {
        core.end(d);  // C9: visiting duties end with the involvement
        return;
      }
      const Date due = core.add_wd(it->baseline, it->interval);
      if (due == core.duty(d).due) {
        covered.push_back(agency);
        return;
      }
      core.end(d);  // a new cycle: the next visit counts from the new baseline
    });
    for (const Schedule& o : owed) {
      if (std::find(covered.begin(), covered.end(), o.agency) != covered.end()) continue;
      DutySpec spec;
      spec.child = child;
      spec.owner = o.agency;
      spec.subject = o.agency;
      spec.trigger = o.baseline;
      spec.due = core.add_wd(o.baseline, o.interval);
      spec.occurrence = "from " + o.baseline.to_string();  // short: no allocation
      core.open(*this, std::move(spec));
    }
  }
};

}  // namespace

const Rule& child_not_seen() {
  static const ChildNotSeen rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
