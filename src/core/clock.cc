#include "core/clock.h"

#include <algorithm>
#include <chrono>

namespace sightline {
namespace {

// 01:00 UTC on the last Sunday of `month` in `year`, as seconds since the epoch.
std::int64_t last_sunday_0100_utc(int year, int month) {
  Date last = *Date::from_ymd(year, month, 31);  // March and October both have 31 days
  last = last.plus_days(-(last.iso_weekday() % 7));
  return last.start_instant() + 3600;
}

}  // namespace

Timestamp SystemClock::uk_local_time(std::int64_t utc_seconds) {
  const int year = Timestamp::of_instant(utc_seconds).date.year();
  const bool summer =
      utc_seconds >= last_sunday_0100_utc(year, 3) && utc_seconds < last_sunday_0100_utc(year, 10);
  return Timestamp::of_instant(utc_seconds + (summer ? 3600 : 0));
}

Timestamp SystemClock::now() const {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return uk_local_time(std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count());
}

std::int64_t uk_local_to_utc(std::int64_t local_seconds) {
  const std::int64_t if_summer = local_seconds - 3600;
  if (SystemClock::uk_local_time(if_summer).instant() == local_seconds) return if_summer;
  return local_seconds;
}

std::int64_t Clock::utc_seconds() const { return uk_local_to_utc(now().instant()); }

std::int64_t SystemClock::utc_seconds() const {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count();
}

bool SystemClock::wait_until(Timestamp t, std::stop_token stop) const {
  std::mutex mutex;
  std::condition_variable_any never_notified;
  std::unique_lock lock(mutex);
  while (!stop.stop_requested()) {
    const std::int64_t left = t.instant() - now().instant();
    if (left <= 0) return true;
    // Woken early only by `stop`.
    never_notified.wait_for(lock, stop, std::chrono::seconds(std::min<std::int64_t>(left, 60)),
                            [] { return false; });
  }
  return false;
}

Timestamp SimulatedClock::now() const { return Timestamp::of_instant(instant_.load()); }

void SimulatedClock::set(Timestamp t) {
  {
    std::lock_guard lock(mutex_);
    instant_.store(t.instant());
  }
  moved_.notify_all();
}

bool SimulatedClock::wait_until(Timestamp t, std::stop_token stop) const {
  std::unique_lock lock(mutex_);
  return moved_.wait(lock, stop, [&] { return instant_.load() >= t.instant(); });
}

}  // namespace sightline
