// strategy-review-missing (F4): an s47 enquiry concluded with an outcome other
// than `icpc` while the child has active indicators in 2+ domains needs a
// further strategy discussion within 5 WD; owner the agency that ran the s47.
#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

enum Param : std::size_t { kWorkingDays, kMinDomains };

class StrategyReviewMissing final : public Rule {
 public:
  StrategyReviewMissing()
      : Rule({"strategy-review-missing",
              "F4",
              "Working Together to Safeguard Children 2023 (T3): a review strategy discussion "
              "when an s47 enquiry ends and wider concerns remain; Sofia SCR Finding 4",
              {{"working_days", 5, "a further strategy discussion within N WD of the conclusion"},
               {"min_domains", 2, "when active indicators span at least N domains"}}}) {}

  std::vector<EventType> events() const override {
    return {EventType::kS47Concluded, EventType::kStrategyDiscussion};
  }

  void on_event(EngineCore& core, const Event& e) const override {
    if (e.type == EventType::kStrategyDiscussion) {
      const PersonId child = core.find_person(e.as<StrategyDiscussionEvent>().child);
      core.for_each_open(child, *this, [&](DutyId d) { core.resolve(d); });
      return;
    }
    const auto& b = e.as<S47ConcludedEvent>();
    if (b.outcome == S47Outcome::kIcpc) return;
    const AssessmentInfo* a = core.assessment(b.assessment);
    if (a == nullptr) return;
    const AreaId area = core.agency_info(a->agency).area;
    const std::uint32_t active = core.active_indicators(a->child);
    if (EngineCore::domain_count(active) < core.param(*this, kMinDomains, area)) return;
    core.triggered(*this, a->child);
    open_indicator_duty(core, *this, a->child, a->agency, e.at.date,
                        core.param(*this, kWorkingDays, area), EngineCore::occurrence_of(e),
                        active);
  }
};

}  // namespace

const Rule& strategy_review_missing() {
  static const StrategyReviewMissing rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
