// ChunkedVector: elements keep their address as it grows across chunks.
#include "safeguards/chunked_vector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sightline::safeguards {
namespace {

TEST(ChunkedVector, GrowsWithoutMovingElements) {
  ChunkedVector<std::string, 3> v;  // chunks of 8
  EXPECT_EQ(v.size(), 0u);
  v.resize(5);
  v[4] = "four";
  const std::string* four = &v[4];
  v.resize(3);  // never shrinks
  EXPECT_EQ(v.size(), 5u);
  v.resize(100);
  for (std::size_t i = 5; i < 100; ++i) v[i] = std::to_string(i);
  EXPECT_EQ(&v[4], four);
  EXPECT_EQ(v[4], "four");
  EXPECT_EQ(v[0], "");
  EXPECT_EQ(v[99], "99");
  const auto& c = v;
  EXPECT_EQ(c[63], "63");
}

}  // namespace
}  // namespace sightline::safeguards
