#include "safeguards/catalogue.h"

#include "safeguards/rule.h"

// Every rule of the catalogue, one line each, in the catalogue's table order
// (docs/safeguards-v1.md): the accessor its file in rules/ defines, which
// returns the rule (const Rule& NAME()). Adding a rule is adding its line
// here (docs/adding-a-rule.md).
#define SIGHTLINE_CATALOGUE(RULE)      \
  RULE(hv_new_registration)            \
  RULE(hv_handover_missing)            \
  RULE(hv_transfer_contact)            \
  RULE(handover_understated)           \
  RULE(records_not_reviewed)           \
  RULE(transfer_child_not_seen)        \
  RULE(closure_before_seen)            \
  RULE(strategy_discussion_incomplete) \
  RULE(strategy_review_missing)        \
  RULE(neglect_holistic_review)        \
  RULE(neglect_assessment_required)    \
  RULE(prebirth_assessment_required)   \
  RULE(support_options_review)         \
  RULE(child_not_seen)                 \
  RULE(whereabouts_unknown)            \
  RULE(missing_alert_required)         \
  RULE(unverified_claim)               \
  RULE(non_residential_address)        \
  RULE(healthy_child_contact_overdue)  \
  RULE(was_not_brought)                \
  RULE(cp_transfer_in_conference)      \
  RULE(referral_decision_overdue)      \
  RULE(assessment_overdue)             \
  RULE(icpc_overdue)                   \
  RULE(cp_review_overdue)              \
  RULE(antenatal_contact_overdue)      \
  RULE(out_of_area_placement_notice)

namespace sightline::safeguards {

namespace rules {
#define SIGHTLINE_DECLARE_RULE(accessor) const Rule& accessor();
SIGHTLINE_CATALOGUE(SIGHTLINE_DECLARE_RULE)
#undef SIGHTLINE_DECLARE_RULE
}  // namespace rules

namespace {

std::vector<const Rule*> build() {
  std::vector<const Rule*> all{
#define SIGHTLINE_LIST_RULE(accessor) &rules::accessor(),
      SIGHTLINE_CATALOGUE(SIGHTLINE_LIST_RULE)
#undef SIGHTLINE_LIST_RULE
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
