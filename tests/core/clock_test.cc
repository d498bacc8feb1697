#include "core/clock.h"

#include <gtest/gtest.h>

namespace sightline {
namespace {

Timestamp at(const char* text) { return *Timestamp::parse(text); }

TEST(Clock, UtcSecondsUndoSummerTime) {
  // 2024-07-01T12:00 BST is 11:00 UTC; 2024-01-15T12:00 GMT is 12:00 UTC.
  SimulatedClock summer(at("2024-07-01T12:00"));
  EXPECT_EQ(summer.utc_seconds(), at("2024-07-01T11:00").instant());
  SimulatedClock winter(at("2024-01-15T12:00"));
  EXPECT_EQ(winter.utc_seconds(), at("2024-01-15T12:00").instant());
  // The hour repeated on 2024-10-27 is read as BST, the earlier instant.
  EXPECT_EQ(uk_local_to_utc(at("2024-10-27T01:30").instant()), at("2024-10-27T00:30").instant());
  EXPECT_EQ(uk_local_to_utc(at("2024-10-27T02:30").instant()), at("2024-10-27T02:30").instant());
}

TEST(Clock, SystemClockUtcMatchesItsLocalTime) {
  SystemClock clock;
  const std::int64_t utc = clock.utc_seconds();
  EXPECT_LE(SystemClock::uk_local_time(utc).instant() - utc, 3600);
  EXPECT_GE(SystemClock::uk_local_time(utc).instant() - utc, 0);
}

}  // namespace
}  // namespace sightline
