// The time-ordered queue of everything that will happen when the clock moves
// on: duties falling due, escalation steps and rule timers.
//
// Entries come out by (instant, insertion order), so that entries due at the
// same instant come out in the order they were scheduled and a replay is
// deterministic. Cancelling is lazy: an entry carries the generation of what
// it refers to, and the engine drops it when popped if that has moved on.
//
// A replay of a million children holds millions of entries, nearly all of
// them due at the start of some day. One binary heap of them all costs a
// cache miss per level on every pop, so entries wait in one bucket per day
// instead (in insertion order), and only the day being worked through is a
// heap: a few thousand entries that stay in cache. Days outside the window of
// buckets (far from the first entry) wait in a heap of their own.
#pragma once

#include <cstdint>
#include <vector>

namespace sightline::safeguards {

enum class EntryKind : std::uint8_t { kDue, kEscalation, kTimer };

struct QueueEntry {
  std::int64_t instant = 0;  // seconds since 1970-01-01 local; fires when the clock reaches it
  std::uint32_t order = 0;   // insertion order, for ties (set by push)
  EntryKind kind = EntryKind::kDue;
  std::uint8_t level = 0;        // kEscalation: the Level it takes the alert to
  std::uint16_t rule = 0;        // kTimer: the rule to call
  std::uint32_t target = 0;      // duty (kDue, kEscalation) or person (kTimer)
  std::uint32_t generation = 0;  // duty generation when scheduled; timer payload for kTimer
};

class DeadlineQueue {
 public:
  void push(QueueEntry e);
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  // The earliest entry; only when !empty(). Not const: it may move the next
  // day's bucket into the heap.
  const QueueEntry& next() { return earliest(); }
  std::int64_t next_instant() { return earliest().instant; }
  // Removes and returns the earliest entry; only when !empty().
  QueueEntry pop();

 private:
  struct Bucket {
    std::vector<QueueEntry> entries;  // in insertion order
    std::int64_t min_instant = 0;     // valid when entries is not empty
  };

  // The earliest entry, after making sure it is at the top of today_ or far_.
  const QueueEntry& earliest();
  // Moves the first non-empty bucket into today_; false when there is none.
  bool load_next_day();
  bool in_window(std::int64_t day) const { return day >= base_ && day - base_ < kMaxDays; }

  static constexpr std::int64_t kMaxDays = std::int64_t{1} << 18;  // about 700 years

  std::vector<QueueEntry> today_;  // heap: every entry of a day <= loaded_day_
  std::vector<QueueEntry> far_;    // heap: entries of days outside the window
  std::vector<Bucket> days_;       // by day - base_, for days > loaded_day_
  std::int64_t base_ = 0;          // the window's first day, set by the first push
  bool based_ = false;
  std::int64_t loaded_day_ = INT64_MIN;  // the latest day moved into today_
  std::size_t scan_ = 0;                 // every bucket before it is empty
  std::size_t in_days_ = 0;              // entries in days_
  std::size_t size_ = 0;
  std::uint32_t next_order_ = 0;
};

}  // namespace sightline::safeguards
