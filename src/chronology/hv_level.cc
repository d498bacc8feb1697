#include "chronology/hv_level.h"

#include "chronology/replay_order.h"

namespace sightline {

std::optional<HvLevelNow> hv_level_now(const std::vector<Event>& chronology,
                                       std::string_view child) {
  std::optional<HvLevelNow> now;
  for (const Event* e : in_replay_order(chronology)) {
    if (e->type == EventType::kHvLevel && e->as<HvLevelEvent>().child == child) {
      now = HvLevelNow{e->as<HvLevelEvent>().level, e->by, e->at};
    } else if (e->type == EventType::kCaseClosed && now && now->enhanced()) {
      const auto& b = e->as<CaseClosedEvent>();
      if (b.child == child && b.agency == now->by) now.reset();
    }
  }
  return now;
}

}  // namespace sightline
