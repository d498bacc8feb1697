#include "cli/registration_terms.h"

#include <memory>
#include <stdexcept>
#include <string>

#include "safeguards/catalogue.h"
#include "safeguards/rule.h"

namespace sightline::cli {
namespace {

// Where the parameter `name` of hv-new-registration sits in an area's table.
std::size_t slot(const safeguards::SafeguardsConfig& config, std::string_view name) {
  const safeguards::Rule* rule = safeguards::find_rule("hv-new-registration");
  if (rule == nullptr) throw std::logic_error("the catalogue has no hv-new-registration");
  const std::size_t section = safeguards::kFirstRuleSection + rule->index();
  const auto& params = *safeguards::config_sections().at(section).params;
  for (std::size_t p = 0; p < params.size(); ++p) {
    if (params[p].name == name) return config.offset(section) + p;
  }
  throw std::logic_error("hv-new-registration has no parameter " + std::string(name));
}

}  // namespace

web::RegistrationTermsOfArea registration_terms(const safeguards::SafeguardsConfig& config) {
  auto kept = std::make_shared<const safeguards::SafeguardsConfig>(config);
  const std::size_t working_days = slot(config, "working_days");
  const std::size_t max_age = slot(config, "max_age_years");
  return [kept, working_days, max_age](std::string_view area) {
    const std::vector<int>& table = kept->table(area);
    return web::RegistrationTerms{table.at(working_days), table.at(max_age)};
  };
}

}  // namespace sightline::cli
