// cp-review-overdue (WT, T6): a conference deciding `cp_plan` needs a review
// conference within 3 months of an initial one (a transfer_in conference
// counts as one), then within 6 months of each review. Owner: social care
// holding the child's CP plan (else social care of the child's area). The
// duty ends with the child's last CP plan (C9).
#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

enum Param : std::size_t { kFirstMonths, kLaterMonths };

class CpReviewOverdue final : public Rule {
 public:
  CpReviewOverdue()
      : Rule({"cp-review-overdue",
              "",
              "Working Together to Safeguard Children 2023 (T6): the first review conference "
              "within 3 months of the initial conference, then at intervals of no more than 6 "
              "months",
              {{"first_review_months", 3,
                "the first review within N months of the initial conference"},
               {"later_review_months", 6, "each later review within N months of the last"}}}) {}

  std::vector<EventType> events() const override {
    return {EventType::kConference, EventType::kPlanEnded};
  }

  void on_event(EngineCore& core, const Event& e) const override {
    if (e.type == EventType::kPlanEnded) {
      const PlanInfo* p = core.plan(e.as<PlanEndedEvent>().plan);
      if (p == nullptr || p->kind != PlanKind::kChildProtection) return;
      for (const Involvement& i : core.state(p->child).involvements) {
        if (i.kind == InvolvementKind::kCpPlan) return;  // another CP plan remains
      }
      core.for_each_open(p->child, *this, [&](DutyId d) { core.end(d); });
      return;
    }
    const auto& b = e.as<ConferenceEvent>();
    const PersonId child = core.find_person(b.child);
    if (b.kind == ConferenceKind::kReview) {
      core.for_each_open(child, *this, [&](DutyId d) { core.resolve(d); });
    }
    if (b.decision != ConferenceDecision::kCpPlan) return;
    core.triggered(*this, child);
    AgencyId owner = plan_holder(core, child);
    if (owner == kNone && is_kind(core, core.agency(e.by), AgencyKind::kChildrensSocialCare)) {
      owner = core.agency(e.by);
    }
    if (owner == kNone) owner = core.area_owner(AgencyKind::kChildrensSocialCare, child);
    if (owner == kNone) return;  // never reported by anyone (see area_owner)
    const AreaId area = core.agency_info(owner).area;
    const int months = b.kind == ConferenceKind::kReview ? core.param(*this, kLaterMonths, area)
                                                         : core.param(*this, kFirstMonths, area);
    DutySpec spec;
    spec.child = child;
    spec.owner = owner;
    spec.trigger = e.at.date;
    spec.due = e.at.date.plus_months(months);
    spec.occurrence = EngineCore::occurrence_of(e);
    core.open(*this, std::move(spec));
  }

  // The plan may have started after the conference that decided it.
  void on_due(EngineCore& core, DutyId id) const override {
    const AgencyId holder = plan_holder(core, core.duty(id).child);
    if (holder != kNone) core.duty(id).owner = holder;
    core.raise(id);
  }

 private:
  static AgencyId plan_holder(const EngineCore& core, PersonId child) {
    AgencyId holder = kNone;
    for (const Involvement& i : core.state(child).involvements) {
      if (i.kind == InvolvementKind::kCpPlan) holder = i.agency;
    }
    return holder;
  }
};

}  // namespace

const Rule& cp_review_overdue() {
  static const CpReviewOverdue rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
