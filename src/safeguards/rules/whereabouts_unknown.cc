// whereabouts-unknown (F7, F8): `whereabouts_unknown`, a contact with outcome
// `not_at_address`, or an `address` move without notice to an unknown address
// starts an episode: the child must be located (seen, `found`, a verified
// claim, or a planned address with a known location, C5) within 1 WD when any
// agency has open involvement, else within 5 WD. When it falls due the alert
// goes to every agency with involvement then (else the last one in contact
// with the child or a carer, R57; else, when no agency ever was, the agency
// that reported the trigger), and missing-alert-required is raised with it
// where it applies.
// One episode at a time: reports while the child is already unlocated add no
// duty. "Located" goes by when things happened (`at`), not by when Sightline
// learnt them: a sighting from before the trigger does not locate the child,
// one from after it does however late either is recorded (R65).
#include <algorithm>
#include <optional>

#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/missing_alerts.h"

namespace sightline::safeguards::rules {

namespace {

constexpr std::uint32_t kOwnerFixed = 1;

class WhereaboutsUnknown final : public Rule {
 public:
  WhereaboutsUnknown()
      : Rule({.id = "whereabouts-unknown",
              .finding = "F7, F8",
              .source = "London Child Protection Procedures, children and families who go missing "
                        "(T11): tell social care and police at once and locate the child; Sofia "
                        "SCR Findings 7 and 8",
              .title = "Whereabouts unknown",
              .meaning = "Nobody knows where the child is living; they must be located within 1 "
                         "working day when an agency is involved, else 5.",
              .resolves = "Record the child seen, found, or at a verified address."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kWhereaboutsUnknown,
            EventType::kContact,
            EventType::kAddress,
            EventType::kFound,
            EventType::kClaim,
            EventType::kAppointment,
            EventType::kMedical,
            EventType::kTransferAccepted,
            EventType::kBirth};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    for (PersonId child : ctx.located()) {
      ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
    }
    std::vector<PersonId> lost;
    if (e.type == EventType::kWhereaboutsUnknown) {
      lost.push_back(ctx.find_person(e.as<WhereaboutsUnknownEvent>().child));
    } else if (e.type == EventType::kContact) {
      const auto& b = e.as<ContactEvent>();
      if (b.outcome == ContactOutcome::kNotAtAddress && !b.child_seen) lost = ctx.children_named();
    } else if (e.type == EventType::kAddress) {
      const auto& b = e.as<AddressEvent>();
      if (b.notice == AddressNotice::kWithoutNotice && b.address.kind == AddressKind::kUnknown) {
        lost = ctx.children_named();
      }
    }
    for (PersonId child : lost) {
      const PersonState& s = ctx.state(child);
      // Learnt after something that happened since and located the child (R65).
      std::optional<Location> located_already;
      if (!s.whereabouts_unknown) {
        if (s.whereabouts_unknown_since == e.at.instant()) {
          located_already = ctx.located_after(child, e.at.instant());
        }
        if (!located_already) continue;  // located by this very event: no trigger
      }
      ctx.triggered(child);
      if (s.unborn) {
        ctx.no_duty(child, NoDutyReason::kUnborn);
        continue;
      }
      if (ctx.any_open(child)) {  // R32: one episode at a time
        ctx.no_duty(child, NoDutyReason::kOccurrenceOpen);
        continue;
      }
      const AgencyId reporter = ctx.agency(e.by);
      const AreaId area = ctx.agency_info(reporter).area;
      const int wd = ctx.has_open_involvement(child) ? ctx.param(involved_working_days_, area)
                                                     : ctx.param(other_working_days_, area);
      const Date due = ctx.add_wd(e.at.date, wd);
      if (located_already && Date::of_instant(located_already->at) <= due) {
        // Terms: "a duty done in time leaves no trace but the chronology".
        ctx.no_duty(child, NoDutyReason::kAlreadyDone);
        continue;
      }
      DutySpec spec;
      spec.child = child;
      spec.owner = reporter;
      spec.trigger = e.at.date;
      spec.due = due;
      spec.occurrence = occurrence_of(e);
      ctx.open(std::move(spec));
      if (located_already) {
        // Located, but after the deadline: the alert is raised now, as learnt
        // overdue (C3), and resolved at once by the event that located the
        // child, with the missing alert raised with it (R65).
        ctx.for_each_open(child, [&](DutyId d) { ctx.resolve_by(d, *located_already); });
        RuleContext missing = ctx.acting_for(missing_alert_required());
        missing.for_each_open(child, [&](DutyId d) { missing.resolve_by(d, *located_already); });
      }
    }
  }

  void on_due(RuleContext& ctx, DutyId id) const override {
    const Duty& d = ctx.duty(id);
    if (d.extra == kOwnerFixed) {
      ctx.raise(id);
      return;
    }
    const PersonId child = d.child;
    const std::string occurrence = d.occurrence;
    const Date trigger = d.trigger, due = d.due;
    std::vector<AgencyId> owners;
    for (const Involvement& i : ctx.state(child).involvements) {
      if (std::find(owners.begin(), owners.end(), i.agency) == owners.end())
        owners.push_back(i.agency);
    }
    AgencyId owner = d.owner;
    if (owners.empty()) {
      // "else the last one in contact": reporting the child missing is not contact.
      if (const AgencyId last = ctx.last_in_contact(child); last != kNone) owner = last;
    } else {
      owner = owners.front();
    }
    ctx.set_extra(id, kOwnerFixed);
    ctx.raise_to(id, owner);
    for (std::size_t i = 1; i < owners.size(); ++i) {
      DutySpec spec;
      spec.child = child;
      spec.owner = owners[i];
      spec.trigger = trigger;
      spec.due = due;
      spec.extra = kOwnerFixed;
      spec.occurrence = occurrence;
      ctx.open(std::move(spec));
    }
    raise_missing_alerts(ctx, child, occurrence);
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter involved_working_days_ = parameter(
      "involved_working_days", 1, "located within N WD when an agency has open involvement");
  const Parameter other_working_days_ = parameter("other_working_days", 5, "otherwise within N WD");
};

}  // namespace

const Rule& whereabouts_unknown() {
  static const WhereaboutsUnknown rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
