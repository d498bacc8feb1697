// The merge: children are planned a day's cohort at a time, as late as the
// output allows, and their events leave through a min-heap keyed by
// (recorded instant, child number), one event per child in the heap.
//
// A cohort booked on day d has no event before d 00:00, so it is planned only
// when the earliest event waiting in the heap is at or after that instant:
// nothing already written can then come after one of its events. A child is
// released as soon as its last event is written. So the children held are
// those whose lives overlap the current output time: at most children_per_day
// for each day of kMaxLifeDays, plus the cohort just planned.
#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "synth/life.h"
#include "synth/render.h"
#include "synth/synth.h"
#include "synth/world.h"

namespace sightline::synth {
namespace {

constexpr std::array<ProfileShare, kProfileCount> kMix = {{
    {Profile::kWellServed, "well_served", 420,
     "every health duty on time, in one area (no alert expected)"},
    {Profile::kWellServedMoved, "well_served_moved", 100,
     "as well_served, with a planned move and a written health-visiting handover"},
    {Profile::kMissedReviews, "missed_reviews", 80,
     "6-8 week review and immunisations not brought; reviews late or never"},
    {Profile::kLateGpNotice, "late_gp_notice", 50,
     "moves after the birth; GP registration not passed to health visiting (F3)"},
    {Profile::kMoveWithoutHvHandover, "move_without_hv_handover", 60,
     "enhanced child moves area; no handover or a late verbal one at universal (F8)"},
    {Profile::kMovedWithoutNotice, "moved_without_notice", 50,
     "leaves without notice; whereabouts unknown; found, unverified claim or lost (F7)"},
    {Profile::kReferralLate, "referral_late", 50,
     "referral decided days late or never; assessment overdue or never completed"},
    {Profile::kS47IncompleteStrategy, "s47_incomplete_strategy", 40,
     "telephone strategy discussion without health; s47 closed, no review (F4, F5)"},
    {Profile::kTransferUnderstated, "transfer_understated", 40,
     "moves during an assessment; welfare_check transfer; closed before seen (F7)"},
    {Profile::kNrpfDestitute, "nrpf_destitute", 40,
     "no recourse to public funds; pre-birth referral passed on; out-of-area hostel (F1, F2)"},
    {Profile::kNeglectMultiDomain, "neglect_multi_domain", 50,
     "neglect indicators in 3+ domains; assessment closed with no further action (F5, F6)"},
    {Profile::kChildProtection, "child_protection", 20,
     "s47, conference and child protection plan with every duty met (no alert expected)"},
}};

constexpr std::size_t kChunkBytes = 1 << 18;
constexpr std::int64_t kProgressEvery = 1 << 16;
constexpr int kFirstStartYear = 1950;         // mothers are born after 1900
constexpr std::int64_t kMaxPeople = 4999999;  // nhs_number() is unique below this

struct HeapEntry {
  std::int64_t key;
  std::int64_t seq;
  std::uint32_t slot;
};
// std::push_heap keeps the greatest first; this makes it the earliest.
bool later(const HeapEntry& a, const HeapEntry& b) {
  return a.key != b.key ? a.key > b.key : a.seq > b.seq;
}

}  // namespace

std::span<const ProfileShare> profile_mix() { return kMix; }

std::size_t live_children_bound(const Options& options) {
  return static_cast<std::size_t>(options.children_per_day) *
         static_cast<std::size_t>(kMaxLifeDays + 2);
}

std::int64_t max_children(const Options& options) {
  const Date last_booking = Date::from_ymd(kLastYear, 12, 31)->plus_days(-kMaxLifeDays);
  const std::int64_t days = options.start.days_until(last_booking);
  if (days <= 0 || options.children_per_day < 1) return 0;
  return std::min(days * options.children_per_day, kMaxPeople);
}

Stats generate(const Options& options, const ChunkWriter& write,
               const std::function<void(const Progress&)>& progress) {
  if (options.children_per_day < 1) {
    throw std::invalid_argument("children per day must be at least 1");
  }
  if (options.start.year() < kFirstStartYear) {
    throw std::invalid_argument("the start must be in " + std::to_string(kFirstStartYear) +
                                " or later");
  }
  if (options.children < 0 || options.children > max_children(options)) {
    throw std::invalid_argument("at most " + std::to_string(max_children(options)) +
                                " children fit between " + options.start.to_string() +
                                " and the end of " + std::to_string(kLastYear));
  }

  const World& world = World::england();
  Renderer renderer(world);
  Stats stats;
  std::string buffer;
  buffer.reserve(kChunkBytes + 4096);
  world.write_reference_lines(options.start, buffer, stats.by_type.data());
  stats.lines = static_cast<std::int64_t>(world.reference_line_count());
  stats.first_day = stats.last_day = options.start;

  std::vector<std::unique_ptr<Child>> slots;  // reused: a released child keeps its memory
  std::vector<std::uint32_t> free_slots;
  std::vector<HeapEntry> heap;
  std::size_t live = 0, planned_events = 0;
  std::int64_t next_child = 1;
  std::int32_t next_day = options.start.days() + 1;
  Progress shown;

  const auto flush = [&] {
    stats.bytes += static_cast<std::int64_t>(buffer.size());
    write(buffer);
    buffer.clear();
  };

  while (true) {
    // Plan every cohort that could hold an event due before the heap's earliest.
    while (next_child <= options.children &&
           (heap.empty() || Date::from_days(next_day).start_instant() <= heap.front().key)) {
      for (int i = 0; i < options.children_per_day && next_child <= options.children; ++i) {
        std::uint32_t slot;
        if (free_slots.empty()) {
          slot = static_cast<std::uint32_t>(slots.size());
          slots.push_back(std::make_unique<Child>());
        } else {
          slot = free_slots.back();
          free_slots.pop_back();
        }
        Child& child = *slots[slot];
        plan_life(options.seed, next_child, next_day, child);
        ++stats.by_profile[static_cast<int>(child.profile)];
        planned_events += child.events.size();
        ++live;
        heap.push_back(HeapEntry{child.events.front().key, next_child, slot});
        std::push_heap(heap.begin(), heap.end(), later);
        ++next_child;
      }
      ++next_day;
      stats.peak_live_children = std::max(stats.peak_live_children, live);
      stats.peak_planned_events = std::max(stats.peak_planned_events, planned_events);
    }
    if (heap.empty()) break;

    std::pop_heap(heap.begin(), heap.end(), later);
    HeapEntry& top = heap.back();
    Child& child = *slots[top.slot];
    const Planned& event = child.events[child.next++];
    renderer.render(child, event, buffer);
    ++stats.lines;
    ++stats.by_type[static_cast<int>(event.type)];
    if (event.type == EventType::kAppointment &&
        static_cast<AppointmentOutcome>(event.e2) == AppointmentOutcome::kWasNotBrought) {
      ++stats.was_not_brought;
    }
    stats.last_day = Date::from_days(event.late ? event.recorded.day : event.at.day);
    --planned_events;
    if (child.next < child.events.size()) {
      top.key = child.events[child.next].key;
      std::push_heap(heap.begin(), heap.end(), later);
    } else {
      free_slots.push_back(top.slot);
      heap.pop_back();
      --live;
    }
    if (buffer.size() >= kChunkBytes) flush();
    if (progress && stats.lines - shown.events_written >= kProgressEvery) {
      shown = Progress{next_child - 1, stats.lines};
      progress(shown);
    }
  }
  if (!buffer.empty()) flush();
  stats.children = options.children;
  if (progress) progress(Progress{options.children, stats.lines});
  return stats;
}

}  // namespace sightline::synth
