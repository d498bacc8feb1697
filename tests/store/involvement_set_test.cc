// InvolvementSet: each (person, agency) pair is new exactly once, however
// often it repeats and however large the table grows.
#include "store/sqlite/involvement_set.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

namespace sightline::sqlite {
namespace {

TEST(InvolvementSetTest, APairIsNewOnlyTheFirstTime) {
  InvolvementSet set;
  EXPECT_TRUE(set.add("sofia", "ealing-hv"));
  EXPECT_FALSE(set.add("sofia", "ealing-hv"));
  EXPECT_TRUE(set.add("sofia", "ealing-gp"));
  EXPECT_TRUE(set.add("mother", "ealing-hv"));
  // The pair is ordered: a person id that is also an agency's id is another pair.
  EXPECT_TRUE(set.add("ealing-hv", "sofia"));
  EXPECT_EQ(set.size(), 4u);
}

TEST(InvolvementSetTest, AgreesWithAnOrderedSetAcrossGrowth) {
  InvolvementSet set;
  std::set<std::pair<std::string, std::string>> reference;
  // Long ids too, which the id tables keep apart from their slots.
  for (int round = 0; round < 3; ++round) {
    for (int p = 0; p < 20'000; ++p) {
      const std::string person =
          (p % 7 == 0 ? "a-person-id-longer-than-nineteen-bytes-" : "p") + std::to_string(p);
      const std::string agency = "agency-" + std::to_string((p * 31 + round) % 13);
      const bool expected = reference.emplace(person, agency).second;
      ASSERT_EQ(set.add(person, agency), expected) << person << " " << agency;
    }
  }
  EXPECT_EQ(set.size(), reference.size());
}

}  // namespace
}  // namespace sightline::sqlite
