// referral-decision-overdue (WT, T1): a referral to children's social care
// needs a decision (a referral_outcome) within 1 WD; owner the receiving agency.
#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

class ReferralDecisionOverdue final : public Rule {
 public:
  ReferralDecisionOverdue()
      : Rule({"referral-decision-overdue",
              "",
              "Working Together to Safeguard Children 2023 (T1): a decision on a referral to "
              "children's social care within one working day",
              {{"working_days", 1, "the referral_outcome within N WD of the referral"}}}) {}

  std::vector<EventType> events() const override {
    return {EventType::kReferral, EventType::kReferralOutcome};
  }

  void on_event(EngineCore& core, const Event& e) const override {
    if (e.type == EventType::kReferralOutcome) {
      const auto& b = e.as<ReferralOutcomeEvent>();
      const ReferralInfo* r = core.referral(b.referral);
      if (r == nullptr) return;
      const std::uint32_t ref = core.find_ref(b.referral);
      core.for_each_open(r->child, *this, [&](DutyId d) {
        if (core.duty(d).subject == ref) core.resolve(d);
      });
      return;
    }
    const auto& b = e.as<ReferralEvent>();
    const AgencyId to = core.agency(b.to);
    if (!is_kind(core, to, AgencyKind::kChildrensSocialCare)) return;
    const AreaId area = core.agency_info(to).area;
    core.triggered(*this, core.find_person(b.child));
    DutySpec spec;
    spec.child = core.find_person(b.child);
    spec.owner = to;
    spec.trigger = e.at.date;
    spec.due = core.add_wd(e.at.date, core.param(*this, 0, area));
    spec.subject = core.find_ref(e.id);
    spec.occurrence = EngineCore::occurrence_of(e);
    core.open(*this, std::move(spec));
  }
};

}  // namespace

const Rule& referral_decision_overdue() {
  static const ReferralDecisionOverdue rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
