// transfer-child-not-seen (F7): after any social-care `transfer` the receiver
// must record `transfer_accepted` with `child_seen: true` within 5 WD; both
// the sending and the receiving agency stay responsible until then, so each
// owns an alert (C1).
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class TransferChildNotSeen final : public Rule {
 public:
  TransferChildNotSeen()
      : Rule({.id = "transfer-child-not-seen",
              .finding = "F7",
              .source = "Local procedures for children moving across local authority boundaries "
                        "(T8): the originating authority keeps responsibility until the receiving "
                        "one has seen the child and accepted the case; Sofia SCR Finding 7",
              .title = "Transfer not accepted with the child seen",
              .meaning = "A social-care transfer must be accepted, with the child seen, within 5 "
                         "working days; both agencies stay responsible until then.",
              .resolves =
                  "The receiving agency records the transfer accepted with the child seen."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kTransfer, EventType::kTransferAccepted};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kTransferAccepted) {
      const auto& b = e.as<TransferAcceptedEvent>();
      if (!b.child_seen) return;
      const TransferInfo* t = ctx.transfer(b.transfer);
      if (t == nullptr) return;
      const std::uint32_t ref = ctx.find_ref(b.transfer);
      ctx.for_each_open(t->child, [&](DutyId d) {
        if (ctx.duty(d).subject == ref) ctx.resolve(d);
      });
      return;
    }
    const auto& b = e.as<TransferEvent>();
    const AgencyId from = ctx.agency(b.from), to = ctx.agency(b.to);
    const bool social_care = !is_health_visiting_status(b.status) ||
                             is_kind(ctx, from, AgencyKind::kChildrensSocialCare) ||
                             is_kind(ctx, to, AgencyKind::kChildrensSocialCare);
    if (!social_care) return;
    ctx.triggered(ctx.find_person(b.child));
    for (const AgencyId owner : {to, from}) {
      DutySpec spec;
      spec.child = ctx.find_person(b.child);
      spec.owner = owner;
      spec.trigger = e.at.date;
      spec.due = ctx.add_wd(e.at.date, ctx.param(working_days_, ctx.agency_info(to).area));
      spec.subject = ctx.find_ref(e.id);
      spec.occurrence = occurrence_of(e);
      ctx.open(std::move(spec));
    }
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 5, "transfer_accepted with the child seen within N WD");
};

}  // namespace

const Rule& transfer_child_not_seen() {
  static const TransferChildNotSeen rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
