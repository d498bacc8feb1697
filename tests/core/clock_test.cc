#include "core/clock.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

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

namespace sightline {
namespace {

TEST(SimulatedClock, AWaiterWakesWhenTheClockIsMovedToItsTime) {
  SimulatedClock clock(*Timestamp::parse("2026-03-02T09:00"));
  std::atomic<int> woke{0};
  std::jthread waiter([&](std::stop_token stop) {
    if (clock.wait_until(*Timestamp::parse("2026-03-02T10:00"), stop)) woke = 1;
  });
  clock.set(*Timestamp::parse("2026-03-02T09:30"));  // not yet: it keeps waiting
  clock.set(*Timestamp::parse("2026-03-02T10:00"));
  waiter.join();
  EXPECT_EQ(woke, 1);
  // A time already reached does not wait at all.
  EXPECT_TRUE(clock.wait_until(*Timestamp::parse("2026-03-01"), std::stop_token()));
}

TEST(SimulatedClock, AWaiterStopsWhenAsked) {
  SimulatedClock clock(*Timestamp::parse("2026-03-02T09:00"));
  std::atomic<int> result{-1};
  std::jthread waiter([&](std::stop_token stop) {
    result = clock.wait_until(*Timestamp::parse("2027-01-01"), stop) ? 1 : 0;
  });
  waiter.request_stop();
  waiter.join();
  EXPECT_EQ(result, 0);
}

TEST(SystemClock, WaitingForAPastTimeReturnsAtOnceAndAStopEndsAWait) {
  const SystemClock clock;
  EXPECT_TRUE(clock.wait_until(*Timestamp::parse("2020-01-01"), std::stop_token()));
  std::stop_source stop;
  stop.request_stop();
  EXPECT_FALSE(clock.wait_until(*Timestamp::parse("2100-01-01"), stop.get_token()));
}

}  // namespace
}  // namespace sightline
