// transfer-child-not-seen (F7): after any social-care `transfer` the receiver
// must record `transfer_accepted` with `child_seen: true` within 5 WD; both
// the sending and the receiving agency stay responsible until then, so each
// owns an alert (C1).
#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

class TransferChildNotSeen final : public Rule {
 public:
  TransferChildNotSeen()
      : Rule({"transfer-child-not-seen",
              "F7",
              "Local procedures for children moving across local authority boundaries (T8): the "
              "originating authority keeps responsibility until the receiving one has seen the "
              "child and accepted the case; Sofia SCR Finding 7",
              {{"working_days", 5, "transfer_accepted with the child seen within N WD"}}}) {}

  std::vector<EventType> events() const override {
    return {EventType::kTransfer, EventType::kTransferAccepted};
  }

  void on_event(EngineCore& core, const Event& e) const override {
    if (e.type == EventType::kTransferAccepted) {
      const auto& b = e.as<TransferAcceptedEvent>();
      if (!b.child_seen) return;
      const TransferInfo* t = core.transfer(b.transfer);
      if (t == nullptr) return;
      const std::uint32_t ref = core.find_ref(b.transfer);
      core.for_each_open(t->child, *this, [&](DutyId d) {
        if (core.duty(d).subject == ref) core.resolve(d);
      });
      return;
    }
    const auto& b = e.as<TransferEvent>();
    const AgencyId from = core.agency(b.from), to = core.agency(b.to);
    const bool social_care = !is_health_visiting_status(b.status) ||
                             is_kind(core, from, AgencyKind::kChildrensSocialCare) ||
                             is_kind(core, to, AgencyKind::kChildrensSocialCare);
    if (!social_care) return;
    core.triggered(*this, core.find_person(b.child));
    for (const AgencyId owner : {to, from}) {
      DutySpec spec;
      spec.child = core.find_person(b.child);
      spec.owner = owner;
      spec.trigger = e.at.date;
      spec.due = core.add_wd(e.at.date, core.param(*this, 0, core.agency_info(to).area));
      spec.subject = core.find_ref(e.id);
      spec.occurrence = EngineCore::occurrence_of(e);
      core.open(*this, std::move(spec));
    }
  }
};

}  // namespace

const Rule& transfer_child_not_seen() {
  static const TransferChildNotSeen rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
