// was-not-brought: two `was_not_brought` appointments within 180 days, or one
// for a child whose health visiting is enhanced or who has open involvement,
// is a fault at once for the child's GP practice and its health visiting.
// Resolved when a health agency sees the child. While such an alert is open,
// further missed appointments add none (one episode).
#include "safeguards/catalogue.h"
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class WasNotBrought final : public Rule {
 public:
  WasNotBrought()
      : Rule({.id = "was-not-brought",
              .finding = "",
              .source = "NSPCC and local 'Was Not Brought' guidance (City and Hackney neglect "
                        "toolbox): a child not brought to health appointments is followed up as a "
                        "possible sign of neglect",
              .title = "Child not brought to appointments",
              .meaning = "The child was not brought to health appointments (twice in 180 days, or "
                         "once while enhanced or involved).",
              .resolves = "A health professional sees the child and records it."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kAppointment, EventType::kContact,          EventType::kMedical,
            EventType::kFound,       EventType::kTransferAccepted, EventType::kBirth};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    for (const auto& [child, by] : ctx.sightings()) {
      if (!ctx.is_health_agency(by)) continue;
      ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
    }
    if (e.type != EventType::kAppointment) return;
    const auto& b = e.as<AppointmentEvent>();
    if (b.outcome != AppointmentOutcome::kWasNotBrought) return;
    const PersonId child = ctx.find_person(b.child);
    const PersonState& s = ctx.state(child);
    const AreaId area = ctx.child_area(child);
    const int window = ctx.indicator_param(kMissedAppointmentsDays, area);
    const bool twice = s.not_brought.both_within(ctx.now_instant(), window) ||
                       s.not_brought.both_within(e.at.instant(), window);
    if (!twice && !s.enhanced() && !ctx.has_open_involvement(child)) return;
    ctx.triggered(child);
    // R36: one open occurrence per child.
    if (ctx.any_open(child)) return ctx.no_duty(child, NoDutyReason::kOccurrenceOpen);
    AgencyId gp = s.gp != kNone ? s.gp : ctx.area_owner(AgencyKind::kGpPractice, child);
    AgencyId hv = s.hv_level_by != kNone && s.enhanced() ? s.hv_level_by : s.hv_known_by;
    if (hv == kNone) hv = ctx.area_owner(AgencyKind::kHealthVisiting, child);
    for (AgencyId owner : {gp, hv}) {
      if (owner == kNone) continue;  // never reported by anyone (see area_owner)
      DutySpec spec;
      spec.child = child;
      spec.owner = owner;
      spec.trigger = e.at.date;
      spec.occurrence = occurrence_of(e);
      spec.extras = std::make_unique<AlertExtras>();
      spec.extras->reasons.emplace_back(twice ? "two appointments missed within the window"
                                              : "an appointment missed while the child is enhanced "
                                                "or has open involvement");
      ctx.open(std::move(spec));
    }
  }
};

}  // namespace

const Rule& was_not_brought() {
  static const WasNotBrought rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
