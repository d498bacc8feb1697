// non-residential-address: an `address` for a child that matches a `premises`
// entry whose kind is not residential (normalised postcode + first line) is a
// fault at once, for every agency with involvement (else the reporting
// agency). Resolved by a later residential address for the child.
#include <algorithm>

#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class NonResidentialAddress final : public Rule {
 public:
  NonResidentialAddress()
      : Rule({.id = "non-residential-address",
              .finding = "",
              .source = "Local missing-family procedures (T11): an address that is a day centre, "
                        "hostel or office is not a home for a child (Sofia SCR 3.17, footnote 11)",
              .title = "Living at a non-residential address",
              .meaning = "The child's address is known premises that are not a home (for example, "
                         "a shop or office).",
              .resolves = "Record a residential address."}) {}

  std::vector<EventType> events() const override { return {EventType::kAddress}; }

  void on_event(RuleContext& ctx, const Event& e) const override {
    const auto& b = e.as<AddressEvent>();
    const std::optional<PremisesKind> premises = ctx.premises_at(b.address);
    const bool non_residential = premises && *premises != PremisesKind::kResidential;
    const bool home = !non_residential &&
                      (b.address.kind == AddressKind::kResidential ||
                       b.address.kind == AddressKind::kTemporary) &&
                      (!b.address.line1.empty() || !b.address.postcode.empty());
    for (PersonId child : ctx.children_named()) {
      if (home) ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
      if (!non_residential) continue;
      ctx.triggered(child);
      if (ctx.state(child).unborn) {
        ctx.no_duty(child, NoDutyReason::kUnborn);
        continue;
      }
      std::vector<AgencyId> owners;
      for (const Involvement& i : ctx.state(child).involvements) {
        if (std::find(owners.begin(), owners.end(), i.agency) == owners.end())
          owners.push_back(i.agency);
      }
      if (owners.empty()) owners.push_back(ctx.agency(e.by));
      for (AgencyId owner : owners) {
        DutySpec spec;
        spec.child = child;
        spec.owner = owner;
        spec.trigger = e.at.date;
        spec.occurrence = occurrence_of(e);
        spec.extras = std::make_unique<AlertExtras>();
        spec.extras->reasons.push_back("the address is a registered " +
                                       std::string(to_string(*premises)));
        ctx.open(std::move(spec));
      }
    }
  }
};

}  // namespace

const Rule& non_residential_address() {
  static const NonResidentialAddress rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
