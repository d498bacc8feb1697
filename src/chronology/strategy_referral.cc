#include "chronology/strategy_referral.h"

#include "chronology/replay_order.h"

namespace sightline {

std::optional<StrategyReferral> strategy_referral(const std::vector<Event>& chronology,
                                                  std::string_view child, Date discussion_day,
                                                  int days) {
  std::optional<StrategyReferral> latest;
  for (const Event* e : in_replay_order(chronology)) {
    if (e->type != EventType::kReferral || e->as<ReferralEvent>().child != child) continue;
    const Date day = e->at.date;
    if (day > discussion_day || day.days_until(discussion_day) > days) continue;
    if (latest && e->at.instant() < latest->at.instant()) continue;
    latest = StrategyReferral{e->id, e->as<ReferralEvent>().from, e->at};
  }
  return latest;
}

}  // namespace sightline
