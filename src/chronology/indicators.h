// The child's active indicators and their domains (catalogue Terms "active
// indicators", C6, C7; R16), defined once over typed events:
//
// - recorded: an `indicator` marked present, a concern of a `referral` (from
//   the referral's date), and a `pregnancy` (until the birth, C7); each until
//   an `indicator` marks it resolved;
// - derived, while their condition holds and no `indicator` resolved them
//   since the fact they rest on: `transience` (two address changes within the
//   window, or a change without notice in it, C6; an unborn child's are the
//   mother's), `homelessness` / `street_homeless`, `destitution` and
//   `no_recourse_to_public_funds` (a carer's circumstances), `non_cooperation`
//   (two refusals, contacts `declined` or `no_access` naming the child or a
//   carer, on different instants within the window, R16), and
//   `missed_health_appointments` (two `was_not_brought` within the window).
//
// The windows are per-area configuration of the safeguards (section
// "indicators", docs/safeguards-config.md); the caller passes them.
#pragma once

#include <climits>
#include <cstdint>
#include <functional>
#include <map>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "feed/event.h"

namespace sightline {

// An instant before every window: what the time of a fact that never
// happened counts as.
inline constexpr std::int64_t kNoInstant = INT64_MIN / 2;

// "Within N days" (C6, R16): `fact` lies in the `days` before `now`, both
// ends included. A fact at kNoInstant never does.
constexpr bool within_days(std::int64_t now, std::int64_t fact, int days) {
  return fact != kNoInstant && now - fact <= std::int64_t{days} * kSecondsPerDay;
}

// Transience (C6): two address changes within the window (the earlier of the
// latest two is in it), or a change without notice in it.
constexpr bool transient(std::int64_t now, std::int64_t change_before_latest,
                         std::int64_t latest_without_notice, int transience_days) {
  return within_days(now, change_before_latest, transience_days) ||
         within_days(now, latest_without_notice, transience_days);
}

struct IndicatorWindows {
  int transience_days = 90;
  int non_cooperation_days = 60;
  int missed_appointments_days = 180;
};

// The windows as configured for a child's area (its GSS code; "" when nothing
// places the child): what a view passes so that its indicators lapse when
// the engine's do. Empty: the national defaults everywhere.
using IndicatorWindowsOfArea = std::function<IndicatorWindows(std::string_view area)>;

struct ActiveIndicator {
  Indicator indicator = Indicator::kOther;
  Timestamp since;  // when it last became present (a derived one: its latest fact)
  Id by;            // the agency that reported that
};

// Every indicator active for `child` at `now` after the events of the child's
// integrated chronology (in any order; read in replay order), by domain (the
// `other` group included: C7 counts only the seven domains), oldest first.
std::map<Domain, std::vector<ActiveIndicator>> active_indicators(
    const std::vector<Event>& chronology, std::string_view child, Timestamp now,
    const IndicatorWindows& windows = {});

// The indicators the pages show as live concerns about the child: the active
// indicators, or none once a `death` of the child is recorded (R5: nothing
// stays active after death; an unborn child's pregnancy, which ends at the
// birth, ends at its death too). The catalogue's term above, which the
// safeguards engine holds, is not changed by a death.
std::map<Domain, std::vector<ActiveIndicator>> indicators_while_alive(
    const std::vector<Event>& chronology, std::string_view child, Timestamp now,
    const IndicatorWindows& windows = {});

// How many of the seven domains (C7, not `other`) the indicators span.
int domains_spanned(const std::map<Domain, std::vector<ActiveIndicator>>& indicators);

}  // namespace sightline
