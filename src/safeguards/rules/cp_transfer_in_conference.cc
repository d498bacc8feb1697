// cp-transfer-in-conference (WT 2023, T7): a child with an active CP plan
// moves to another local-authority area: a `transfer_in` conference in the
// new area within 15 WD of the move; social care of both areas own it (the
// old area keeps visiting until then, which child-not-seen enforces while its
// plan stays open).
#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

class CpTransferInConference final : public Rule {
 public:
  CpTransferInConference()
      : Rule(
            {"cp-transfer-in-conference",
             "",
             "Working Together to Safeguard Children 2023 and local procedures (T7): a transfer-in "
             "conference within 15 working days when a child on a child protection plan moves "
             "to another local authority",
             {{"working_days", 15, "the transfer_in conference within N WD of the move"}}}) {}

  std::vector<EventType> events() const override {
    return {EventType::kAddress, EventType::kTransfer, EventType::kDeregistration,
            EventType::kConference};
  }

  void on_event(EngineCore& core, const Event& e) const override {
    if (e.type == EventType::kConference) {
      const auto& b = e.as<ConferenceEvent>();
      if (b.kind != ConferenceKind::kTransferIn) return;
      core.for_each_open(core.find_person(b.child), *this, [&](DutyId d) { core.resolve(d); });
      return;
    }
    for (const EngineCore::Move& m : core.moves()) {
      if (m.to == kNone || (m.learnt && m.to == m.from)) continue;  // unknown, or came back
      AgencyId holder = kNone;
      for (const Involvement& i : core.state(m.child).involvements) {
        if (i.kind == InvolvementKind::kCpPlan) holder = i.agency;
      }
      if (holder == kNone) continue;
      core.triggered(*this, m.child);
      // "A duty it sets is satisfied by the required action whether that came
      // just before or after the other reports of the same move" (Terms): a
      // transfer_in conference held since the move's first report (R38), e.g.
      // between a deregistration and the address that names the destination.
      if (core.state(m.child).last_transfer_in_conference >= m.since) {
        core.no_duty(*this, m.child, NoDutyReason::kAlreadyDone);
        continue;
      }
      const AgencyId receiving = core.serving(AgencyKind::kChildrensSocialCare, m.to);
      const AgencyId sending =
          m.from != kNone ? core.serving(AgencyKind::kChildrensSocialCare, m.from) : holder;
      const Date due = core.add_wd(e.at.date, core.param(*this, 0, m.to));
      for (const AgencyId owner : {sending, receiving}) {
        if (owner == kNone) continue;
        DutySpec spec;
        spec.child = m.child;
        spec.owner = owner;
        spec.trigger = e.at.date;
        spec.due = due;
        spec.subject = m.to;
        spec.occurrence = EngineCore::occurrence_of(e);
        core.open(*this, std::move(spec));
      }
    }
  }
};

}  // namespace

const Rule& cp_transfer_in_conference() {
  static const CpTransferInConference rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
