// closure-before-seen (F7): a `case_closed` while the child's whereabouts are
// unknown, while a transfer to or from the closing agency is not accepted with
// the child seen, or while the closing agency has an open assessment, is a
// critical fault at once, owned by the closing agency at `manager` level. The
// closure cancels no duty (C8), and being a fault it does not end the closing
// agency's pending visit either (child-not-seen, R31): which closures are faults
// is closure_faults(), shared by both rules. Resolved when any professional
// sees the child.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "safeguards/rule_context.h"
#include "safeguards/rules/closure_faults.h"

namespace sightline::safeguards::rules {
namespace {

class ClosureBeforeSeen final : public Rule {
 public:
  ClosureBeforeSeen()
      : Rule({.id = "closure-before-seen",
              .finding = "F7",
              .source = "Local procedures for children moving across local authority boundaries "
                        "(T8): a case is not closed until the child has been seen and located; "
                        "Sofia SCR Finding 7",
              .title = "Case closed before the child was seen",
              .meaning = "A case was closed while the child's whereabouts were unknown, a "
                         "transfer was not accepted with the child seen, or an assessment was "
                         "still open.",
              .resolves = "Any professional sees the child and records it."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kCaseClosed, EventType::kContact, EventType::kAppointment,
            EventType::kMedical,    EventType::kFound,   EventType::kTransferAccepted,
            EventType::kBirth};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    for (const auto& [child, by] : ctx.sightings()) {
      ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
    }
    if (e.type != EventType::kCaseClosed) return;
    const auto& b = e.as<CaseClosedEvent>();
    const PersonId child = ctx.find_person(b.child);
    const AgencyId closer = ctx.agency(b.agency);
    std::vector<std::string> reasons = closure_faults(ctx, child, closer);
    if (reasons.empty()) return;
    ctx.triggered(child);
    DutySpec spec;
    spec.child = child;
    spec.owner = closer;
    spec.trigger = e.at.date;
    spec.start_level = Level::kManager;
    spec.occurrence = occurrence_of(e);
    spec.extras = std::make_unique<AlertExtras>();
    spec.extras->reasons = std::move(reasons);
    spec.extras->severity = "critical";
    ctx.open(std::move(spec));
  }
};

}  // namespace

const Rule& closure_before_seen() {
  static const ClosureBeforeSeen rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
