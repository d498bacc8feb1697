// Where Sightline gets "now" from. Only SystemClock reads the real clock;
// tests and replays use SimulatedClock, so no test ever sleeps.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <stop_token>

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
  // Blocks until now() has reached `t`, or until `stop` is requested; true
  // when `t` was reached. Timers wait here, so that on a SimulatedClock they
  // fire when a test moves the clock, exactly as they would in production.
  virtual bool wait_until(Timestamp t, std::stop_token stop) const = 0;
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
  // Sleeps in steps of at most a minute, so that a change of the system clock
  // (or of the hour in spring and autumn) is noticed.
  bool wait_until(Timestamp t, std::stop_token stop) const override;
  // The UK civil time of a UTC instant given as seconds since 1970-01-01T00:00Z.
  static Timestamp uk_local_time(std::int64_t utc_seconds);
};

// A clock that moves only when told to. Thread-safe.
class SimulatedClock final : public Clock {
 public:
  explicit SimulatedClock(Timestamp start) : instant_(start.instant()) {}
  Timestamp now() const override;
  // Moves the clock and wakes every waiter whose time has come.
  void set(Timestamp t);
  bool wait_until(Timestamp t, std::stop_token stop) const override;

 private:
  std::atomic<std::int64_t> instant_;
  mutable std::mutex mutex_;
  mutable std::condition_variable_any moved_;
};

}  // namespace sightline
