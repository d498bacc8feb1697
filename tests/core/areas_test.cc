#include "core/areas.h"

#include <gtest/gtest.h>

#include <string>

namespace sightline {
namespace {

TEST(Areas, FindsKnownAreas) {
  const struct {
    const char* code;
    const char* name;
    const char* upper_tier;
  } cases[] = {
      {"E09000033", "Westminster", "E09000033"},
      {"E09000009", "Ealing", "E09000009"},
      {"E06000032", "Luton", "E06000032"},
      {"E09000013", "Hammersmith and Fulham", "E09000013"},
      {"E06000023", "Bristol, City of", "E06000023"},
      {"E07000026", "Allerdale", "E10000006"},  // a district of a county
      {"E10000006", "Cumbria", "E10000006"},    // the county, its own upper tier
      {"W06000015", "Cardiff", "W06000015"},
      // The April 2023 unitary authorities, missing from the 2021 lookup.
      {"E06000063", "Cumberland", "E06000063"},
      {"E06000064", "Westmorland and Furness", "E06000064"},
      {"E06000065", "North Yorkshire", "E06000065"},
      {"E06000066", "Somerset", "E06000066"},
      // The codes they replaced stay known, for historic feeds.
      {"E10000023", "North Yorkshire", "E10000023"},
      {"E07000246", "Somerset West and Taunton", "E10000027"},
  };
  for (const auto& c : cases) {
    const LocalAuthorityArea* area = find_area(c.code);
    ASSERT_NE(area, nullptr) << c.code;
    EXPECT_EQ(area->code, c.code);
    EXPECT_EQ(area->name, c.name) << c.code;
    EXPECT_EQ(area->upper_tier, c.upper_tier) << c.code;
  }
}

TEST(Areas, UnknownCodesAreNotFound) {
  const char* cases[] = {"E09000099",  "E09000034", "W06000099",   "e09000033", "E0900003",
                         "E090000333", "",          "Westminster", "S12000033", "E09000033 "};
  for (const char* code : cases) EXPECT_EQ(find_area(code), nullptr) << '"' << code << '"';
}

TEST(Areas, TableIsOrderedAndConsistent) {
  const auto& areas = all_areas();
  ASSERT_GE(areas.size(), 359u);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const auto& area = areas[i];
    if (i > 0) {
      EXPECT_LT(areas[i - 1].code, area.code);
    }
    EXPECT_TRUE(looks_like_gss_code(area.code)) << area.code;
    EXPECT_FALSE(area.name.empty()) << area.code;
    EXPECT_EQ(find_area(area.code), &area);
    const LocalAuthorityArea* upper = find_area(area.upper_tier);
    ASSERT_NE(upper, nullptr) << area.code;
    EXPECT_EQ(upper->upper_tier, upper->code) << area.code;
  }
}

TEST(Areas, LooksLikeGssCode) {
  const struct {
    const char* text;
    bool expected;
  } cases[] = {
      {"E09000033", true},   {"W06000015", true},  {"E10000006", true},  {"E06000066", true},
      {"S12000033", false},  {"N09000001", false}, {"e09000033", false}, {"E0900003", false},
      {"E090000333", false}, {"E09O00033", false}, {"", false},          {"E", false},
      {" E09000033", false}, {"E-9000033", false}, {"909000033", false},
  };
  for (const auto& c : cases) EXPECT_EQ(looks_like_gss_code(c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace sightline
