// icpc-overdue (WT, T4): an s47 enquiry concluded `icpc` needs a conference
// (initial or review) within 15 WD of the last strategy discussion about the
// child (else of the conclusion); owner the agency that ran the s47. A
// conference already held for the enquiry when its conclusion is recorded
// (after that strategy discussion, else after the s47 started) did the duty:
// in time, it leaves no trace; late, the alert is raised at once (C3) and
// resolved by that conference (R39).
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class IcpcOverdue final : public Rule {
 public:
  IcpcOverdue()
      : Rule({.id = "icpc-overdue",
              .finding = "",
              .source = "Working Together to Safeguard Children 2023 (T4): the initial child "
                        "protection conference within 15 working days of the last strategy "
                        "discussion",
              .title = "Child protection conference overdue",
              .meaning = "An s47 enquiry decided on a child protection conference; it is due "
                         "within 15 working days of the strategy discussion.",
              .resolves = "Record the conference."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kS47Concluded, EventType::kConference};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kConference) {
      const auto& b = e.as<ConferenceEvent>();
      if (b.kind == ConferenceKind::kTransferIn) return;
      ctx.for_each_open(ctx.find_person(b.child), [&](DutyId d) { ctx.resolve(d); });
      return;
    }
    const auto& b = e.as<S47ConcludedEvent>();
    if (b.outcome != S47Outcome::kIcpc) return;
    const AssessmentInfo* a = ctx.assessment(b.assessment);
    if (a == nullptr) return;
    const PersonState& s = ctx.state(a->child);
    Date from = e.at.date;
    // The conference may come first: only one held since the enquiry began is its own.
    Date enquiry_began = a->started;
    if (s.last_strategy != kNever && s.last_strategy_date <= e.at.date) {
      from = s.last_strategy_date;
      enquiry_began = s.last_strategy_date;
    }
    const Date due = ctx.add_wd(from, ctx.param(working_days_, ctx.agency_info(a->agency).area));
    const ConferenceInfo* held = ctx.last_conference(a->child);
    if (held != nullptr && held->at < enquiry_began) held = nullptr;
    // "A duty done in time leaves no trace but the chronology."
    ctx.triggered(a->child);
    if (held != nullptr && held->at <= due) {
      return ctx.no_duty(a->child, NoDutyReason::kAlreadyDone);  // R39: held in time
    }
    DutySpec spec;
    spec.child = a->child;
    spec.owner = a->agency;
    spec.trigger = from;
    spec.due = due;
    spec.occurrence = occurrence_of(e);
    const DutyId duty = ctx.open(std::move(spec));
    if (held != nullptr && duty != kNone) ctx.resolve_by(duty, held->id, held->line);
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 15, "a conference within N WD of the last strategy discussion");
};

}  // namespace

const Rule& icpc_overdue() {
  static const IcpcOverdue rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
