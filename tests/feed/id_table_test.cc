// IdTable: dense numbers in the order ids were added, ids of any length, and
// every id still found after the table has grown many times.
#include "feed/id_table.h"

#include <gtest/gtest.h>

#include <string>

namespace sightline {
namespace {

TEST(IdTable, NumbersIdsInTheOrderAdded) {
  IdTable t;
  EXPECT_EQ(t.insert("b"), std::make_pair(0u, true));
  EXPECT_EQ(t.insert("a"), std::make_pair(1u, true));
  EXPECT_EQ(t.insert("b"), std::make_pair(0u, false));
  EXPECT_EQ(t.find("a"), 1u);
  EXPECT_EQ(t.find("c"), IdTable::kAbsent);
  EXPECT_EQ(t.find(""), IdTable::kAbsent);
  EXPECT_EQ(t.size(), 2u);
}

TEST(IdTable, IdsOfEveryLengthAndThoseThatDifferOnlyAtTheEnd) {
  IdTable t;
  const std::string base = "E09000033-children's-social-care-";
  for (std::size_t n = 0; n <= base.size(); ++n) {
    EXPECT_EQ(t.insert(base.substr(0, n)).first, n) << n;
  }
  for (std::size_t n = 0; n <= base.size(); ++n) {
    EXPECT_EQ(t.find(base.substr(0, n)), n) << n;
    EXPECT_EQ(t.find(base.substr(0, n) + "x"), IdTable::kAbsent) << n;
  }
  // 19 bytes fit in the slot, 20 do not: both sides of the line.
  EXPECT_EQ(t.find(std::string(19, 'a')), IdTable::kAbsent);
  EXPECT_TRUE(t.insert(std::string(19, 'a')).second);
  EXPECT_TRUE(t.insert(std::string(20, 'a')).second);
  EXPECT_EQ(t.find(std::string(19, 'a')), base.size() + 1);
  EXPECT_EQ(t.find(std::string(20, 'a')), base.size() + 2);
}

TEST(IdTable, EachIdKeepsItsWordAsTheTableGrows) {
  IdTable t;
  const std::uint32_t growths = t.growths();
  for (std::uint32_t i = 0; i < 10000; ++i) {
    const auto [entry, added] = t.insert_entry("p" + std::to_string(i));
    ASSERT_TRUE(added);
    EXPECT_EQ(*entry.word, 0u);
    *entry.word = i * 7 + 1;
  }
  EXPECT_GT(t.growths(), growths);
  for (std::uint32_t i = 0; i < 10000; ++i) {
    const IdTable::Entry entry = t.find_entry("p" + std::to_string(i));
    ASSERT_EQ(entry.number, i);
    ASSERT_EQ(*entry.word, i * 7 + 1);
  }
  EXPECT_EQ(t.find_entry("q").word, nullptr);
}

TEST(IdTable, FindsEveryIdAfterGrowing) {
  IdTable t;
  constexpr std::uint32_t kCount = 200000;
  for (std::uint32_t i = 0; i < kCount; ++i) {
    const std::string id = (i % 3 ? "c" : "a-long-agency-or-event-id-") + std::to_string(i);
    ASSERT_EQ(t.insert(id), std::make_pair(i, true));
  }
  for (std::uint32_t i = 0; i < kCount; ++i) {
    const std::string id = (i % 3 ? "c" : "a-long-agency-or-event-id-") + std::to_string(i);
    ASSERT_EQ(t.find(id), i);
    ASSERT_EQ(t.find("m" + std::to_string(i)), IdTable::kAbsent);
  }
  EXPECT_EQ(t.size(), kCount);
}

}  // namespace
}  // namespace sightline
