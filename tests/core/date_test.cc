#include "core/date.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace sightline {
namespace {

TEST(Date, ParseAcceptsRealDates) {
  const struct {
    const char* text;
    int year, month, day;
  } cases[] = {
      {"1970-01-01", 1970, 1, 1},   {"2012-02-29", 2012, 2, 29}, {"2000-02-29", 2000, 2, 29},
      {"2024-12-31", 2024, 12, 31}, {"0001-01-01", 1, 1, 1},     {"9999-12-31", 9999, 12, 31},
      {"1969-12-31", 1969, 12, 31},
  };
  for (const auto& c : cases) {
    const auto d = Date::parse(c.text);
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->year(), c.year) << c.text;
    EXPECT_EQ(d->month(), c.month) << c.text;
    EXPECT_EQ(d->day(), c.day) << c.text;
    EXPECT_EQ(d->to_string(), c.text);
    EXPECT_EQ(Date::from_ymd(c.year, c.month, c.day), d) << c.text;
  }
}

TEST(Date, ParseRejectsImpossibleDatesAndBadShapes) {
  const char* cases[] = {
      "2013-02-30",  "2013-02-29", "2100-02-29", "1900-02-29", "2024-04-31",  "2024-13-01",
      "2024-00-10",  "2024-01-00", "2024-01-32", "0000-01-01", "2024-1-01",   "2024-01-1",
      "24-01-01",    "2024/01/01", "20240101",   "",           " 2024-01-01", "2024-01-01 ",
      "2024-01-01T", "+024-01-01", "-024-01-01", "2024-01-0a", "2024-01-01x", "2024_01-01",
  };
  for (const char* text : cases) EXPECT_EQ(Date::parse(text), std::nullopt) << '"' << text << '"';
}

TEST(Date, FromYmdRejectsOutOfRange) {
  EXPECT_EQ(Date::from_ymd(2023, 2, 29), std::nullopt);
  EXPECT_EQ(Date::from_ymd(0, 1, 1), std::nullopt);
  EXPECT_EQ(Date::from_ymd(10000, 1, 1), std::nullopt);
  EXPECT_EQ(Date::from_ymd(2024, 0, 1), std::nullopt);
  EXPECT_EQ(Date::from_ymd(2024, 1, -1), std::nullopt);
}

TEST(Date, DaysSinceEpoch) {
  EXPECT_EQ(Date::parse("1970-01-01")->days(), 0);
  EXPECT_EQ(Date::parse("1969-12-31")->days(), -1);
  EXPECT_EQ(Date::parse("2000-03-01")->days(), 11017);
  const Date d = *Date::parse("2024-02-28");
  EXPECT_EQ(d.plus_days(1).to_string(), "2024-02-29");
  EXPECT_EQ(d.plus_days(2).to_string(), "2024-03-01");
  EXPECT_EQ(d.plus_days(-59).to_string(), "2023-12-31");
  EXPECT_EQ(d.days_until(*Date::parse("2025-02-28")), 366);
  EXPECT_EQ(Date::from_days(d.days()), d);
  EXPECT_LT(d, d.plus_days(1));
}

TEST(Date, IsoWeekday) {
  const struct {
    const char* date;
    int weekday;
  } cases[] = {
      {"1970-01-01", 4}, {"1969-12-31", 3}, {"1969-12-29", 1}, {"2000-01-01", 6}, {"2024-03-04", 1},
      {"2024-03-08", 5}, {"2024-03-10", 7}, {"2022-12-25", 7}, {"2021-12-25", 6}, {"1900-01-01", 1},
  };
  for (const auto& c : cases) EXPECT_EQ(Date::parse(c.date)->iso_weekday(), c.weekday) << c.date;
}

TEST(Date, PlusMonthsClampsToTheMonthEnd) {
  const struct {
    const char* from;
    int months;
    const char* expected;
  } cases[] = {
      {"2024-01-31", 1, "2024-02-29"},   {"2023-01-31", 1, "2023-02-28"},
      {"2024-03-31", -1, "2024-02-29"},  {"2024-02-29", 12, "2025-02-28"},
      {"2024-02-29", 48, "2028-02-29"},  {"2024-05-31", 1, "2024-06-30"},
      {"2024-01-15", 0, "2024-01-15"},   {"2024-11-30", 2, "2025-01-30"},
      {"2024-01-31", -2, "2023-11-30"},  {"2024-08-31", 6, "2025-02-28"},
      {"2024-10-31", -25, "2022-09-30"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Date::parse(c.from)->plus_months(c.months).to_string(), c.expected)
        << c.from << " + " << c.months;
  }
}

TEST(Timestamp, Parse) {
  const struct {
    const char* text;
    const char* date;
    int seconds;
    bool has_time;
  } cases[] = {
      {"2024-03-04", "2024-03-04", 12 * 3600, false},
      {"2024-03-04T09:30", "2024-03-04", 9 * 3600 + 30 * 60, true},
      {"2024-03-04T09:30:15", "2024-03-04", 9 * 3600 + 30 * 60 + 15, true},
      {"2024-03-04T00:00", "2024-03-04", 0, true},
      {"2024-03-04T23:59:59", "2024-03-04", 86399, true},
      {"2024-03-04T12:00", "2024-03-04", 12 * 3600, true},
  };
  for (const auto& c : cases) {
    const auto t = Timestamp::parse(c.text);
    ASSERT_TRUE(t.has_value()) << c.text;
    EXPECT_EQ(t->date, Date::parse(c.date)) << c.text;
    EXPECT_EQ(t->seconds, c.seconds) << c.text;
    EXPECT_EQ(t->has_time, c.has_time) << c.text;
  }
}

TEST(Timestamp, ParseRejects) {
  const char* cases[] = {
      "2024-03-04T24:00",   "2024-03-04T23:60",      "2024-03-04T23:59:60",
      "2024-03-04T9:30",    "2024-03-04 09:30",      "2024-03-04T09:30:",
      "2024-03-04T09:30Z",  "2024-03-04T09:30:00Z",  "2024-03-04T09",
      "2024-03-04T",        "2024-02-30T10:00",      "2024-03-04T09-30",
      "2024-03-04T09:30:1", "2024-03-04T0a:30",      "",
      "2024-03-04t09:30",   "2024-03-04T09:30:00.5",
  };
  for (const char* text : cases) {
    EXPECT_EQ(Timestamp::parse(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(Timestamp, OrderAndText) {
  const Date d = *Date::parse("2024-03-04");
  const Timestamp noon = Timestamp::at_noon(d);
  const Timestamp at_twelve = *Timestamp::parse("2024-03-04T12:00");
  // A bare date counts as 12:00 for ordering, yet stays a bare date.
  EXPECT_EQ(noon.instant(), at_twelve.instant());
  EXPECT_FALSE(noon == at_twelve);
  EXPECT_EQ(noon <=> at_twelve, std::strong_ordering::equal);
  EXPECT_LT(*Timestamp::parse("2024-03-04T11:59:59"), noon);
  EXPECT_LT(Timestamp::end_of(d), Timestamp::at_noon(d.plus_days(1)));
  EXPECT_EQ(Timestamp::end_of(d).instant() + 1, std::int64_t{d.plus_days(1).days()} * 86400);
  EXPECT_EQ(noon.to_string(), "2024-03-04");
  EXPECT_EQ(at_twelve.to_string(), "2024-03-04T12:00:00");
  EXPECT_EQ(Timestamp::parse("2024-03-04T09:05:07")->to_string(), "2024-03-04T09:05:07");
}

}  // namespace
}  // namespace sightline
