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

#include "safeguards/rule_context.h"
#include "safeguards/rules/closure_faults.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class ChildNotSeen final : public Rule {
 public:
  ChildNotSeen()
      : Rule({.id = "child-not-seen",
              .finding = "F7, F8",
              .source = "Local child protection procedures on statutory visits (e.g. London, "
                        "Luton: a child on a CP plan seen at least every 10 working days); "
                        "Healthy Child Programme enhanced health visiting; Sofia SCR Findings 7 "
                        "and 8",
              .title = "Child not seen often enough",
              .meaning = "Your agency has open involvement with the child and has not seen them "
                         "as often as it must (every 10, 20 or 30 working days).",
              .resolves = "Record a contact or visit with the child seen."}) {}

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

  void on_event(RuleContext& ctx, const Event& e) const override {
    for (PersonId child : ctx.children_named()) update(ctx, child, closer_if_fault(ctx, e, child));
  }

 private:
  // Which parameter an involvement's interval is, if it has one (nullptr).
  const Parameter* interval_of(const Involvement& i) const {
    switch (i.kind) {
      case InvolvementKind::kS47:
      case InvolvementKind::kCpPlan:
        return &protection_working_days_;
      case InvolvementKind::kAssessment:
      case InvolvementKind::kCinPlan:
        return &assessment_working_days_;
      case InvolvementKind::kHvEnhanced:
        return &enhanced_hv_working_days_;
      case InvolvementKind::kLookedAfterPlan:
        // The row lists intervals for s47, CP, assessment, CIN and enhanced HV
        // only: statutory visits to a looked-after child are another regime (R44).
        return nullptr;
      case InvolvementKind::kAcceptedTransfer:
        switch (i.status) {
          case TransferStatus::kIncompleteS47:
          case TransferStatus::kChildProtection:
            return &protection_working_days_;
          case TransferStatus::kIncompleteAssessment:
          case TransferStatus::kChildInNeed:
            return &assessment_working_days_;
          case TransferStatus::kEnhanced:
            return &enhanced_hv_working_days_;
          default:
            return nullptr;
        }
    }
    return nullptr;
  }

  // The agency whose closure of `child`'s case by `e` keeps its pending visit,
  // else kNone. A closure ends the closing agency's accepted-transfer
  // involvement and enhanced level (C8), and with them, as any end of an
  // involvement does, the visit they set (C9). But a closure that is a
  // closure-before-seen fault "cancels no duty": Sightline keeps the duties open
  // whatever the closing agency did, so that agency's pending visit is kept
  // (R31). The same question closure-before-seen asks, so the two agree.
  static AgencyId closer_if_fault(RuleContext& ctx, const Event& e, PersonId child) {
    if (e.type != EventType::kCaseClosed) return kNone;
    const auto& b = e.as<CaseClosedEvent>();
    if (ctx.find_person(b.child) != child) return kNone;
    const AgencyId closer = ctx.agency(b.agency);
    return closure_faults(ctx, child, closer).empty() ? kNone : closer;
  }

  // Duty::extra: the agency closed the case while a visit was pending, by a
  // closure that was a closure-before-seen fault, which cancels no duty (C8,
  // R31): that visit stays due on its date even though the closure ended the
  // involvement that set it (or the strictest one), and whatever involvement
  // is later taken up, brings a visit forward and ends. Bit 0 says a visit is
  // kept; the rest say which: the day it counts from (biased, 23 bits) and the
  // days from then to its due date (8 bits: a 30-WD interval spans under 50).
  struct KeptVisit {
    Date baseline;
    Date due;
  };
  static constexpr std::uint32_t kKeptByClosure = 1;
  static constexpr std::int32_t kBaselineBias = 1 << 22;

  static std::uint32_t keep(Date baseline, Date due) {
    const auto from = static_cast<std::uint32_t>(baseline.days() + kBaselineBias);
    const auto span = static_cast<std::uint32_t>(due.days() - baseline.days());
    return kKeptByClosure | (std::min<std::uint32_t>(span, 255) << 1) | (from << 9);
  }
  static std::optional<KeptVisit> kept_visit(std::uint32_t extra) {
    if ((extra & kKeptByClosure) == 0) return std::nullopt;
    const Date baseline = Date::from_days(static_cast<std::int32_t>(extra >> 9) - kBaselineBias);
    return KeptVisit{
        baseline, Date::from_days(baseline.days() + static_cast<std::int32_t>((extra >> 1) & 255))};
  }

  // The next visit an agency owes: due on `due`, counted from `baseline`.
  struct Schedule {
    AgencyId agency = kNone;
    Date baseline;
    Date due;
  };

  void update(RuleContext& ctx, PersonId child, AgencyId faulty_closer) const {
    const PersonState& s = ctx.state(child);
    if (s.dead) return;
    // R43: nobody can see an unborn child ("seen" begins with the birth), so an
    // involvement with one sets no visit until the child is born.
    if (s.unborn) {
      if (ctx.any_open(child)) ctx.for_each_open(child, [&](DutyId d) { ctx.end(d); });
      return;
    }
    if (s.involvements.empty() && !ctx.any_open(child)) return;  // the common case
    // The visit each agency owes now: the earliest that any of its involvements
    // asks for, each counted from the later of its start, the birth and the
    // agency's last sighting.
    std::vector<Schedule> owed;
    for (const Involvement& i : s.involvements) {
      const Parameter* p = interval_of(i);
      if (!p) continue;
      const int wd = ctx.param(*p, ctx.agency_info(i.agency).area);
      Date baseline = i.since;
      if (s.dob && *s.dob > baseline) baseline = *s.dob;  // R43: counted from the birth
      if (const std::int64_t seen = s.seen_by_agency(i.agency); seen != kNever) {
        baseline = std::max(baseline, Date::of_instant(seen));
      }
      const Date due = ctx.add_wd(baseline, wd);
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
    struct Moved {
      Schedule next;
      std::uint32_t extra;
    };
    std::vector<Moved> moved;  // kept visits to reopen on another date, kept still
    ctx.for_each_open(child, [&](DutyId d) {
      const Duty& duty = ctx.duty(d);
      const AgencyId agency = duty.subject;
      if (duty.state == DutyState::kAlerted) {
        const bool seen_by_it_now =
            std::any_of(ctx.sightings().begin(), ctx.sightings().end(),
                        [&](const auto& p) { return p.first == child && p.second == agency; });
        if (seen_by_it_now) {
          ctx.resolve(d);
        } else {
          covered.push_back(agency);  // the alert stands until the agency sees the child
        }
        return;
      }
      const std::int64_t seen = s.seen_by_agency(agency);
      if (seen != kNever && Date::of_instant(seen) > duty.trigger) {
        ctx.end(d);  // visited: the next visit counts from this sighting
        return;
      }
      // The visit pending when the agency's closure is a fault is kept, whatever
      // the involvements left ask for now, the same date included (R31).
      if (agency == faulty_closer) ctx.set_extra(d, keep(duty.trigger, duty.due));
      std::optional<KeptVisit> kept = kept_visit(duty.extra);
      if (kept && seen != kNever && Date::of_instant(seen) > kept->baseline) {
        kept.reset();  // a sighting after the date it counts from did the kept visit
        ctx.set_extra(d, 0);
      }
      const auto it = std::find_if(owed.begin(), owed.end(),
                                   [&](const Schedule& o) { return o.agency == agency; });
      if (!kept) {
        // A new involvement may bring the visit forward; only a sighting or the
        // end of the involvement that set it puts it back.
        if (it != owed.end() && it->due == duty.due) {
          covered.push_back(agency);
        } else {
          ctx.end(d);  // C9: the visit ends with its involvement; or a new cycle
        }
        return;
      }
      // The visit due is the earlier of the kept one and the one the agency's
      // involvements ask for: a later involvement may bring it forward, but its
      // end cannot take back what the closure could not (C8, R31). No cycle
      // follows a kept visit unless an involvement asks for one.
      Schedule next{agency, kept->baseline, kept->due};
      if (it != owed.end() && it->due < kept->due) next = *it;
      covered.push_back(agency);
      if (next.due == duty.due) return;
      ctx.end(d);
      moved.push_back(Moved{next, duty.extra});
    });
    for (const Moved& m : moved) open_visit(ctx, child, m.next, m.extra);
    for (const Schedule& o : owed) {
      if (std::find(covered.begin(), covered.end(), o.agency) != covered.end()) continue;
      open_visit(ctx, child, o, 0);
    }
  }

  void open_visit(RuleContext& ctx, PersonId child, const Schedule& o, std::uint32_t extra) const {
    ctx.triggered(child);
    DutySpec spec;
    spec.child = child;
    spec.owner = o.agency;
    spec.subject = o.agency;
    spec.trigger = o.baseline;
    spec.due = o.due;
    spec.extra = extra;
    spec.occurrence = "from " + o.baseline.to_string();  // short: no allocation
    ctx.open(std::move(spec));
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter protection_working_days_ =
      parameter("protection_working_days", 10, "seen every N WD under an open s47 or CP plan");
  const Parameter assessment_working_days_ = parameter(
      "assessment_working_days", 20, "seen every N WD under an open assessment or CIN plan");
  const Parameter enhanced_hv_working_days_ = parameter(
      "enhanced_hv_working_days", 30, "seen every N WD while health visiting is enhanced");
};

}  // namespace

const Rule& child_not_seen() {
  static const ChildNotSeen rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
