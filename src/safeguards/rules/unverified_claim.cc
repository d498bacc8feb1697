// unverified-claim: a `claim` about where a child is, with `verified: false`,
// must be verified within 5 WD: a claim with `verified: true`, a `found`, or
// the child seen. Owner the reporting agency.
#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

class UnverifiedClaim final : public Rule {
 public:
  UnverifiedClaim()
      : Rule({"unverified-claim",
              "",
              "London Child Protection Procedures, children and families who go missing (T11): a "
              "parent's account of where a child is gets checked (Sofia SCR 3.17)",
              {{"working_days", 5, "verified within N WD"}}}) {}

  std::vector<EventType> events() const override {
    return {EventType::kClaim,   EventType::kFound,       EventType::kContact,
            EventType::kMedical, EventType::kAppointment, EventType::kTransferAccepted,
            EventType::kBirth};
  }

  void on_event(EngineCore& core, const Event& e) const override {
    for (const auto& [child, by] : core.sightings()) {
      core.for_each_open(child, *this, [&](DutyId d) { core.resolve(d); });
    }
    if (e.type != EventType::kClaim) return;
    const auto& b = e.as<ClaimEvent>();
    const PersonId child = core.find_person(b.child);
    if (b.verified) {
      core.for_each_open(child, *this, [&](DutyId d) { core.resolve(d); });
      return;
    }
    const AgencyId by = core.agency(e.by);
    core.triggered(*this, child);
    DutySpec spec;
    spec.child = child;
    spec.owner = by;
    spec.trigger = e.at.date;
    spec.due = core.add_wd(e.at.date, core.param(*this, 0, core.agency_info(by).area));
    spec.occurrence = EngineCore::occurrence_of(e);
    core.open(*this, std::move(spec));
  }
};

}  // namespace

const Rule& unverified_claim() {
  static const UnverifiedClaim rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
