#include "safeguards/catalogue.h"

#include "safeguards/rule.h"
#include "safeguards/rules/rules.h"

namespace sightline::safeguards {
namespace {

std::vector<const Rule*> build() {
  // The catalogue's table order (docs/safeguards-v1.md).
  std::vector<const Rule*> all{
      &rules::hv_new_registration(),
      &rules::hv_handover_missing(),
      &rules::hv_transfer_contact(),
      &rules::handover_understated(),
      &rules::records_not_reviewed(),
      &rules::transfer_child_not_seen(),
      &rules::closure_before_seen(),
      &rules::strategy_discussion_incomplete(),
      &rules::strategy_review_missing(),
      &rules::neglect_holistic_review(),
      &rules::neglect_assessment_required(),
      &rules::prebirth_assessment_required(),
      &rules::support_options_review(),
      &rules::child_not_seen(),
      &rules::whereabouts_unknown(),
      &rules::missing_alert_required(),
      &rules::unverified_claim(),
      &rules::non_residential_address(),
      &rules::healthy_child_contact_overdue(),
      &rules::was_not_brought(),
      &rules::cp_transfer_in_conference(),
      &rules::referral_decision_overdue(),
      &rules::assessment_overdue(),
      &rules::icpc_overdue(),
      &rules::cp_review_overdue(),
      &rules::antenatal_contact_overdue(),
      &rules::out_of_area_placement_notice(),
  };
  for (std::size_t i = 0; i < all.size(); ++i) {
    set_rule_index(const_cast<Rule&>(*all[i]), static_cast<std::uint16_t>(i));
  }
  return all;
}

const std::vector<ParameterSpec>& escalation_params() {
  static const std::vector<ParameterSpec> params{
      {"manager_working_days", 2,
       "an open alert goes to the owner's manager at raised + N WD (C2)"},
      {"safeguarding_lead_working_days", 5, "then to its safeguarding lead at raised + N WD"},
      {"partnership_working_days", 10, "then to the safeguarding partnership at raised + N WD"},
  };
  return params;
}

const std::vector<ParameterSpec>& indicator_params() {
  static const std::vector<ParameterSpec> params{
      {"transience_days", 90,
       "transience: two address changes, or one move without notice, within N days (C6)"},
      {"non_cooperation_days", 60,
       "non_cooperation: two contacts declined/no_access within N days"},
      {"missed_appointments_days", 180,
       "missed_health_appointments: two was_not_brought within N days"},
  };
  return params;
}

}  // namespace

std::span<const Rule* const> catalogue() {
  static const std::vector<const Rule*> all = build();
  return all;
}

const Rule* find_rule(std::string_view id) {
  for (const Rule* r : catalogue()) {
    if (r->info().id == id) return r;
  }
  return nullptr;
}

const std::vector<SectionSpec>& config_sections() {
  static const std::vector<SectionSpec> sections = [] {
    std::vector<SectionSpec> out{{"escalation", &escalation_params()},
                                 {"indicators", &indicator_params()}};
    for (const Rule* r : catalogue()) out.push_back({r->info().id, &r->params()});
    return out;
  }();
  return sections;
}

}  // namespace sightline::safeguards
