// cp-review-overdue (WT, T6): a conference deciding `cp_plan` needs a review
// conference within 3 months of an initial one (a transfer_in conference
// counts as one), then within 6 months of each review. Owner: social care
// holding the child's CP plan (else social care of the child's area). The
// duty ends with the child's last CP plan (C9).
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class CpReviewOverdue final : public Rule {
 public:
  CpReviewOverdue()
      : Rule({.id = "cp-review-overdue",
              .finding = "",
              .source = "Working Together to Safeguard Children 2023 (T6): the first review "
                        "conference within 3 months of the initial conference, then at intervals "
                        "of no more than 6 months",
              .title = "Child protection review overdue",
              .meaning = "A child protection plan must be reviewed within 3 months of the first "
                         "conference, then every 6 months.",
              .resolves = "Record the review conference."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kConference, EventType::kPlanEnded};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kPlanEnded) {
      const PlanInfo* p = ctx.plan(e.as<PlanEndedEvent>().plan);
      if (p == nullptr || p->kind != PlanKind::kChildProtection) return;
      for (const Involvement& i : ctx.state(p->child).involvements) {
        if (i.kind == InvolvementKind::kCpPlan) return;  // another CP plan remains
      }
      ctx.for_each_open(p->child, [&](DutyId d) { ctx.end(d); });
      return;
    }
    const auto& b = e.as<ConferenceEvent>();
    const PersonId child = ctx.find_person(b.child);
    if (b.kind == ConferenceKind::kReview) {
      ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
    }
    if (b.decision != ConferenceDecision::kCpPlan) return;
    ctx.triggered(child);
    AgencyId owner = plan_holder(ctx, child);
    if (owner == kNone && is_kind(ctx, ctx.agency(e.by), AgencyKind::kChildrensSocialCare)) {
      owner = ctx.agency(e.by);
    }
    if (owner == kNone) owner = ctx.area_owner(AgencyKind::kChildrensSocialCare, child);
    if (owner == kNone) return;  // never reported by anyone (see area_owner)
    const AreaId area = ctx.agency_info(owner).area;
    const int months = b.kind == ConferenceKind::kReview ? ctx.param(later_review_months_, area)
                                                         : ctx.param(first_review_months_, area);
    DutySpec spec;
    spec.child = child;
    spec.owner = owner;
    spec.trigger = e.at.date;
    spec.due = e.at.date.plus_months(months);
    spec.occurrence = occurrence_of(e);
    ctx.open(std::move(spec));
  }

  // The plan may have started after the conference that decided it.
  void on_due(RuleContext& ctx, DutyId id) const override {
    const AgencyId holder = plan_holder(ctx, ctx.duty(id).child);
    if (holder != kNone) return ctx.raise_to(id, holder);
    ctx.raise(id);
  }

 private:
  static AgencyId plan_holder(RuleContext& ctx, PersonId child) {
    AgencyId holder = kNone;
    for (const Involvement& i : ctx.state(child).involvements) {
      if (i.kind == InvolvementKind::kCpPlan) holder = i.agency;
    }
    return holder;
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter first_review_months_ = parameter(
      "first_review_months", 3, "the first review within N months of the initial conference");
  const Parameter later_review_months_ =
      parameter("later_review_months", 6, "each later review within N months of the last");
};

}  // namespace

const Rule& cp_review_overdue() {
  static const CpReviewOverdue rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
