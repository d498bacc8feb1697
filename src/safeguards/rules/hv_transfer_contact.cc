// hv-transfer-contact (F8): a `transfer` received by a health-visiting agency,
// or a `notification` (move_in) to one (C10), obliges the receiver to see the
// child within 7 WD. For an enhanced child the sender of a transfer stays
// responsible until then: a second alert, owned by it. The child is enhanced
// when its level is, or when the sender says so by sending the transfer with
// status `enhanced` (C5 reads that status as enhanced health visiting; R20).
// Both are resolved only by the receiver seeing the child.
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class HvTransferContact final : public Rule {
 public:
  HvTransferContact()
      : Rule({.id = "hv-transfer-contact",
              .finding = "F8",
              .source = "Healthy Child Programme: the receiving health visitor contacts a family "
                        "moving in (local transfer-in guidelines, T18); the sender keeps an "
                        "enhanced child until then; Sofia SCR Finding 8",
              .title = "Transferred child not yet seen by the new health visitor",
              .meaning = "A child has been transferred to, or moved into the area of, a "
                         "health-visiting agency; it must see the child within 7 working days.",
              .resolves =
                  "Record a contact by the receiving health visitor with the child seen."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kTransfer,        EventType::kNotification, EventType::kContact,
            EventType::kAppointment,     EventType::kMedical,      EventType::kFound,
            EventType::kTransferAccepted};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    for (const auto& [child, by] : ctx.sightings()) {
      ctx.for_each_open(child, [&](DutyId d) {
        if (ctx.duty(d).subject == by) ctx.resolve(d);
      });
    }
    if (e.type == EventType::kTransfer) {
      const auto& b = e.as<TransferEvent>();
      const AgencyId to = ctx.agency(b.to);
      if (!is_kind(ctx, to, AgencyKind::kHealthVisiting)) return;
      const PersonId child = ctx.find_person(b.child);
      open_for(ctx, e, child, to, to);
      if (ctx.state(child).enhanced() || b.status == TransferStatus::kEnhanced) {
        open_for(ctx, e, child, to, ctx.agency(b.from));
      }
      return;
    }
    if (e.type == EventType::kNotification) {
      const auto& b = e.as<NotificationEvent>();
      if (b.subject != NotificationSubject::kMoveIn) return;
      const AgencyId to = ctx.agency(b.to);
      if (!is_kind(ctx, to, AgencyKind::kHealthVisiting)) return;
      for (PersonId child : ctx.children_named()) open_for(ctx, e, child, to, to);
    }
  }

 private:
  void open_for(RuleContext& ctx, const Event& e, PersonId child, AgencyId receiver,
                AgencyId owner) const {
    const PersonState& s = ctx.state(child);
    ctx.triggered(child);
    if (!s.is_child) return ctx.no_duty(child, NoDutyReason::kNotKnownAsChild);
    if (s.unborn) return ctx.no_duty(child, NoDutyReason::kUnborn);
    if (s.seen_by_agency(receiver) >= e.at.instant()) {
      return ctx.no_duty(child, NoDutyReason::kAlreadyDone);  // seen (learnt late)
    }
    bool open = false;
    ctx.for_each_open(child, [&](DutyId d) {
      if (ctx.duty(d).subject == receiver && ctx.duty(d).owner == owner) open = true;
    });
    if (open) return ctx.no_duty(child, NoDutyReason::kOccurrenceOpen);  // reported again
    DutySpec spec;
    spec.child = child;
    spec.owner = owner;
    spec.trigger = e.at.date;
    spec.due = ctx.add_wd(e.at.date, ctx.param(working_days_, ctx.agency_info(receiver).area));
    spec.subject = receiver;
    spec.occurrence = occurrence_of(e);
    ctx.open(std::move(spec));
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 7, "the receiving HV sees the child within N WD");
};

}  // namespace

const Rule& hv_transfer_contact() {
  static const HvTransferContact rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
