// The dashboard's gp-registrations-seen figure counts with hv-new-registration's
// numbers as the area's configuration sets them (cli/registration_terms.h).
#include "cli/registration_terms.h"

#include <gtest/gtest.h>

namespace sightline {
namespace {

TEST(RegistrationTerms, HvNewRegistrationWorkingDaysAndAgeComeFromTheAreasConfiguration) {
  const auto config = safeguards::SafeguardsConfig::from_json(
                          R"({"defaults":{"hv-new-registration":{"working_days":8}},
          "areas":{"E09000009":{"hv-new-registration":{"working_days":10,"max_age_years":6}}}})")
                          .value();
  const web::RegistrationTermsOfArea terms = cli::registration_terms(config);
  EXPECT_EQ(terms("E09000009").working_days, 10);
  EXPECT_EQ(terms("E09000009").max_age_years, 6);
  EXPECT_EQ(terms("E06000032").working_days, 8);
  EXPECT_EQ(terms("E06000032").max_age_years, 5);
  const web::RegistrationTermsOfArea national =
      cli::registration_terms(safeguards::SafeguardsConfig());
  EXPECT_EQ(national("").working_days, 7);
  EXPECT_EQ(national("").max_age_years, 5);
}

}  // namespace
}  // namespace sightline
