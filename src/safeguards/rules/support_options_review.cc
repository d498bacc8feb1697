// support-options-review (F1): a state rule (C9). When a carer of a child
// (born or unborn) known to social care, adult care or housing has immigration
// nrpf / eea_no_work_history / overstayer, or income none, with housing not
// settled, social care of the child's area must record an `options_review`
// covering at least s17_support and specialist_advice within 10 WD. The alert
// lists the legal routes that apply (C13). Where nothing locates the child,
// the stand-in of R4 owns it; the owner is found again when it falls due (R3).
#include <algorithm>

#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

bool covers(const std::vector<SupportOption>& options) {
  const auto has = [&](SupportOption o) {
    return std::find(options.begin(), options.end(), o) != options.end();
  };
  return has(SupportOption::kS17Support) && has(SupportOption::kSpecialistAdvice);
}

class SupportOptionsReview final : public Rule {
 public:
  SupportOptionsReview()
      : Rule({.id = "support-options-review",
              .finding = "F1",
              .source = "Children Act 1989 s17 and NRPF Network practice guidance: a family with "
                        "no recourse to public funds or no income is assessed for every legal "
                        "route of support; Sofia SCR Finding 1",
              .title = "Support options not reviewed",
              .meaning = "A carer has no recourse to public funds, or no income, and is not "
                         "settled in housing; the options for support must be reviewed within 10 "
                         "working days.",
              .resolves = "Record an options review covering section 17 support and specialist "
                          "advice."}) {}

  std::vector<EventType> events() const override { return {EventType::kOptionsReview}; }
  // Known to services, the carers and their circumstances.
  FactSet watches() const override {
    return {Fact::kKnownToServices, Fact::kCarers, Fact::kCircumstances};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    const auto& b = e.as<OptionsReviewEvent>();
    if (!covers(b.options)) return;
    const PersonId p = ctx.find_person(b.person);
    ctx.for_each_open(p, [&](DutyId d) { ctx.resolve(d); });
    for (PersonId c : ctx.state(p).children) {
      ctx.for_each_open(c, [&](DutyId d) { ctx.resolve(d); });
    }
  }

  void on_state(RuleContext& ctx, PersonId child) const override {
    const PersonState& s = ctx.state(child);
    bool state = false;
    std::vector<std::string> routes;
    if (ctx.known_to_services(child)) {
      for (PersonId c : s.carers) {
        const PersonState& carer = ctx.state(c);
        const bool no_funds =
            (carer.immigration && (*carer.immigration == Immigration::kNrpf ||
                                   *carer.immigration == Immigration::kEeaNoWorkHistory ||
                                   *carer.immigration == Immigration::kOverstayer)) ||
            (carer.income && *carer.income == Income::kNone);
        if (!no_funds || !carer.housing || *carer.housing == Housing::kSettled) continue;
        state = true;
        routes = {"s17_support", "specialist_advice", "rent_deposit"};
        if (carer.health_needs) routes.emplace_back("adult_care_support");
        if (carer.eea ||
            (carer.immigration && *carer.immigration == Immigration::kEeaNoWorkHistory)) {
          routes.emplace_back("return_assistance");
          routes.emplace_back("benefits_if_working");
        }
        break;
      }
    }
    if (!ctx.occurrence_starts(child, state)) return;
    const AgencyId owner = ctx.area_owner(AgencyKind::kChildrensSocialCare, child);
    if (owner == kNone) return;  // never reported by anyone (see area_owner)
    const Date trigger = ctx.event() != nullptr ? ctx.event()->at.date : ctx.today();
    DutySpec spec;
    spec.child = child;
    spec.owner = owner;
    spec.trigger = trigger;
    spec.due = ctx.add_wd(trigger, ctx.param(working_days_, ctx.agency_info(owner).area));
    spec.occurrence = "circumstances from " + trigger.to_string();
    spec.extras = std::make_unique<AlertExtras>();
    spec.extras->routes = std::move(routes);
    ctx.open(std::move(spec));
  }

  void on_due(RuleContext& ctx, DutyId id) const override {
    raise_to_area_owner(ctx, id, AgencyKind::kChildrensSocialCare);
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ = parameter("working_days", 10, "an options_review within N WD");
};

}  // namespace

const Rule& support_options_review() {
  static const SupportOptionsReview rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
