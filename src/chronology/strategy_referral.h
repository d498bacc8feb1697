// The referrer a strategy discussion must include (catalogue
// `strategy-discussion-incomplete`, F4): the agency whose referral led to the
// discussion, which the catalogue takes to be the latest referral about the
// child in the 30 days before it (the rule's `referral_days`, per-area
// configuration; docs/safeguards-config.md). An older referral, however
// recent among the child's referrals, led to no discussion of this one, and a
// discussion without its referrer is then no fault (nor is a form to warn).
// Defined once over typed events, for the strategy form to name and for the
// engine's rule to be checked against.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "feed/event.h"

namespace sightline {

struct StrategyReferral {
  Id id;    // the referral
  Id from;  // the referrer
  Timestamp at;
};

// The latest `referral` about `child` in the `days` days up to and including
// `discussion_day` (latest by `at`; of two at one instant, the later learnt),
// or nullopt when none is that recent. `chronology` in any order.
std::optional<StrategyReferral> strategy_referral(const std::vector<Event>& chronology,
                                                  std::string_view child, Date discussion_day,
                                                  int days = 30);

}  // namespace sightline
