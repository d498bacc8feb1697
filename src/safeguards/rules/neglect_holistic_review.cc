// neglect-holistic-review (F5, F6): a `medical` with `concern: none`, or an
// assessment completed `no_further_action`, while active indicators remain in
// 2+ domains other than physical care, needs within 10 WD a `neglect`
// assessment started, or an open child_and_family assessment completed (the
// other indicators weighed). Owner: the agency with open involvement, social
// care first (of several, the most recently involved), else the agency that
// completed the assessment, else social care of the child's area. One open
// occurrence per child at a time.
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class NeglectHolisticReview final : public Rule {
 public:
  NeglectHolisticReview()
      : Rule({.id = "neglect-holistic-review",
              .finding = "F5, F6",
              .source = "NSPCC Graded Care Profile 2 and local neglect strategies: neglect is "
                        "assessed across every domain of care, not on one physical sign; Sofia "
                        "SCR Findings 5 and 6",
              .title = "Neglect not looked at as a whole",
              .meaning = "A medical found no concern, or an assessment closed with no further "
                         "action, while concerns remain in two or more areas beyond physical care.",
              .resolves = "Start a neglect assessment, or complete the open child and family "
                          "assessment weighing the other concerns."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kMedical, EventType::kAssessmentCompleted, EventType::kAssessmentStarted};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    PersonId child = kNone;
    AgencyId fallback = kNone;
    if (e.type == EventType::kAssessmentStarted) {
      const auto& b = e.as<AssessmentStartedEvent>();
      if (b.kind != AssessmentKind::kNeglect) return;
      ctx.for_each_open(ctx.find_person(b.child), [&](DutyId d) { ctx.resolve(d); });
      return;
    }
    if (e.type == EventType::kAssessmentCompleted) {
      const auto& b = e.as<AssessmentCompletedEvent>();
      const AssessmentInfo* a = ctx.assessment(b.assessment);
      if (a == nullptr) return;
      if (a->kind == AssessmentKind::kChildAndFamily) {
        ctx.for_each_open(a->child, [&](DutyId d) { ctx.resolve(d); });
      }
      if (b.outcome != AssessmentOutcome::kNoFurtherAction) return;
      child = a->child;
      fallback = a->agency;
    } else {
      const auto& b = e.as<MedicalEvent>();
      if (b.concern != Concern::kNone) return;
      child = ctx.find_person(b.child);
    }
    const PersonState& s = ctx.state(child);
    // Social care first; of several, the one most recently involved.
    AgencyId owner = kNone;
    Date since;
    for (const Involvement& i : s.involvements) {
      if (is_kind(ctx, i.agency, AgencyKind::kChildrensSocialCare) &&
          (owner == kNone || i.since > since)) {
        owner = i.agency;
        since = i.since;
      }
    }
    if (owner == kNone && !s.involvements.empty()) owner = s.involvements.front().agency;
    if (owner == kNone) owner = fallback;
    if (owner == kNone) owner = ctx.area_owner(AgencyKind::kChildrensSocialCare, child);
    // The minimum number of domains is the owner's area's; without an owner
    // (never reported by anyone, see area_owner) the defaults stand, and the
    // trigger is left unsettled: a silent trigger the ledger counts.
    const AreaId area = owner == kNone ? kNone : ctx.agency_info(owner).area;
    const std::uint32_t active = ctx.active_indicators(child);
    if (domain_count(active, Domain::kPhysicalCare) < ctx.param(min_domains_, area)) {
      return;
    }
    ctx.triggered(child);
    // R27: one open occurrence per child at a time.
    if (ctx.any_open(child)) return ctx.no_duty(child, NoDutyReason::kOccurrenceOpen);
    open_indicator_duty(ctx, child, owner, e.at.date, ctx.param(working_days_, area),
                        occurrence_of(e), active);
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ = parameter("working_days", 10,
                                            "a neglect assessment started (or the open assessment "
                                            "completed) within N WD");
  const Parameter min_domains_ = parameter(
      "min_domains", 2, "when indicators remain in at least N domains besides physical care");
};

}  // namespace

const Rule& neglect_holistic_review() {
  static const NeglectHolisticReview rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
