// A synthetic population of children, written as an events-v1 feed.
//
// The feed first lists the agencies of every English upper-tier
// local-authority area (the children's services authorities), each with its
// safeguarding partnership as `parent`, and a hostel and a day centre per area
// as `premises`. Then come the lives of the children, from the booking of the
// pregnancy to about the first birthday, interleaved so that the whole file is
// in `recorded` order (ties in a fixed order) and a replay can stream it.
//
// Each child follows one profile of the mix below: most are well served (every
// duty of the safeguards catalogue done in time, so a replay raises no alert for
// them); the others carry one of the failures the catalogue exists to catch.
//
// Contracts:
// - Valid: every line passes FeedParser; a line refers only to earlier lines.
// - Deterministic: the same Options give the same bytes, on any platform (the
//   generator uses its own random numbers, never std distributions, and never
//   iterates an unordered container).
// - Streaming: pregnancies are booked at `children_per_day` a day, and a child's
//   events span at most kMaxLifeDays, so at most live_children_bound() children
//   are held at once whatever the number of children. The events of a day's
//   cohort are planned together and merged into the output with a heap.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

#include "core/date.h"
#include "feed/event.h"

namespace sightline::synth {

// The kinds of life a synthetic child can have. Their shares are in profile_mix().
enum class Profile : std::uint8_t {
  kWellServed,             // every health duty on time, in one area
  kWellServedMoved,        // the same, with a planned move and a written HV handover
  kMissedReviews,          // was_not_brought reviews and immunisations, reviews late or never
  kLateGpNotice,           // GP registration not passed to health visiting (F3)
  kMoveWithoutHvHandover,  // enhanced child moves area; no or understated HV handover (F8)
  kMovedWithoutNotice,     // family leaves without notice; whereabouts unknown, claims (F7, F8)
  kReferralLate,           // referral decided late or never; assessment overdue
  kS47IncompleteStrategy,  // telephone strategy discussion without health; no review (F4, F5)
  kTransferUnderstated,    // social-care transfer understated, case closed unseen (F7)
  kNrpfDestitute,          // no recourse to public funds, pre-birth referral refused (F1, F2)
  kNeglectMultiDomain,     // neglect indicators in 3+ domains, assessment closed NFA (F5, F6)
  kChildProtection,        // s47, conference and CP plan, every duty met
};
inline constexpr int kProfileCount = static_cast<int>(Profile::kChildProtection) + 1;

struct ProfileShare {
  Profile profile;
  std::string_view name;     // snake_case, as `sightline synth --help` lists it
  int per_mille;             // share of the children; the shares sum to 1000
  std::string_view summary;  // one line
};
// Every profile, in enum order.
std::span<const ProfileShare> profile_mix();

// No event of a child lies more than this many days after its pregnancy was booked.
inline constexpr std::int32_t kMaxLifeDays = 660;
// No child has more events than this (a bound for memory, checked when planning).
inline constexpr std::size_t kMaxEventsPerChild = 128;
// Events-v1 accepts years up to 2100; the last booking leaves a whole life before it.
inline constexpr int kLastYear = 2099;

struct Options {
  std::int64_t children = 0;
  std::uint64_t seed = 0;
  // The date of the reference lines (agencies, premises); pregnancies are booked
  // from the next day on.
  Date start = *Date::from_ymd(2016, 1, 1);
  int children_per_day = 16;
};

// The most children held at once, whatever Options::children is.
std::size_t live_children_bound(const Options& options);
// The most children whose lives fit between `options.start` and the end of kLastYear.
std::int64_t max_children(const Options& options);

struct Progress {
  std::int64_t children_started = 0;
  std::int64_t events_written = 0;  // lines, reference lines included
};

struct Stats {
  std::int64_t children = 0;
  std::int64_t lines = 0;  // every line written, reference lines included
  std::int64_t bytes = 0;
  std::array<std::int64_t, kEventTypeCount> by_type{};
  std::array<std::int64_t, kProfileCount> by_profile{};
  // Appointments with outcome was_not_brought (the mix promises them).
  std::int64_t was_not_brought = 0;
  // The most children and planned events held at any moment (see live_children_bound).
  std::size_t peak_live_children = 0;
  std::size_t peak_planned_events = 0;
  Date first_day, last_day;  // of `recorded`
};

// Receives the feed in order, in chunks of whole lines (each ends with '\n').
using ChunkWriter = std::function<void(std::string_view chunk)>;

// Writes the feed for `options`. Throws std::invalid_argument when the options
// are out of range (children < 0 or > max_children, children_per_day < 1, a
// start before 1950); whatever `write` throws propagates. `progress`, when set,
// is called every few tens of thousands of lines and once at the end.
Stats generate(const Options& options, const ChunkWriter& write,
               const std::function<void(const Progress&)>& progress = {});

}  // namespace sightline::synth
