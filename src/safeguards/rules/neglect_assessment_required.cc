// neglect-assessment-required (F5, F6): a state rule (C9). When a child's
// active indicators come to span 3+ domains and no neglect or
// child_and_family assessment was started in the last 90 days, social care of
// the child's area must start one within 10 WD. One occurrence per time the
// state becomes true, and none while one is open. Where nothing locates the
// child, the stand-in of R4 owns it; the owner is found again when it falls
// due (R3).
#include "chronology/indicators.h"
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class NeglectAssessmentRequired final : public Rule {
 public:
  NeglectAssessmentRequired()
      : Rule({.id = "neglect-assessment-required",
              .finding = "F5, F6",
              .source = "Working Together 2023 and local neglect strategies (NSPCC Graded Care "
                        "Profile 2): multiple indicators of neglect call for a neglect "
                        "assessment; Sofia SCR Findings 5 and 6",
              .title = "Neglect assessment needed",
              .meaning = "Concerns span three or more areas of the child's life and no neglect or "
                         "child and family assessment has started in the last 90 days.",
              .resolves = "Start a neglect or child and family assessment."}) {}

  std::vector<EventType> events() const override { return {EventType::kAssessmentStarted}; }
  // Active indicators, the latest holistic assessment, and the child's area
  // (whose parameters apply).
  FactSet watches() const override {
    return kActiveIndicatorFacts | kChildAreaFacts | FactSet{Fact::kAssessments};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    const auto& b = e.as<AssessmentStartedEvent>();
    if (b.kind != AssessmentKind::kNeglect && b.kind != AssessmentKind::kChildAndFamily) return;
    const PersonId child = ctx.find_person(b.child);
    ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
    // Look again when this assessment stops counting as recent.
    const int days = ctx.param(recent_assessment_days_, ctx.child_area(child));
    ctx.schedule(child, e.at.instant() + std::int64_t{days} * kSecondsPerDay + 1, 0);
  }

  void on_state(RuleContext& ctx, PersonId child) const override { check(ctx, child); }
  void on_timer(RuleContext& ctx, PersonId child, std::uint32_t) const override {
    check(ctx, child);
  }

  void on_due(RuleContext& ctx, DutyId id) const override {
    raise_to_area_owner(ctx, id, AgencyKind::kChildrensSocialCare);
  }

 private:
  void check(RuleContext& ctx, PersonId child) const {
    const PersonState& s = ctx.state(child);
    const AreaId area = ctx.child_area(child);
    const std::uint32_t active = ctx.active_indicators(child);
    const bool state = domain_count(active) >= ctx.param(min_domains_, area) &&
                       !within_days(ctx.now_instant(), s.last_holistic_assessment,
                                    ctx.param(recent_assessment_days_, area));
    if (!ctx.occurrence_starts(child, state)) return;
    const AgencyId owner = ctx.area_owner(AgencyKind::kChildrensSocialCare, child);
    if (owner == kNone) return;  // never reported by anyone (see area_owner)
    const Date trigger = ctx.event() != nullptr ? ctx.event()->at.date : ctx.today();
    open_indicator_duty(ctx, child, owner, trigger,
                        ctx.param(working_days_, ctx.agency_info(owner).area),
                        "indicators from " + trigger.to_string(), active);
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 10, "an assessment started within N WD");
  const Parameter min_domains_ =
      parameter("min_domains", 3, "when active indicators span at least N domains");
  const Parameter recent_assessment_days_ =
      parameter("recent_assessment_days", 90,
                "unless a neglect or child_and_family assessment started in the last N days");
};

}  // namespace

const Rule& neglect_assessment_required() {
  static const NeglectAssessmentRequired rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
