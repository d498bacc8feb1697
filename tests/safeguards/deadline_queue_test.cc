// The deadline queue gives entries back by (instant, insertion order) whatever
// days they fall on: the day being worked through, later days, and days far
// outside its window of buckets, pushed in any order and while popping.
#include "safeguards/deadline_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace sightline::safeguards {
namespace {

constexpr std::int64_t kDay = 86400;

QueueEntry at(std::int64_t instant, std::uint32_t target) {
  return QueueEntry{instant, 0, EntryKind::kDue, 0, 0, target, 0};
}

TEST(DeadlineQueue, TiesAtOneInstantComeOutInInsertionOrder) {
  DeadlineQueue q;
  for (std::uint32_t i = 0; i < 100; ++i) q.push(at(5 * kDay, i));
  q.push(at(5 * kDay - 1, 1000));
  EXPECT_EQ(q.next_instant(), 5 * kDay - 1);
  EXPECT_EQ(q.pop().target, 1000u);
  for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(q.pop().target, i);
  EXPECT_TRUE(q.empty());
}

TEST(DeadlineQueue, EntriesFarFromTheFirstAndBeforeTheEpochKeepTheirOrder) {
  DeadlineQueue q;
  q.push(at(20000 * kDay, 1));
  q.push(at(-30000 * kDay + 7, 2));        // before the window
  q.push(at(20000 * kDay + 5, 3));         // same day as the first
  q.push(at(400000 * kDay, 4));            // after the window
  q.push(at(-30000 * kDay + 7, 5));        // ties with 2
  q.push(at(19999 * kDay + kDay - 1, 6));  // the day before the first
  EXPECT_EQ(q.size(), 6u);
  std::vector<std::uint32_t> out;
  while (!q.empty()) out.push_back(q.pop().target);
  EXPECT_EQ(out, (std::vector<std::uint32_t>{2, 5, 6, 1, 3, 4}));
}

// Pops interleaved with pushes that fall today, on later days and far away,
// checked against sorting by (instant, insertion order). Like the engine, it
// pops whatever has come by a clock that moves on; pushes fall mostly after it.
TEST(DeadlineQueue, MatchesSortingWhilePushingAndPopping) {
  std::mt19937_64 rng(7);
  DeadlineQueue q;
  struct Ref {
    std::int64_t instant;
    std::uint32_t seq;
  };
  std::vector<Ref> pending;
  std::uint32_t seq = 0;
  std::int64_t clock = 1000 * kDay;
  std::vector<std::uint32_t> got, want;
  for (int step = 0; step < 20000; ++step) {
    const int pushes = static_cast<int>(rng() % 4);
    for (int i = 0; i < pushes; ++i) {
      std::int64_t delay = 0;
      switch (rng() % 5) {
        case 0:  // later today, or at the same instant as others
          delay = static_cast<std::int64_t>(rng() % 3) * 3600;
          break;
        case 1:  // far ahead, beyond the window
          delay = static_cast<std::int64_t>(rng() % 3 + 300000) * kDay;
          break;
        default:  // a few days ahead, at the start of a day or any time
          delay = static_cast<std::int64_t>(rng() % 60) * kDay +
                  (rng() % 2 ? 0 : static_cast<std::int64_t>(rng() % kDay));
      }
      const std::int64_t instant = (delay % kDay == 0 ? clock / kDay * kDay : clock) + delay + 1;
      q.push(at(instant, seq));
      pending.push_back(Ref{instant, seq});
      ++seq;
    }
    clock += static_cast<std::int64_t>(rng() % (2 * kDay));
    while (!q.empty() && q.next_instant() <= clock) got.push_back(q.pop().target);
    std::stable_sort(pending.begin(), pending.end(),
                     [](const Ref& a, const Ref& b) { return a.instant < b.instant; });
    std::size_t n = 0;
    while (n < pending.size() && pending[n].instant <= clock) want.push_back(pending[n++].seq);
    pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(n));
    ASSERT_EQ(got, want) << "step " << step;
    ASSERT_EQ(q.size(), pending.size());
  }
  while (!q.empty()) got.push_back(q.pop().target);
  std::stable_sort(pending.begin(), pending.end(),
                   [](const Ref& a, const Ref& b) { return a.instant < b.instant; });
  for (const Ref& r : pending) want.push_back(r.seq);
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace sightline::safeguards
