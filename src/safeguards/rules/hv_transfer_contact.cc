// hv-transfer-contact (F8): a `transfer` received by a health-visiting agency,
// or a `notification` (move_in) to one (C10), obliges the receiver to see the
// child within 7 WD. For an enhanced child the sender of a transfer stays
// responsible until then: a second alert, owned by it. The child is enhanced
// when its level is, or when the sender says so by sending the transfer with
// status `enhanced` (C5 reads that status as enhanced health visiting; R20).
// Both are resolved only by the receiver seeing the child.
#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

class HvTransferContact final : public Rule {
 public:
  HvTransferContact()
      : Rule({"hv-transfer-contact",
              "F8",
              "Healthy Child Programme: the receiving health visitor contacts a family moving in "
              "(local transfer-in guidelines, T18); the sender keeps an enhanced child until "
              "then; Sofia SCR Finding 8",
              {{"working_days", 7, "the receiving HV sees the child within N WD"}}}) {}

  std::vector<EventType> events() const override {
    return {EventType::kTransfer,        EventType::kNotification, EventType::kContact,
            EventType::kAppointment,     EventType::kMedical,      EventType::kFound,
            EventType::kTransferAccepted};
  }

  void on_event(EngineCore& core, const Event& e) const override {
    for (const auto& [child, by] : core.sightings()) {
      core.for_each_open(child, *this, [&](DutyId d) {
        if (core.duty(d).subject == by) core.resolve(d);
      });
    }
    if (e.type == EventType::kTransfer) {
      const auto& b = e.as<TransferEvent>();
      const AgencyId to = core.agency(b.to);
      if (!is_kind(core, to, AgencyKind::kHealthVisiting)) return;
      const PersonId child = core.find_person(b.child);
      open_for(core, e, child, to, to);
      if (core.state(child).enhanced() || b.status == TransferStatus::kEnhanced) {
        open_for(core, e, child, to, core.agency(b.from));
      }
      return;
    }
    if (e.type == EventType::kNotification) {
      const auto& b = e.as<NotificationEvent>();
      if (b.subject != NotificationSubject::kMoveIn) return;
      const AgencyId to = core.agency(b.to);
      if (!is_kind(core, to, AgencyKind::kHealthVisiting)) return;
      for (PersonId child : core.children_named()) open_for(core, e, child, to, to);
    }
  }

 private:
  void open_for(EngineCore& core, const Event& e, PersonId child, AgencyId receiver,
                AgencyId owner) const {
    const PersonState& s = core.state(child);
    core.triggered(*this, child);
    if (!s.is_child) return core.no_duty(*this, child, NoDutyReason::kNotKnownAsChild);
    if (s.unborn) return core.no_duty(*this, child, NoDutyReason::kUnborn);
    if (s.seen_by_agency(receiver) >= e.at.instant()) {
      return core.no_duty(*this, child, NoDutyReason::kAlreadyDone);  // seen (learnt late)
    }
    bool open = false;
    core.for_each_open(child, *this, [&](DutyId d) {
      if (core.duty(d).subject == receiver && core.duty(d).owner == owner) open = true;
    });
    if (open) return core.no_duty(*this, child, NoDutyReason::kOccurrenceOpen);  // reported again
    DutySpec spec;
    spec.child = child;
    spec.owner = owner;
    spec.trigger = e.at.date;
    spec.due = core.add_wd(e.at.date, core.param(*this, 0, core.agency_info(receiver).area));
    spec.subject = receiver;
    spec.occurrence = EngineCore::occurrence_of(e);
    core.open(*this, std::move(spec));
  }
};

}  // namespace

const Rule& hv_transfer_contact() {
  static const HvTransferContact rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
