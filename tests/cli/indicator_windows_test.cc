// The pages lapse derived indicators after the windows the area's
// configuration sets, as the engine does (cli/indicator_windows.h).
#include "cli/indicator_windows.h"

#include <gtest/gtest.h>

namespace sightline {
namespace {

TEST(IndicatorWindows, TheWindowsComeFromTheAreasConfigurationElseTheDefaults) {
  const auto config = safeguards::SafeguardsConfig::from_json(
      R"({"defaults":{"indicators":{"non_cooperation_days":45}},
          "areas":{"E09000009":{"indicators":{"transience_days":30,"missed_appointments_days":120}}}})");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  const IndicatorWindowsOfArea windows = cli::indicator_windows(*config);
  EXPECT_EQ(windows("E09000009").transience_days, 30);
  EXPECT_EQ(windows("E09000009").non_cooperation_days, 45);
  EXPECT_EQ(windows("E09000009").missed_appointments_days, 120);
  EXPECT_EQ(windows("E06000032").transience_days, 90);
  EXPECT_EQ(windows("").non_cooperation_days, 45);
  EXPECT_EQ(windows("").missed_appointments_days, 180);
}

}  // namespace
}  // namespace sightline
