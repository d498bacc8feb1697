#include "chronology/named_worker.h"

#include <algorithm>

#include "chronology/replay_order.h"

namespace sightline {

std::map<Id, NamedWorker, std::less<>> named_workers(const std::vector<Event>& chronology,
                                                     std::string_view child,
                                                     Timestamp as_known_at) {
  const std::int64_t t = as_known_at.instant();
  std::vector<const Event*> known;
  for (const Event* e : in_replay_order(chronology)) {
    if (e->at.instant() > t || e->recorded.instant() > t) continue;
    if (e->type == EventType::kAllocation || e->type == EventType::kCaseClosed) known.push_back(e);
  }
  // By `at`; of two at one instant, the later learnt last.
  std::stable_sort(known.begin(), known.end(), [](const Event* a, const Event* b) {
    return a->at.instant() < b->at.instant();
  });
  std::map<Id, NamedWorker, std::less<>> out;
  for (const Event* e : known) {
    if (e->type == EventType::kCaseClosed) {
      const auto& b = e->as<CaseClosedEvent>();
      if (b.child == child) out.erase(b.agency);
      continue;
    }
    const auto& b = e->as<AllocationEvent>();
    if (b.child != child) continue;
    out[b.agency] = NamedWorker{b.agency, b.worker, b.phone, b.email, e->at, e->by};
  }
  return out;
}

std::optional<NamedWorker> named_worker(const std::vector<Event>& chronology,
                                        std::string_view child, std::string_view agency,
                                        Timestamp as_known_at) {
  auto workers = named_workers(chronology, child, as_known_at);
  const auto found = workers.find(agency);
  if (found == workers.end()) return std::nullopt;
  return std::move(found->second);
}

}  // namespace sightline
