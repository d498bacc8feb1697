// child-not-seen (F7, F8): while an agency has open involvement with a child
// it must see the child at least every 10 WD under an open s47 or CP plan,
// every 20 WD under an open assessment or CIN plan, every 30 WD when its
// health visiting is enhanced; an accepted transfer sets the interval by its
// status (C5). Only the owning agency's sightings count (C5). One recurring
// duty per (child, agency): each of the agency's involvements with an interval
// puts the next visit N WD after the later of the agency's last sighting and
// that involvement's start, and the visit is due on the earliest of those
// dates, so a stricter plan starting never postpones a visit already due
// under another (R31). An unborn child cannot be seen: its visiting begins at
// the birth (R43). A looked_after plan sets no interval (R44). The duty ends
// with the agency's last involvement (C9), a closure's included, except that a
// closure which is itself a closure-before-seen fault cancels no duty (C8;
// "Sightline keeps the duties open whatever the closing agency did"): the visit
// pending when the agency so closes stays due, and no cycle follows it (R31).
// A raised alert stays until the agency sees the child.
#include <algorithm>
#include <optional>

#include "safeguards/engine_core.h"
#include "safeguards/rules/closure_faults.h"
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

  void on_event(EngineCore& core, const Event& e) const override {
    for (PersonId child : core.children_named())
      update(core, child, closer_if_fault(core, e, child));
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

  // The agency whose closure of `child`'s case by `e` keeps its pending visit,
  // else kNone. A closure ends the closing agency's accepted-transfer
  // involvement and enhanced level (C8), and with them, as any end of an
  // involvement does, the visit they set (C9). But a closure that is a
  // closure-before-seen fault "cancels no duty": Sightline keeps the duties open
  // whatever the closing agency did, so that agency's pending visit is kept
  // (R31). The same question closure-before-seen asks, so the two agree.
  static AgencyId closer_if_fault(EngineCore& core, const Event& e, PersonId child) {
    if (e.type != EventType::kCaseClosed) return kNone;
    const auto& b = e.as<CaseClosedEvent>();
    if (core.find_person(b.child) != child) return kNone;
    const AgencyId closer = core.agency(b.agency);
    return closure_faults(core, child, closer).empty() ? kNone : closer;
  }

  // Duty::extra: the agency closed the case while this visit was pending, by a
  // closure that was a closure-before-seen fault, which cancels no duty (C8,
  // R31): the visit stays due on its date even though the closure ended the
  // involvement that set it (or the strictest one).
  static constexpr std::uint32_t kKeptByClosure = 1;

  // The next visit an agency owes: due on `due`, counted from `baseline`.
  struct Schedule {
    AgencyId agency = kNone;
    Date baseline;
    Date due;
  };

  static Date date_of(std::int64_t instant) {
    return Date::from_days(static_cast<std::int32_t>(instant / 86400));
  }

  void update(EngineCore& core, PersonId child, AgencyId faulty_closer) const {
    const PersonState& s = core.state(child);
    if (s.dead) return;
    // R43: nobody can see an unborn child ("seen" begins with the birth), so an
    // involvement with one sets no visit until the child is born.
    if (s.unborn) {
      if (core.any_open(child, *this))
        core.for_each_open(child, *this, [&](DutyId d) { core.end(d); });
      return;
    }
    if (s.involvements.empty() && !core.any_open(child, *this)) return;  // the common case
    // The visit each agency owes now: the earliest that any of its involvements
    // asks for, each counted from the later of its start, the birth and the
    // agency's last sighting.
    std::vector<Schedule> owed;
    for (const Involvement& i : s.involvements) {
      const std::optional<Param> p = interval_of(i);
      if (!p) continue;
      const int wd = core.param(*this, *p, core.agency_info(i.agency).area);
      Date baseline = i.since;
      if (s.dob && *s.dob > baseline) baseline = *s.dob;  // R43: counted from the birth
      if (const std::int64_t seen = s.seen_by_agency(i.agency); seen != kNever) {
        baseline = std::max(baseline, date_of(seen));
      }
      const Date due = core.add_wd(baseline, wd);
      auto it = std::find_if(owed.begin(), owed.end(),
                             [&](const Schedule& o) { return o.agency == i.agency; });
      if (it == owed.end()) {
        owed.push_back(Schedule{i.agency, baseline, due});
      } else if (due < it->due || (due == it->due && baseline < it->baseline)) {
        *it = Schedule{i.agency, baseline, due};
      }
    }
    // Existing duties: resolve, keep, move or end them.
    std::vector<AgencyId> covered;
    core.for_each_open(child, *this, [&](DutyId d) {
      Duty& duty = core.duty(d);
      const AgencyId agency = duty.subject;
      if (duty.state == DutyState::kAlerted) {
        const bool seen_by_it_now =
            std::any_of(core.sightings().begin(), core.sightings().end(),
                        [&](const auto& p) { return p.first == child && p.second == agency; });
        if (seen_by_it_now) {
          core.resolve(d);
        } else {
          covered.push_back(agency);  // the alert stands until the agency sees the child
        }
        return;
      }
      const std::int64_t seen = s.seen_by_agency(agency);
      if (seen != kNever && date_of(seen) > duty.trigger) {
        core.end(d);  // visited: the next visit counts from this sighting
        return;
      }
      const auto it = std::find_if(owed.begin(), owed.end(),
                                   [&](const Schedule& o) { return o.agency == agency; });
      // What the agency's faulty closure would otherwise end or put back, it
      // keeps.
      if (agency == faulty_closer && (it == owed.end() || duty.due < it->due)) {
        duty.extra |= kKeptByClosure;
      }
      const bool kept = (duty.extra & kKeptByClosure) != 0;
      if (it == owed.end()) {
        if (kept) {
          covered.push_back(agency);  // C8: the visit stays due; no cycle follows it
        } else {
          core.end(d);  // C9: visiting duties end with the involvement, by closure too
        }
        return;
      }
      // A new involvement may bring the visit forward; only a sighting or the
      // end of the involvement that set it puts it back, and a faulty closure
      // never.
      if (it->due == duty.due || (kept && duty.due < it->due)) {
        covered.push_back(agency);
        return;
      }
      core.end(d);  // a new cycle: the next visit counts from the new baseline
    });
    for (const Schedule& o : owed) {
      if (std::find(covered.begin(), covered.end(), o.agency) != covered.end()) continue;
      core.triggered(*this, child);
      DutySpec spec;
      spec.child = child;
      spec.owner = o.agency;
      spec.subject = o.agency;
      spec.trigger = o.baseline;
      spec.due = o.due;
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
