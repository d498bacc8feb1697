// Where Sightline gets "now" from. Only SystemClock reads the real clock;
// tests and replays use SimulatedClock, so no test ever sleeps.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/date.h"

namespace sightline {

class Clock {
 public:
  virtual ~Clock() = default;
  // The current local time in England (Europe/London).
  virtual Timestamp now() const = 0;
  // The current instant as seconds since 1970-01-01T00:00Z. Session timeouts
  // and audit records use it: UTC never repeats an hour, local time does. The
  // default derives it from now(), reading the repeated October hour as BST.
  virtual std::int64_t utc_seconds() const;
};

// The UTC instant of a UK civil time given as Timestamp::instant() seconds
// (the earlier one when the time falls in the hour repeated in October).
std::int64_t uk_local_to_utc(std::int64_t local_seconds);

// The real clock, converted from UTC to UK civil time (GMT, or BST from 01:00
// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October).
class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
  std::int64_t utc_seconds() const override;
  // The UK civil time of a UTC instant given as seconds since 1970-01-01T00:00Z.
  static Timestamp uk_local_time(std::int64_t utc_seconds);
};

// A clock that moves only when told to. Thread-safe.
class SimulatedClock final : public Clock {
 public:
  explicit SimulatedClock(Timestamp start) : instant_(start.instant()) {}
  Timestamp now() const override;
  void set(Timestamp t) { instant_.store(t.instant()); }

 private:
  std::atomic<std::int64_t> instant_;
};

}  // namespace sightline
