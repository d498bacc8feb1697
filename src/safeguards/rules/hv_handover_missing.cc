// hv-handover-missing (F8): a child known to a health-visiting agency (any HV
// contact or hv_level) moves to another area. The sending HV agency must send
// a `transfer` to an HV agency of the destination area (any HV agency while
// the destination is unknown, C10) within 2 WD of the move. When the
// destination of a move to an unknown place is learnt, the transfer is owed
// to that area from then on. A child who moves back into the sender's own
// area before the handover is sent needs none: the return does the duty (R73).
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class HvHandoverMissing final : public Rule {
 public:
  HvHandoverMissing()
      : Rule({.id = "hv-handover-missing",
              .finding = "F8",
              .source = "Healthy Child Programme: health-visiting transfer of a family moving out "
                        "of the area, handed over to the receiving health visitor (local "
                        "transfer-in/out guidelines, T18); Sofia SCR Finding 8",
              .title = "Health-visiting handover not sent",
              .meaning = "A child known to health visiting has moved to another area; the sending "
                         "health visitors must send a transfer to the new area's health visitors "
                         "within 2 working days.",
              .resolves = "Record a transfer to a health-visiting agency of the new area."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kAddress, EventType::kTransfer, EventType::kDeregistration};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    for (const Move& m : ctx.moves()) {
      if (m.learnt) {
        // The destination is known now: the handover is owed to it, unless
        // the child is back in the sender's own area (R73).
        ctx.for_each_open(m.child, [&](DutyId d) {
          if (ctx.duty(d).subject != kNone) return;
          if (back_with_sender(ctx, d, m.to)) {
            ctx.resolve(d);
          } else {
            ctx.set_subject(d, m.to);
          }
        });
        continue;
      }
      // A handover still owed for an earlier move is done by the child's
      // return into the sender's own area: the sender has the child again,
      // and a transfer to an area the child has left would help no one (R73).
      ctx.for_each_open(m.child, [&](DutyId d) {
        if (ctx.duty(d).subject != kNone && back_with_sender(ctx, d, m.to)) ctx.resolve(d);
      });
      const PersonState& s = ctx.state(m.child);
      const AgencyId sender = s.hv_known_by;
      if (sender == kNone) continue;  // not known to health visiting: no trigger
      ctx.triggered(m.child);
      if (m.to != kNone && ctx.agency_info(sender).area == m.to) {
        ctx.no_duty(m.child, NoDutyReason::kMovedIntoSendersArea);
        continue;
      }
      DutySpec spec;
      spec.child = m.child;
      spec.owner = sender;
      spec.trigger = e.at.date;
      spec.due = ctx.add_wd(e.at.date, ctx.param(working_days_, ctx.agency_info(sender).area));
      spec.subject = m.to;
      spec.occurrence = occurrence_of(e);
      ctx.open(std::move(spec));
    }
    if (e.type != EventType::kTransfer) return;
    const auto& b = e.as<TransferEvent>();
    const AgencyId from = ctx.agency(b.from), to = ctx.agency(b.to);
    if (!is_kind(ctx, from, AgencyKind::kHealthVisiting) ||
        !is_kind(ctx, to, AgencyKind::kHealthVisiting)) {
      return;
    }
    const PersonId child = ctx.find_person(b.child);
    ctx.for_each_open(child, [&](DutyId d) {
      const AreaId dest = ctx.duty(d).subject;
      if (dest == kNone || ctx.agency_info(to).area == dest) ctx.resolve(d);
    });
  }

 private:
  // True when a move to `area` takes the child back into the area of duty
  // `d`'s sender.
  static bool back_with_sender(RuleContext& ctx, DutyId d, AreaId area) {
    return area != kNone && ctx.agency_info(ctx.duty(d).owner).area == area;
  }

  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 2, "the transfer to the new area's HV within N WD of the move");
};

}  // namespace

const Rule& hv_handover_missing() {
  static const HvHandoverMissing rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
