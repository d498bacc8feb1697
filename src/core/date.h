// Calendar dates and local date-times as Sightline reads them from feeds.
//
// Feeds give times as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`, local time in
// England. Sightline never converts them to UTC: a working day, a due date and
// "as known at" are all questions about the local calendar. A date without a
// time of day counts as 12:00 that day (safeguards catalogue, "time of day").
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline {

// An instant is seconds since 1970-01-01T00:00 local (Timestamp::instant());
// a day is this many of them. Converting between instants and dates goes
// through Date::of_instant, Date::start_instant and Timestamp::of_instant,
// which floor (an instant before the epoch falls on the day it is in).
inline constexpr std::int64_t kSecondsPerDay = 86400;

// A day in the proleptic Gregorian calendar, counted from 1970-01-01.
class Date {
 public:
  constexpr Date() = default;
  static constexpr Date from_days(std::int32_t days_since_epoch) { return Date(days_since_epoch); }
  // Returns nullopt for an impossible date (month 13, 30 February, ...).
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Parses exactly `YYYY-MM-DD`; nullopt for anything else or an impossible date.
  static std::optional<Date> parse(std::string_view text);
  // The day an instant falls on (floor division: -1 is 1969-12-31).
  static constexpr Date of_instant(std::int64_t instant) {
    return Date(static_cast<std::int32_t>(floor_div(instant, kSecondsPerDay)));
  }

  constexpr std::int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  // 1 = Monday ... 7 = Sunday (ISO 8601).
  int iso_weekday() const;

  constexpr Date plus_days(std::int32_t n) const { return Date(days_ + n); }
  constexpr std::int32_t days_until(Date later) const { return later.days_ - days_; }
  // Same day of month `n` months later, clamped to the month's last day.
  Date plus_months(int n) const;

  std::string to_string() const;  // YYYY-MM-DD

  // The instant of the day's midnight (its first second).
  constexpr std::int64_t start_instant() const { return std::int64_t{days_} * kSecondsPerDay; }

  constexpr auto operator<=>(const Date&) const = default;

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  static constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
  }
  std::int32_t days_ = 0;
};

// A local date-time to the second. `has_time` records whether the source gave
// a time of day; without one the instant is taken as 12:00.
struct Timestamp {
  Date date;
  std::int32_t seconds = 12 * 3600;  // seconds since local midnight
  bool has_time = false;

  static Timestamp at_noon(Date d) { return Timestamp{d, 12 * 3600, false}; }
  static Timestamp end_of(Date d) { return Timestamp{d, 24 * 3600 - 1, true}; }
  // Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`; nullopt when malformed or impossible.
  static std::optional<Timestamp> parse(std::string_view text);
  // The date-time of an instant, to the second (so with a time of day).
  static constexpr Timestamp of_instant(std::int64_t instant) {
    const Date d = Date::of_instant(instant);
    return Timestamp{d, static_cast<std::int32_t>(instant - d.start_instant()), true};
  }

  // Seconds since 1970-01-01T00:00 local; the total order used for replay.
  constexpr std::int64_t instant() const { return date.start_instant() + seconds; }
  // The form the feed used: a bare date when there was no time of day.
  std::string to_string() const;

  friend bool operator==(const Timestamp& a, const Timestamp& b) {
    return a.instant() == b.instant() && a.has_time == b.has_time;
  }
  friend auto operator<=>(const Timestamp& a, const Timestamp& b) {
    return a.instant() <=> b.instant();
  }
};

}  // namespace sightline
