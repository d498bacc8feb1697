// out-of-area-placement-notice (Housing Act 1996 s208, T13): an `address` of
// kind `temporary` for a family, reported by a social-care or housing agency
// whose area differs from the address's, needs a `notification` with subject
// out_of_area_placement to social care or housing of the address's area
// within 14 days; owner the placing agency. A family is an address event
// naming a child, or the mother of an unborn child.
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

bool placing_kind(AgencyKind k) {
  return k == AgencyKind::kChildrensSocialCare || k == AgencyKind::kAdultSocialCare ||
         k == AgencyKind::kHousing;
}

class OutOfAreaPlacementNotice final : public Rule {
 public:
  OutOfAreaPlacementNotice()
      : Rule({.id = "out-of-area-placement-notice",
              .finding = "",
              .source = "Housing Act 1996 s208 (T13): written notice to the receiving authority "
                        "within 14 days of placing a household in its area",
              .title = "Out-of-area placement not notified",
              .meaning = "A family was placed in temporary housing in another area; that area "
                         "must be told within 14 days.",
              .resolves = "Record a notification of the out-of-area placement to the receiving "
                          "area."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kAddress, EventType::kNotification};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    if (e.type == EventType::kNotification) {
      const auto& b = e.as<NotificationEvent>();
      if (b.subject != NotificationSubject::kOutOfAreaPlacement) return;
      const AgencyId to = ctx.agency(b.to);
      const AgencyKind k = ctx.agency_info(to).kind;
      if (k != AgencyKind::kChildrensSocialCare && k != AgencyKind::kHousing) return;
      for (const Id& id : b.persons) {
        const PersonId p = ctx.find_person(id);
        auto resolve = [&](PersonId child) {
          ctx.for_each_open(child, [&](DutyId d) {
            if (ctx.duty(d).subject == ctx.agency_info(to).area) ctx.resolve(d);
          });
        };
        resolve(p);
        for (PersonId c : ctx.state(p).children) resolve(c);
      }
      return;
    }
    const auto& b = e.as<AddressEvent>();
    if (b.address.kind != AddressKind::kTemporary || b.address.area.empty()) return;
    const AgencyId by = ctx.agency(e.by);
    if (!placing_kind(ctx.agency_info(by).kind)) return;
    const AreaId area = ctx.area(b.address.area);
    if (ctx.agency_info(by).area == area) return;
    std::vector<PersonId> family;
    for (const Id& id : b.persons) {
      const PersonId p = ctx.find_person(id);
      const PersonState& s = ctx.state(p);
      if (s.is_child) {
        family.push_back(p);
        continue;
      }
      for (PersonId c : s.children) {
        if (ctx.state(c).unborn) family.push_back(c);
      }
    }
    for (PersonId child : family) {
      ctx.triggered(child);
      DutySpec spec;
      spec.child = child;
      spec.owner = by;
      spec.trigger = e.at.date;
      spec.due = e.at.date.plus_days(ctx.param(days_, ctx.agency_info(by).area));
      spec.subject = area;
      spec.occurrence = occurrence_of(e);
      ctx.open(std::move(spec));
    }
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter days_ = parameter("days", 14, "the notification within N days (calendar days)");
};

}  // namespace

const Rule& out_of_area_placement_notice() {
  static const OutOfAreaPlacementNotice rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
