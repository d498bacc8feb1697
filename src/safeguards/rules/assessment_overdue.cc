// assessment-overdue (WT, T2): a child_and_family, pre_birth or s47
// assessment must be completed (assessment_completed; for an s47,
// s47_concluded) within 45 WD of the referral that led to it, else of its
// start. The referral that led to it is the latest referral about the child
// to the assessing agency, made on or before the start, that was not turned
// away (undecided, or decided `assessment` or `strategy_discussion`).
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class AssessmentOverdue final : public Rule {
 public:
  AssessmentOverdue()
      : Rule({.id = "assessment-overdue",
              .finding = "",
              .source = "Working Together to Safeguard Children 2023 (T2): an assessment "
                        "concludes within 45 working days of the referral",
              .title = "Assessment overdue",
              .meaning = "An assessment must be completed within 45 working days of the referral.",
              .resolves = "Record the assessment completed, or the s47 concluded."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kAssessmentStarted, EventType::kAssessmentCompleted,
            EventType::kS47Concluded};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kAssessmentCompleted || e.type == EventType::kS47Concluded) {
      const Id& id = e.type == EventType::kS47Concluded
                         ? e.as<S47ConcludedEvent>().assessment
                         : e.as<AssessmentCompletedEvent>().assessment;
      const AssessmentInfo* a = ctx.assessment(id);
      if (a == nullptr) return;
      if ((a->kind == AssessmentKind::kS47) != (e.type == EventType::kS47Concluded)) return;
      const std::uint32_t ref = ctx.find_ref(id);
      ctx.for_each_open(a->child, [&](DutyId d) {
        if (ctx.duty(d).subject == ref) ctx.resolve(d);
      });
      return;
    }
    const auto& b = e.as<AssessmentStartedEvent>();
    if (b.kind != AssessmentKind::kChildAndFamily && b.kind != AssessmentKind::kPreBirth &&
        b.kind != AssessmentKind::kS47) {
      return;
    }
    const PersonId child = ctx.find_person(b.child);
    const AgencyId agency = ctx.agency(b.agency);
    // R41: the referral that led to it is looked for among the referrals to
    // the assessing agency only; a later referral to another agency (health
    // visiting, say) did not lead to this assessment and hides nothing.
    Date from = e.at.date;
    const ReferralInfo* led_to_it = nullptr;
    ctx.for_each_referral(child, [&](const ReferralInfo& r) {
      const bool not_turned_away = !r.decided || r.outcome == ReferralOutcomeKind::kAssessment ||
                                   r.outcome == ReferralOutcomeKind::kStrategyDiscussion;
      if (r.to != agency || !not_turned_away || r.at > e.at.date) return;
      if (led_to_it == nullptr || led_to_it->at <= r.at) led_to_it = &r;
    });
    if (led_to_it != nullptr) from = led_to_it->at;
    ctx.triggered(child);
    DutySpec spec;
    spec.child = child;
    spec.owner = agency;
    spec.trigger = from;
    spec.due = ctx.add_wd(from, ctx.param(working_days_, ctx.agency_info(agency).area));
    spec.subject = ctx.find_ref(e.id);
    spec.occurrence = occurrence_of(e);
    ctx.open(std::move(spec));
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 45, "completed within N WD of the referral (else of the start)");
};

}  // namespace

const Rule& assessment_overdue() {
  static const AssessmentOverdue rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
