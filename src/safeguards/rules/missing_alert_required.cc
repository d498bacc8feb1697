// missing-alert-required (F7, F8): when the whereabouts-unknown deadline
// passes while the child has an open s47, a CP plan, an open assessment (not
// adult_needs) or an enhanced health-visiting level, and no `missing` event
// was recorded since the child was last located, a fault is raised with the
// whereabouts alert for each agency holding such an involvement; and for an
// agency whose such involvement begins later, while the child is still not
// located ("or passed"). Resolved by a `missing` event, or by the child being
// located.
#include <algorithm>

#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/missing_alerts.h"

namespace sightline::safeguards::rules {
namespace {

class MissingAlertRequired final : public Rule {
 public:
  MissingAlertRequired()
      : Rule({.id = "missing-alert-required",
              .finding = "F7, F8",
              .source = "London Child Protection Procedures, children and families who go missing "
                        "(T11): a child with child protection involvement who cannot be found is "
                        "reported missing (police, national missing child alert); Sofia SCR "
                        "Findings 7 and 8",
              .title = "Missing alert not raised",
              .meaning = "The child was not located in time while under an s47, a plan, an "
                         "assessment or enhanced health visiting, and no missing alert was "
                         "recorded.",
              .resolves = "Record a missing alert, or the child located."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kMissing,     EventType::kContact,
            EventType::kAddress,     EventType::kFound,
            EventType::kClaim,       EventType::kAppointment,
            EventType::kMedical,     EventType::kTransferAccepted,
            EventType::kBirth,       EventType::kAssessmentStarted,
            EventType::kPlanStarted, EventType::kHvLevel};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    for (PersonId child : ctx.located()) {
      ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
    }
    if (e.type == EventType::kMissing) {
      const PersonId child = ctx.find_person(e.as<MissingEvent>().child);
      ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
      return;
    }
    // "(or passed)": an involvement that begins while the whereabouts alert is
    // already raised and the child still unlocated needs the missing alert too.
    if (e.type == EventType::kAssessmentStarted || e.type == EventType::kPlanStarted ||
        e.type == EventType::kHvLevel) {
      for (PersonId child : ctx.children_named()) {
        std::string occurrence;
        RuleContext whereabouts = ctx.acting_for(whereabouts_unknown());
        whereabouts.for_each_open(child, [&](DutyId d) {
          if (ctx.duty(d).state == DutyState::kAlerted) occurrence = ctx.duty(d).occurrence;
        });
        if (!occurrence.empty() && ctx.state(child).whereabouts_unknown) {
          raise_missing_alerts(ctx, child, occurrence);
        }
      }
    }
  }
};

}  // namespace

const Rule& missing_alert_required() {
  static const MissingAlertRequired rule;
  return rule;
}

void raise_missing_alerts(RuleContext& caller, PersonId child, const std::string& occurrence) {
  RuleContext ctx = caller.acting_for(missing_alert_required());
  const PersonState& s = ctx.state(child);
  std::vector<AgencyId> owners;
  for (const Involvement& i : s.involvements) {
    const bool qualifies = i.kind == InvolvementKind::kS47 || i.kind == InvolvementKind::kCpPlan ||
                           i.kind == InvolvementKind::kAssessment ||
                           i.kind == InvolvementKind::kHvEnhanced;
    if (qualifies && std::find(owners.begin(), owners.end(), i.agency) == owners.end()) {
      owners.push_back(i.agency);
    }
  }
  if (owners.empty()) return;  // no s47, CP plan, assessment or enhanced level: no trigger
  ctx.triggered(child);
  if (s.last_missing != kNever && s.last_missing >= s.last_located) {
    return ctx.no_duty(child, NoDutyReason::kAlreadyDone);  // reported missing already
  }
  for (AgencyId owner : owners) {
    DutySpec spec;
    spec.child = child;
    spec.owner = owner;
    spec.trigger = ctx.today();
    spec.occurrence = occurrence;
    ctx.open(std::move(spec));
  }
}

}  // namespace sightline::safeguards::rules
