// hv-new-registration (F3): a child under 5 registers with a GP practice.
// Sightline tells the health-visiting agency of the practice's area at once
// (a notice), and that agency must see the child within 7 WD; any
// health-visiting agency seeing the child does it.
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class HvNewRegistration final : public Rule {
 public:
  HvNewRegistration()
      : Rule({.id = "hv-new-registration",
              .finding = "F3",
              .source = "Healthy Child Programme and CHIS service specification (NHS England "
                        "2015): GP registration of a child under 5 notified to health visiting, "
                        "who make contact; Sofia SCR Finding 3",
              .title = "New GP registration: health visitor to see the child",
              .meaning = "A child under 5 has registered with a GP practice in your area; health "
                         "visiting must see them within 7 working days.",
              .resolves = "Record a contact by a health visitor with the child seen."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kRegistration, EventType::kContact, EventType::kAppointment,
            EventType::kMedical,      EventType::kFound,   EventType::kTransferAccepted};
  }

  // `practice` is the practice's id, which readers replace by its name; the
  // name says what it is ("Ealing GP practice 1"), so the text does not.
  std::string notice_text(std::string_view practice, Date on) const override {
    return "Child under 5 registered with " + std::string(practice) + " on " + on.to_string() +
           ": please make contact and see the child.";
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type != EventType::kRegistration) {
      for (const auto& [child, by] : ctx.sightings()) {
        if (!is_kind(ctx, by, AgencyKind::kHealthVisiting)) continue;
        ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
      }
      return;
    }
    const auto& b = e.as<RegistrationEvent>();
    const PersonId child = ctx.find_person(b.child);
    const PersonState& s = ctx.state(child);
    // R10: "under 5" needs a known date of birth; a registration of an adult,
    // or of a child whose age nobody has given, is no trigger.
    if (!s.is_child || s.unborn || !s.dob) return;
    const AgencyId practice = ctx.agency(b.agency);
    const AreaId area = ctx.agency_info(practice).area;
    if (age_in_years(*s.dob, e.at.date) >= ctx.param(max_age_years_, area)) return;
    ctx.triggered(child);
    const AgencyId hv = ctx.serving(AgencyKind::kHealthVisiting, area);
    if (hv == kNone) return;  // a practice without an area: a silent trigger the ledger counts
    ctx.notice(child, hv, practice, e.at.date, occurrence_of(e));
    // Already seen by health visiting since the registration (learnt late).
    if (seen_by_kind_since(ctx, child, AgencyKind::kHealthVisiting, e.at.instant())) {
      return ctx.no_duty(child, NoDutyReason::kAlreadyDone);
    }
    DutySpec spec;
    spec.child = child;
    spec.owner = hv;
    spec.trigger = e.at.date;
    spec.due = ctx.add_wd(e.at.date, ctx.param(working_days_, area));
    spec.subject = practice;
    spec.occurrence = occurrence_of(e);
    ctx.open(std::move(spec));
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 7, "the health-visiting agency sees the child within N WD");
  const Parameter max_age_years_ =
      parameter("max_age_years", 5, "children younger than N years at registration");
};

}  // namespace

const Rule& hv_new_registration() {
  static const HvNewRegistration rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
