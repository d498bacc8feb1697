#include "safeguards/deadline_queue.h"

#include <algorithm>

#include "core/date.h"

namespace sightline::safeguards {
namespace {

// How far before the first entry's day the window starts: the engine only
// schedules what lies after its clock, so earlier days are rare.
constexpr std::int64_t kMarginDays = 4096;

std::int64_t day_of(std::int64_t instant) { return Date::of_instant(instant).days(); }

// Heap order: the entry that comes out later is "greater", so the heaps'
// fronts are their earliest entries.
bool later(const QueueEntry& a, const QueueEntry& b) {
  return a.instant != b.instant ? a.instant > b.instant : a.order > b.order;
}

void heap_push(std::vector<QueueEntry>& heap, const QueueEntry& e) {
  heap.push_back(e);
  std::push_heap(heap.begin(), heap.end(), later);
}

QueueEntry heap_pop(std::vector<QueueEntry>& heap) {
  std::pop_heap(heap.begin(), heap.end(), later);
  const QueueEntry e = heap.back();
  heap.pop_back();
  return e;
}

}  // namespace

void DeadlineQueue::push(QueueEntry e) {
  e.order = next_order_++;
  ++size_;
  const std::int64_t day = day_of(e.instant);
  if (day <= loaded_day_) {
    heap_push(today_, e);
    return;
  }
  if (!based_) {
    base_ = day - kMarginDays;
    based_ = true;
  }
  if (!in_window(day)) {
    heap_push(far_, e);
    return;
  }
  const auto i = static_cast<std::size_t>(day - base_);
  if (i >= days_.size()) {
    days_.resize(std::min(static_cast<std::size_t>(kMaxDays), std::max(i + 1, days_.size() * 2)));
  }
  Bucket& bucket = days_[i];
  if (bucket.entries.empty() || e.instant < bucket.min_instant) bucket.min_instant = e.instant;
  bucket.entries.push_back(e);
  ++in_days_;
  scan_ = std::min(scan_, i);
}

bool DeadlineQueue::load_next_day() {
  if (in_days_ == 0) return false;
  while (days_[scan_].entries.empty()) ++scan_;
  Bucket& bucket = days_[scan_];
  loaded_day_ = base_ + static_cast<std::int64_t>(scan_);
  today_.insert(today_.end(), bucket.entries.begin(), bucket.entries.end());
  std::make_heap(today_.begin(), today_.end(), later);
  in_days_ -= bucket.entries.size();
  std::vector<QueueEntry>().swap(bucket.entries);  // a day's memory is given back once it is done
  ++scan_;
  return true;
}

const QueueEntry& DeadlineQueue::earliest() {
  if (today_.empty() && in_days_ > 0) {
    while (days_[scan_].entries.empty()) ++scan_;
    // far_ holds only days outside the window: before or after every bucket.
    if (far_.empty() || days_[scan_].min_instant < far_.front().instant) load_next_day();
  }
  if (today_.empty()) return far_.front();
  if (far_.empty() || later(far_.front(), today_.front())) return today_.front();
  return far_.front();
}

QueueEntry DeadlineQueue::pop() {
  const QueueEntry& e = earliest();
  --size_;
  return !today_.empty() && &e == today_.data() ? heap_pop(today_) : heap_pop(far_);
}

}  // namespace sightline::safeguards
