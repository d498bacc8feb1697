// hv-handover-missing (F8): a child known to a health-visiting agency (any HV
// contact or hv_level) moves to another area. The sending HV agency must send
// a `transfer` to an HV agency of the destination area (any HV agency while
// the destination is unknown, C10) within 2 WD of the move. When the
// destination of a move to an unknown place is learnt, the transfer is owed
// to that area from then on.
#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

class HvHandoverMissing final : public Rule {
 public:
  HvHandoverMissing()
      : Rule({"hv-handover-missing",
              "F8",
              "Healthy Child Programme: health-visiting transfer of a family moving out of the "
              "area, handed over to the receiving health visitor (local transfer-in/out "
              "guidelines, T18); Sofia SCR Finding 8",
              {{"working_days", 2, "the transfer to the new area's HV within N WD of the move"}}}) {
  }

  std::vector<EventType> events() const override {
    return {EventType::kAddress, EventType::kTransfer, EventType::kDeregistration};
  }

  void on_event(EngineCore& core, const Event& e) const override {
    for (const EngineCore::Move& m : core.moves()) {
      if (m.learnt) {
        // The destination is known now: the handover is owed to it.
        core.for_each_open(m.child, *this, [&](DutyId d) {
          if (core.duty(d).subject != kNone) return;
          if (core.agency_info(core.duty(d).owner).area == m.to) {
            core.end(d);  // back in the sender's own area: nothing to hand over
          } else {
            core.duty(d).subject = m.to;
          }
        });
        continue;
      }
      const PersonState& s = core.state(m.child);
      const AgencyId sender = s.hv_known_by;
      if (sender == kNone) continue;  // not known to health visiting: no trigger
      core.triggered(*this, m.child);
      if (m.to != kNone && core.agency_info(sender).area == m.to) {
        core.no_duty(*this, m.child, NoDutyReason::kMovedIntoSendersArea);
        continue;
      }
      DutySpec spec;
      spec.child = m.child;
      spec.owner = sender;
      spec.trigger = e.at.date;
      spec.due = core.add_wd(e.at.date, core.param(*this, 0, core.agency_info(sender).area));
      spec.subject = m.to;
      spec.occurrence = EngineCore::occurrence_of(e);
      core.open(*this, std::move(spec));
    }
    if (e.type != EventType::kTransfer) return;
    const auto& b = e.as<TransferEvent>();
    const AgencyId from = core.agency(b.from), to = core.agency(b.to);
    if (!is_kind(core, from, AgencyKind::kHealthVisiting) ||
        !is_kind(core, to, AgencyKind::kHealthVisiting)) {
      return;
    }
    const PersonId child = core.find_person(b.child);
    core.for_each_open(child, *this, [&](DutyId d) {
      const AreaId dest = core.duty(d).subject;
      if (dest == kNone || core.agency_info(to).area == dest) core.resolve(d);
    });
  }
};

}  // namespace

const Rule& hv_handover_missing() {
  static const HvHandoverMissing rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
