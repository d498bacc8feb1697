// antenatal-contact-overdue (Healthy Child Programme): a pregnancy known at 28
// weeks' gestation (edd minus 12 weeks) needs a health-visiting contact with
// the mother by 36 weeks (edd minus 4 weeks). A pregnancy first known between
// 28 and 36 weeks still needs the contact by 36 weeks; one first known after
// 36 weeks was never known while the contact was due, and sets no duty (R37).
// "Known" is the pregnancy's `at`, when the reporting agency knew it, however
// late Sightline learns of it (C3). Owner: health visiting of the mother's
// area when the duty falls due, else of the reporting agency's area. The duty
// ends at the birth (C9).
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class AntenatalContactOverdue final : public Rule {
 public:
  AntenatalContactOverdue()
      : Rule({.id = "antenatal-contact-overdue",
              .finding = "",
              .source = "Healthy Child Programme (T16): the mandated antenatal health-visiting "
                        "contact from 28 weeks of pregnancy",
              .title = "Antenatal contact overdue",
              .meaning = "A health visitor must have contact with the mother by 36 weeks of "
                         "pregnancy.",
              .resolves = "Record a health-visiting contact with the mother."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kPregnancy, EventType::kContact, EventType::kBirth};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kPregnancy) {
      const auto& b = e.as<PregnancyEvent>();
      const PersonId child = ctx.find_person(b.child);
      const AreaId area = ctx.agency_info(ctx.agency(e.by)).area;
      const Date from = b.edd.plus_days(-(40 - ctx.param(from_gestation_weeks_, area)) * 7);
      const Date by = b.edd.plus_days(-(40 - ctx.param(by_gestation_weeks_, area)) * 7);
      // First known after 36 weeks: the trigger, a pregnancy known while the
      // contact could still be made in time, never happened (R37).
      if (e.at.date > by) return;
      ctx.schedule(child, from.start_instant(), ctx.agency(e.by));
      return;
    }
    if (e.type == EventType::kBirth) {
      const PersonId child = ctx.find_person(e.as<BirthEvent>().child);
      ctx.for_each_open(child, [&](DutyId d) { ctx.end(d); });
      return;
    }
    const auto& b = e.as<ContactEvent>();
    if (b.outcome != ContactOutcome::kSeen ||
        !is_kind(ctx, ctx.agency(e.by), AgencyKind::kHealthVisiting)) {
      return;
    }
    for (const Id& id : b.persons) {
      for (PersonId child : ctx.state(ctx.find_person(id)).children) {
        ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
      }
    }
  }

  void on_timer(RuleContext& ctx, PersonId child, std::uint32_t reporter) const override {
    const PersonState& s = ctx.state(child);
    if (!s.unborn || !s.edd || s.mother == kNone) return;  // born before 28 weeks: no trigger
    ctx.triggered(child);
    if (ctx.any_open(child)) return ctx.no_duty(child, NoDutyReason::kOccurrenceOpen);
    const PersonState& mother = ctx.state(s.mother);
    const Date start = s.edd->plus_days(-280);
    if (mother.last_hv_contact != kNever && mother.last_hv_contact >= start.start_instant()) {
      // R37: seen by health visiting during this pregnancy already.
      return ctx.no_duty(child, NoDutyReason::kAlreadyDone);
    }
    const AgencyId owner = owner_of(ctx, child, reporter);
    if (owner == kNone) return;  // no reporting agency (see owner_of)
    const AreaId area = ctx.agency_info(owner).area;
    const Date from = s.edd->plus_days(-(40 - ctx.param(from_gestation_weeks_, area)) * 7);
    DutySpec spec;
    spec.child = child;
    spec.owner = owner;
    spec.trigger = ctx.today() > from ? ctx.today() : from;
    spec.due = s.edd->plus_days(-(40 - ctx.param(by_gestation_weeks_, area)) * 7);
    spec.subject = reporter;
    spec.occurrence = "pregnancy at " + from.to_string();
    ctx.open(std::move(spec));
  }

  void on_due(RuleContext& ctx, DutyId id) const override {
    const Duty& d = ctx.duty(id);
    const AgencyId owner = owner_of(ctx, d.child, d.subject);
    if (owner != kNone) return ctx.raise_to(id, owner);
    ctx.raise(id);
  }

 private:
  // Health visiting of the mother's area, else of the reporting agency's;
  // where neither is known, the reporting agency itself (R4), so that the
  // duty is not lost. kNone only without a reporter.
  static AgencyId owner_of(RuleContext& ctx, PersonId child, AgencyId reporter) {
    const PersonState& s = ctx.state(child);
    AreaId area = s.mother != kNone ? ctx.state(s.mother).address.last_area : kNone;
    if (area == kNone && reporter != kNone) area = ctx.agency_info(reporter).area;
    if (area == kNone) return reporter;
    return ctx.serving(AgencyKind::kHealthVisiting, area);
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter from_gestation_weeks_ =
      parameter("from_gestation_weeks", 28, "the duty starts at N weeks' gestation");
  const Parameter by_gestation_weeks_ =
      parameter("by_gestation_weeks", 36, "the contact by N weeks' gestation");
};

}  // namespace

const Rule& antenatal_contact_overdue() {
  static const AntenatalContactOverdue rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
