// support-options-review (F1): a state rule (C9). When a carer of a child
// (born or unborn) known to social care, adult care or housing has immigration
// nrpf / eea_no_work_history / overstayer, or income none, with housing not
// settled, social care of the child's area must record an `options_review`
// covering at least s17_support and specialist_advice within 10 WD. The alert
// lists the legal routes that apply (C13). Where nothing locates the child,
// the stand-in of R4 owns it; the owner is found again when it falls due (R3).
#include <algorithm>

#include "safeguards/engine_core.h"
#include "safeguards/rules/helpers.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards::rules {
namespace {

constexpr std::uint8_t kStateBit = 4;

bool covers(const std::vector<SupportOption>& options) {
  const auto has = [&](SupportOption o) {
    return std::find(options.begin(), options.end(), o) != options.end();
  };
  return has(SupportOption::kS17Support) && has(SupportOption::kSpecialistAdvice);
}

class SupportOptionsReview final : public Rule {
 public:
  SupportOptionsReview()
      : Rule({"support-options-review",
              "F1",
              "Children Act 1989 s17 and NRPF Network practice guidance: a family with no "
              "recourse to public funds or no income is assessed for every legal route of "
              "support; Sofia SCR Finding 1",
              {{"working_days", 10, "an options_review within N WD"}}}) {}

  std::vector<EventType> events() const override { return {EventType::kOptionsReview}; }
  bool watches_state() const override { return true; }

  void on_event(EngineCore& core, const Event& e) const override {
    const auto& b = e.as<OptionsReviewEvent>();
    if (!covers(b.options)) return;
    const PersonId p = core.find_person(b.person);
    core.for_each_open(p, *this, [&](DutyId d) { core.resolve(d); });
    for (PersonId c : core.state(p).children) {
      core.for_each_open(c, *this, [&](DutyId d) { core.resolve(d); });
    }
  }

  void on_state(EngineCore& core, PersonId child) const override {
    const PersonState& s = core.state(child);
    bool state = false;
    std::vector<std::string> routes;
    if (core.known_to_services(child)) {
      for (PersonId c : s.carers) {
        const PersonState& carer = core.state(c);
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
    if (!occurrence_starts(core, *this, child, kStateBit, state)) return;
    const AgencyId owner = core.area_owner(AgencyKind::kChildrensSocialCare, child);
    if (owner == kNone) return;  // never reported by anyone (see area_owner)
    const Date trigger = core.event() != nullptr ? core.event()->at.date : core.today();
    DutySpec spec;
    spec.child = child;
    spec.owner = owner;
    spec.trigger = trigger;
    spec.due = core.add_wd(trigger, core.param(*this, 0, core.agency_info(owner).area));
    spec.occurrence = "circumstances from " + trigger.to_string();
    spec.extras = std::make_unique<AlertExtras>();
    spec.extras->routes = std::move(routes);
    core.open(*this, std::move(spec));
  }

  void on_due(EngineCore& core, DutyId id) const override {
    raise_to_area_owner(core, id, AgencyKind::kChildrensSocialCare);
  }
};

}  // namespace

const Rule& support_options_review() {
  static const SupportOptionsReview rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
