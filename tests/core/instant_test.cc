// Instants (seconds since 1970-01-01T00:00 local) to dates and date-times and
// back: floor division, so an instant before the epoch falls on its own day.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "core/date.h"

namespace sightline {
namespace {

TEST(Instant, SecondsPerDayIsADay) { EXPECT_EQ(kSecondsPerDay, 24 * 60 * 60); }

TEST(Instant, DateOfInstantFloorsToTheDayTheInstantIsIn) {
  const struct {
    std::int64_t instant;
    const char* date;
  } cases[] = {
      {0, "1970-01-01"},
      {1, "1970-01-01"},
      {86399, "1970-01-01"},
      {86400, "1970-01-02"},
      {-1, "1969-12-31"},
      {-86399, "1969-12-31"},
      {-86400, "1969-12-31"},
      {-86401, "1969-12-30"},
      {951782400, "2000-02-29"},        // 2000-02-29T00:00
      {951868799, "2000-02-29"},        // 2000-02-29T23:59:59
      {1709251199, "2024-02-29"},       // 2024-02-29T23:59:59
      {1709251200, "2024-03-01"},       // 2024-03-01T00:00
      {-62135596800, "0001-01-01"},     // the first day of the calendar
      {253402300799, "9999-12-31"},     // its last second
      {-2208988800 - 1, "1899-12-31"},  // a second before 1900
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Date::of_instant(c.instant).to_string(), c.date) << c.instant;
  }
}

TEST(Instant, StartInstantIsTheDaysMidnight) {
  const struct {
    const char* date;
    std::int64_t start;
  } cases[] = {
      {"1970-01-01", 0},           {"1970-01-02", 86400},      {"1969-12-31", -86400},
      {"2000-02-29", 951782400},   {"2024-03-01", 1709251200}, {"0001-01-01", -62135596800},
      {"1900-01-01", -2208988800},
  };
  for (const auto& c : cases) {
    const Date d = *Date::parse(c.date);
    EXPECT_EQ(d.start_instant(), c.start) << c.date;
    EXPECT_EQ(Date::of_instant(d.start_instant()), d) << c.date;
    EXPECT_EQ(Date::of_instant(d.start_instant() - 1), d.plus_days(-1)) << c.date;
    EXPECT_EQ(Date::of_instant(d.start_instant() + kSecondsPerDay - 1), d) << c.date;
  }
}

TEST(Instant, TimestampOfInstantSplitsDayAndTimeOfDay) {
  const struct {
    std::int64_t instant;
    const char* text;
    std::int32_t seconds;
  } cases[] = {
      {0, "1970-01-01T00:00:00", 0},
      {86399, "1970-01-01T23:59:59", 86399},
      {-1, "1969-12-31T23:59:59", 86399},
      {-86400, "1969-12-31T00:00:00", 0},
      {-86401, "1969-12-30T23:59:59", 86399},
      {-3600 * 12, "1969-12-31T12:00:00", 12 * 3600},
      {1709251199, "2024-02-29T23:59:59", 86399},
      {1709251200 + 3600 + 60 + 1, "2024-03-01T01:01:01", 3661},
  };
  for (const auto& c : cases) {
    const Timestamp t = Timestamp::of_instant(c.instant);
    EXPECT_EQ(t.to_string(), c.text) << c.instant;
    EXPECT_EQ(t.seconds, c.seconds) << c.instant;
    EXPECT_TRUE(t.has_time) << c.instant;
    EXPECT_EQ(t.instant(), c.instant) << c.instant;
  }
}

TEST(Instant, RoundTripsEveryHourAcrossTheEpochAndALeapDay) {
  for (const std::int64_t base : {std::int64_t{0}, std::int64_t{951782400}}) {
    for (std::int64_t instant = base - 3 * kSecondsPerDay; instant <= base + 3 * kSecondsPerDay;
         instant += 3599) {
      const Timestamp t = Timestamp::of_instant(instant);
      EXPECT_EQ(t.instant(), instant);
      EXPECT_EQ(t.date, Date::of_instant(instant));
      EXPECT_GE(t.seconds, 0);
      EXPECT_LT(t.seconds, kSecondsPerDay);
      EXPECT_EQ(t.date.start_instant() + t.seconds, instant);
    }
  }
  // A parsed date-time's instant converts back to the same date-time.
  for (const char* text : {"1969-07-20T20:17:40", "2024-03-31T01:30:00", "1970-01-01T00:00:00"}) {
    const Timestamp parsed = *Timestamp::parse(text);
    EXPECT_EQ(Timestamp::of_instant(parsed.instant()), parsed) << text;
    EXPECT_EQ(Timestamp::of_instant(parsed.instant()).to_string(), text) << text;
  }
}

}  // namespace
}  // namespace sightline
