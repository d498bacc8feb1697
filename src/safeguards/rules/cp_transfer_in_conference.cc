// cp-transfer-in-conference (WT 2023, T7): a child with an active CP plan
// moves to another local-authority area: a `transfer_in` conference in the
// new area within 15 WD of the move; social care of both areas own it (the
// old area keeps visiting until then, which child-not-seen enforces while its
// plan stays open).
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class CpTransferInConference final : public Rule {
 public:
  CpTransferInConference()
      : Rule({.id = "cp-transfer-in-conference",
              .finding = "",
              .source = "Working Together to Safeguard Children 2023 and local procedures (T7): a "
                        "transfer-in conference within 15 working days when a child on a child "
                        "protection plan moves to another local authority",
              .title = "Transfer-in conference needed",
              .meaning = "A child with a child protection plan moved to another local authority; "
                         "a transfer-in conference is due within 15 working days, and the old "
                         "area keeps visiting until then.",
              .resolves = "Record the transfer-in conference."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kAddress, EventType::kTransfer, EventType::kDeregistration,
            EventType::kConference};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kConference) {
      const auto& b = e.as<ConferenceEvent>();
      if (b.kind != ConferenceKind::kTransferIn) return;
      ctx.for_each_open(ctx.find_person(b.child), [&](DutyId d) { ctx.resolve(d); });
      return;
    }
    for (const Move& m : ctx.moves()) {
      if (m.to == kNone || (m.learnt && m.to == m.from)) continue;  // unknown, or came back
      AgencyId holder = kNone;
      for (const Involvement& i : ctx.state(m.child).involvements) {
        if (i.kind == InvolvementKind::kCpPlan) holder = i.agency;
      }
      if (holder == kNone) continue;
      ctx.triggered(m.child);
      // "A duty it sets is satisfied by the required action whether that came
      // just before or after the other reports of the same move" (Terms): a
      // transfer_in conference held since the move's first report (R38), e.g.
      // between a deregistration and the address that names the destination.
      if (ctx.state(m.child).last_transfer_in_conference >= m.since) {
        ctx.no_duty(m.child, NoDutyReason::kAlreadyDone);
        continue;
      }
      const AgencyId receiving = ctx.serving(AgencyKind::kChildrensSocialCare, m.to);
      const AgencyId sending =
          m.from != kNone ? ctx.serving(AgencyKind::kChildrensSocialCare, m.from) : holder;
      const Date due = ctx.add_wd(e.at.date, ctx.param(working_days_, m.to));
      for (const AgencyId owner : {sending, receiving}) {
        if (owner == kNone) continue;
        DutySpec spec;
        spec.child = m.child;
        spec.owner = owner;
        spec.trigger = e.at.date;
        spec.due = due;
        spec.subject = m.to;
        spec.occurrence = occurrence_of(e);
        ctx.open(std::move(spec));
      }
    }
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 15, "the transfer_in conference within N WD of the move");
};

}  // namespace

const Rule& cp_transfer_in_conference() {
  static const CpTransferInConference rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
