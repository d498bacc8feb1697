// The engine's clock as its parts read it: the simulated time, the event
// being applied (if any) and the working-day calendar. The engine moves it;
// the parts (facts, duties) and the rules' contexts only read it.
#pragma once

#include <cstdint>

#include "core/date.h"
#include "core/working_days.h"
#include "feed/event.h"

namespace sightline::safeguards {

struct EngineClock {
  explicit EngineClock(const WorkingDayCalendar& working_days)
      : calendar(working_days),
        now(Timestamp::of_instant(Date::from_days(-100000).start_instant())) {}

  Date today() const { return now.date; }
  std::int64_t now_instant() const { return now.instant(); }
  // The end of "within n WD of d" (C3: d itself never counts).
  Date add_wd(Date d, int n) const { return calendar.add_working_days(d, n); }

  const WorkingDayCalendar& calendar;
  // Only moves forward (EngineCore::advance_to).
  Timestamp now;
  // The event being applied; nullptr while the clock moves (due dates, timers).
  const Event* event = nullptr;
};

}  // namespace sightline::safeguards
