// The time-ordered queue of everything that will happen when the clock moves
// on: duties falling due, escalation steps and rule timers.
//
// A binary heap keyed by (instant, insertion order), so that entries due at
// the same instant come out in the order they were scheduled and a replay is
// deterministic. Cancelling is lazy: an entry carries the generation of what
// it refers to, and the engine drops it when popped if that has moved on.
#pragma once

#include <cstdint>
#include <queue>
#include <vector>

namespace sightline::safeguards {

enum class EntryKind : std::uint8_t { kDue, kEscalation, kTimer };

struct QueueEntry {
  std::int64_t instant = 0;  // seconds since 1970-01-01 local; fires when the clock reaches it
  std::uint64_t order = 0;   // insertion order, for ties
  EntryKind kind = EntryKind::kDue;
  std::uint8_t level = 0;        // kEscalation: the Level it takes the alert to
  std::uint16_t rule = 0;        // kTimer: the rule to call
  std::uint32_t target = 0;      // duty (kDue, kEscalation) or person (kTimer)
  std::uint32_t generation = 0;  // duty generation when scheduled; timer payload for kTimer
};

class DeadlineQueue {
 public:
  void push(QueueEntry e) {
    e.order = next_order_++;
    heap_.push(e);
  }
  bool empty() const { return heap_.empty(); }
  // The instant of the earliest entry; only when !empty().
  std::int64_t next_instant() const { return heap_.top().instant; }
  QueueEntry pop() {
    QueueEntry e = heap_.top();
    heap_.pop();
    return e;
  }
  std::size_t size() const { return heap_.size(); }

 private:
  struct Later {
    bool operator()(const QueueEntry& a, const QueueEntry& b) const {
      return a.instant != b.instant ? a.instant > b.instant : a.order > b.order;
    }
  };
  std::priority_queue<QueueEntry, std::vector<QueueEntry>, Later> heap_;
  std::uint32_t next_order_ = 0;
};

}  // namespace sightline::safeguards
