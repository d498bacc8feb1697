#include "chronology/replay_order.h"

#include <algorithm>

namespace sightline {

std::vector<const Event*> in_replay_order(const std::vector<Event>& events) {
  std::vector<const Event*> out;
  out.reserve(events.size());
  for (const Event& e : events) out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [](const Event* a, const Event* b) {
    const std::int64_t ra = a->recorded.instant(), rb = b->recorded.instant();
    return ra != rb ? ra < rb : a->line < b->line;
  });
  return out;
}

}  // namespace sightline
