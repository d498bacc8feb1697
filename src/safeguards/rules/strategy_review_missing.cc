// strategy-review-missing (F4): an s47 enquiry concluded with an outcome other
// than `icpc` while the child has active indicators in 2+ domains needs a
// further strategy discussion within 5 WD; owner the agency that ran the s47.
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class StrategyReviewMissing final : public Rule {
 public:
  StrategyReviewMissing()
      : Rule({.id = "strategy-review-missing",
              .finding = "F4",
              .source = "Working Together to Safeguard Children 2023 (T3): a review strategy "
                        "discussion when an s47 enquiry ends and wider concerns remain; Sofia SCR "
                        "Finding 4",
              .title = "Further strategy discussion needed",
              .meaning = "An s47 enquiry ended without a child protection conference while "
                         "concerns remain in two or more areas; a further strategy discussion is "
                         "due within 5 working days.",
              .resolves = "Record a strategy discussion."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kS47Concluded, EventType::kStrategyDiscussion};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kStrategyDiscussion) {
      const PersonId child = ctx.find_person(e.as<StrategyDiscussionEvent>().child);
      ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
      return;
    }
    const auto& b = e.as<S47ConcludedEvent>();
    if (b.outcome == S47Outcome::kIcpc) return;
    const AssessmentInfo* a = ctx.assessment(b.assessment);
    if (a == nullptr) return;
    const AreaId area = ctx.agency_info(a->agency).area;
    const std::uint32_t active = ctx.active_indicators(a->child);
    if (domain_count(active) < ctx.param(min_domains_, area)) return;
    ctx.triggered(a->child);
    open_indicator_duty(ctx, a->child, a->agency, e.at.date, ctx.param(working_days_, area),
                        occurrence_of(e), active);
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 5, "a further strategy discussion within N WD of the conclusion");
  const Parameter min_domains_ =
      parameter("min_domains", 2, "when active indicators span at least N domains");
};

}  // namespace

const Rule& strategy_review_missing() {
  static const StrategyReviewMissing rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
