// InvolvementSet: each (person, agency) pair is new exactly once, however
// often it repeats and however large the table grows; pairs numbered by the
// parser and pairs of ids it did not number never meet.
#include "store/sqlite/involvement_set.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
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

TEST(InvolvementSetTest, APairOfParserNumbersIsNewOnlyTheFirstTime) {
  InvolvementSet set;
  EXPECT_TRUE(set.add_numbered(0, 0));
  EXPECT_FALSE(set.add_numbered(0, 0));
  EXPECT_TRUE(set.add_numbered(0, 1));
  EXPECT_TRUE(set.add_numbered(1, 0));
  EXPECT_FALSE(set.add_numbered(1, 0));
  // A person involved with more agencies than are kept inline.
  for (std::uint32_t agency = 0; agency < 9; ++agency) EXPECT_TRUE(set.add_numbered(7, agency));
  for (std::uint32_t agency = 0; agency < 9; ++agency) EXPECT_FALSE(set.add_numbered(7, agency));
  EXPECT_EQ(set.size(), 12u);
}

TEST(InvolvementSetTest, ParserNumberedPairsAgreeWithAnOrderedSet) {
  InvolvementSet set;
  std::set<std::pair<std::uint32_t, std::uint32_t>> reference;
  std::mt19937 random(11);
  for (int i = 0; i < 200'000; ++i) {
    // Persons numbered densely, as the parser does; a few with many agencies.
    const auto person = static_cast<std::uint32_t>(random() % 20'000);
    const auto agency = static_cast<std::uint32_t>(random() % (person % 100 == 0 ? 40 : 4));
    const bool expected = reference.emplace(person, agency).second;
    ASSERT_EQ(set.add_numbered(person, agency), expected) << person << " " << agency;
  }
  EXPECT_EQ(set.size(), reference.size());
}

TEST(InvolvementSetTest, ParserNumbersNeverMeetTheSetsOwnNumbers) {
  // The set numbers "sofia" 0 and "ealing-hv" 0 itself; the parser's pair
  // (0, 0) may be two other ids altogether, so it is new all the same.
  InvolvementSet set;
  EXPECT_TRUE(set.add("sofia", "ealing-hv"));
  EXPECT_TRUE(set.add_numbered(0, 0));
  EXPECT_FALSE(set.add("sofia", "ealing-hv"));
  EXPECT_FALSE(set.add_numbered(0, 0));
  EXPECT_EQ(set.size(), 2u);
}

}  // namespace
}  // namespace sightline::sqlite
