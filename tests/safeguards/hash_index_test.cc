// HashIndex finds each value by its hash among others that share the hash (the
// caller tells them apart), also after growing.
#include "safeguards/hash_index.h"

#include <gtest/gtest.h>

#include <vector>

namespace sightline::safeguards {
namespace {

TEST(HashIndex, FindsByHashThenByTheCallersComparison) {
  HashIndex index;
  EXPECT_EQ(index.find(42, [](std::uint32_t) { return true; }), HashIndex::kMissing);
  index.insert(42, 7);
  index.insert(42, 9);  // the same hash, another key
  index.insert(43, 8);
  EXPECT_EQ(index.find(42, [](std::uint32_t v) { return v == 9; }), 9u);
  EXPECT_EQ(index.find(42, [](std::uint32_t v) { return v == 7; }), 7u);
  EXPECT_EQ(index.find(42, [](std::uint32_t v) { return v == 8; }), HashIndex::kMissing);
  EXPECT_EQ(index.find(43, [](std::uint32_t) { return true; }), 8u);
}

TEST(HashIndex, FindsEveryValueAfterGrowing) {
  HashIndex index;
  constexpr std::uint32_t kCount = 100000;
  // Hashes that differ only in their high half, or only in their low half.
  const auto hash = [](std::uint32_t i) {
    return i % 2 ? std::uint64_t{i} << 32 : std::uint64_t{i};
  };
  for (std::uint32_t i = 0; i < kCount; ++i) index.insert(hash(i), i);
  for (std::uint32_t i = 0; i < kCount; ++i) {
    ASSERT_EQ(index.find(hash(i), [&](std::uint32_t v) { return v == i; }), i);
  }
  EXPECT_EQ(index.find(0xdeadbeef12345678ull, [](std::uint32_t) { return true; }),
            HashIndex::kMissing);
}

}  // namespace
}  // namespace sightline::safeguards
