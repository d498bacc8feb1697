// referral-decision-overdue (WT, T1): a referral to children's social care
// needs a decision (a referral_outcome) within 1 WD; owner the receiving agency.
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class ReferralDecisionOverdue final : public Rule {
 public:
  ReferralDecisionOverdue()
      : Rule({.id = "referral-decision-overdue",
              .finding = "",
              .source = "Working Together to Safeguard Children 2023 (T1): a decision on a "
                        "referral to children's social care within one working day",
              .title = "Referral decision overdue",
              .meaning = "A referral to social care needs a decision within 1 working day.",
              .resolves = "Record the referral's outcome."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kReferral, EventType::kReferralOutcome};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kReferralOutcome) {
      const auto& b = e.as<ReferralOutcomeEvent>();
      const ReferralInfo* r = ctx.referral(b.referral);
      if (r == nullptr) return;
      const std::uint32_t ref = ctx.find_ref(b.referral);
      ctx.for_each_open(r->child, [&](DutyId d) {
        if (ctx.duty(d).subject == ref) ctx.resolve(d);
      });
      return;
    }
    const auto& b = e.as<ReferralEvent>();
    const AgencyId to = ctx.agency(b.to);
    if (!is_kind(ctx, to, AgencyKind::kChildrensSocialCare)) return;
    const AreaId area = ctx.agency_info(to).area;
    ctx.triggered(ctx.find_person(b.child));
    DutySpec spec;
    spec.child = ctx.find_person(b.child);
    spec.owner = to;
    spec.trigger = e.at.date;
    spec.due = ctx.add_wd(e.at.date, ctx.param(working_days_, area));
    spec.subject = ctx.find_ref(e.id);
    spec.occurrence = occurrence_of(e);
    ctx.open(std::move(spec));
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 1, "the referral_outcome within N WD of the referral");
};

}  // namespace

const Rule& referral_decision_overdue() {
  static const ReferralDecisionOverdue rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
