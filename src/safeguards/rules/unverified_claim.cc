// unverified-claim: a `claim` about where a child is, with `verified: false`,
// must be verified within 5 WD: a claim with `verified: true`, a `found`, or
// the child seen. Owner the reporting agency.
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class UnverifiedClaim final : public Rule {
 public:
  UnverifiedClaim()
      : Rule({.id = "unverified-claim",
              .finding = "",
              .source = "London Child Protection Procedures, children and families who go missing "
                        "(T11): a parent's account of where a child is gets checked (Sofia SCR "
                        "3.17)",
              .title = "Claim not verified",
              .meaning = "A claim about the child (for example, that they are abroad) was "
                         "recorded as unverified; it must be checked within 5 working days.",
              .resolves = "Record the claim verified, the child found, or the child seen."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kClaim,   EventType::kFound,       EventType::kContact,
            EventType::kMedical, EventType::kAppointment, EventType::kTransferAccepted,
            EventType::kBirth};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    for (const auto& [child, by] : ctx.sightings()) {
      ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
    }
    if (e.type != EventType::kClaim) return;
    const auto& b = e.as<ClaimEvent>();
    const PersonId child = ctx.find_person(b.child);
    if (b.verified) {
      ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
      return;
    }
    const AgencyId by = ctx.agency(e.by);
    ctx.triggered(child);
    DutySpec spec;
    spec.child = child;
    spec.owner = by;
    spec.trigger = e.at.date;
    spec.due = ctx.add_wd(e.at.date, ctx.param(working_days_, ctx.agency_info(by).area));
    spec.occurrence = occurrence_of(e);
    ctx.open(std::move(spec));
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ = parameter("working_days", 5, "verified within N WD");
};

}  // namespace

const Rule& unverified_claim() {
  static const UnverifiedClaim rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
