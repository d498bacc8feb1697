// healthy-child-contact-overdue (Healthy Child Programme): a `birth` sets
// three duties for health visiting of the child's area: the new birth visit by
// day 14, the 6-8 week review by day 56, the 1-year review by 12 months. Each
// is done by an attended appointment of that kind, or by a health-visiting
// contact with the child seen in its window (birth to day 14; day 42 to 56;
// 9 to 12 months); once overdue, by any health-visiting contact with the
// child seen. The owner is found when the duty falls due (the family may
// have moved since the birth).
#include "chronology/sightings.h"
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

enum Contact : std::uint32_t { kNewBirth = 0, kSixWeek = 1, kOneYear = 2 };

class HealthyChildContactOverdue final : public Rule {
 public:
  HealthyChildContactOverdue()
      : Rule({.id = "healthy-child-contact-overdue",
              .finding = "",
              .source = "Healthy Child Programme (T16): mandated health-visiting reviews: new "
                        "baby review by day 14, 6-8 week review, 1-year review by 12 months",
              .title = "Health visiting review overdue",
              .meaning = "A new birth visit (by day 14), 6\u20138 week review or 1-year review is "
                         "overdue.",
              .resolves = "Record the review, or a health-visiting contact with the child seen."}) {
  }

  std::vector<EventType> events() const override {
    return {EventType::kBirth, EventType::kAppointment, EventType::kContact};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kBirth) {
      const PersonId child = ctx.find_person(e.as<BirthEvent>().child);
      const Date born = e.at.date;
      const AreaId area = ctx.child_area(child);
      ctx.triggered(child);
      const AgencyId owner = ctx.area_owner(AgencyKind::kHealthVisiting, child);
      if (owner == kNone) return;  // never reported by anyone (see area_owner)
      const Date dues[3] = {born.plus_days(ctx.param(new_birth_visit_days_, area)),
                            born.plus_days(ctx.param(review_6_8_week_days_, area)),
                            born.plus_months(ctx.param(review_1_year_months_, area))};
      static constexpr const char* kNames[3] = {"new birth visit", "6-8 week review",
                                                "1-year review"};
      for (std::uint32_t k = 0; k < 3; ++k) {
        DutySpec spec;
        spec.child = child;
        spec.owner = owner;
        spec.trigger = born;
        spec.due = dues[k];
        spec.extra = k;
        spec.occurrence = occurrence_of(e) + kNames[k];
        ctx.open(std::move(spec));
      }
      return;
    }
    if (e.type == EventType::kAppointment) {
      const auto& b = e.as<AppointmentEvent>();
      if (b.outcome != AppointmentOutcome::kAttended) return;
      std::uint32_t kind = 3;
      if (b.kind == AppointmentKind::kNewBirthVisit) kind = kNewBirth;
      if (b.kind == AppointmentKind::kReview68Week) kind = kSixWeek;
      if (b.kind == AppointmentKind::kReview1Year) kind = kOneYear;
      if (kind == 3) return;
      ctx.for_each_open(ctx.find_person(b.child), [&](DutyId d) {
        if (ctx.duty(d).extra == kind) ctx.resolve(d);
      });
      return;
    }
    const auto& b = e.as<ContactEvent>();
    if (!contact_shows_child(b) || !is_kind(ctx, ctx.agency(e.by), AgencyKind::kHealthVisiting))
      return;
    for (PersonId child : ctx.children_named()) {
      const PersonState& s = ctx.state(child);
      if (!s.dob) continue;
      const AreaId area = ctx.child_area(child);
      const int age_days = s.dob->days_until(e.at.date);
      ctx.for_each_open(child, [&](DutyId d) {
        const Duty& duty = ctx.duty(d);
        bool in_window = duty.state == DutyState::kAlerted;  // once overdue, any HV sighting
        if (duty.extra == kNewBirth)
          in_window = in_window || age_days <= ctx.param(new_birth_visit_days_, area);
        if (duty.extra == kSixWeek) {
          in_window = in_window || (age_days >= ctx.param(review_6_8_week_from_days_, area) &&
                                    age_days <= ctx.param(review_6_8_week_days_, area));
        }
        if (duty.extra == kOneYear) {
          const Date from = s.dob->plus_months(ctx.param(review_1_year_from_months_, area));
          in_window = in_window || (e.at.date >= from && e.at.date <= duty.due);
        }
        if (in_window) ctx.resolve(d);
      });
    }
  }

  void on_due(RuleContext& ctx, DutyId id) const override {
    raise_to_area_owner(ctx, id, AgencyKind::kHealthVisiting);
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter new_birth_visit_days_ =
      parameter("new_birth_visit_days", 14, "new birth visit by day N");
  const Parameter review_6_8_week_from_days_ =
      parameter("review_6_8_week_from_days", 42, "the 6-8 week review window opens on day N");
  const Parameter review_6_8_week_days_ =
      parameter("review_6_8_week_days", 56, "6-8 week review by day N");
  const Parameter review_1_year_from_months_ =
      parameter("review_1_year_from_months", 9, "the 1-year review window opens at N months");
  const Parameter review_1_year_months_ =
      parameter("review_1_year_months", 12, "1-year review by N months");
};

}  // namespace

const Rule& healthy_child_contact_overdue() {
  static const HealthyChildContactOverdue rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
