// The rules over instants that the chronology's terms and the engine's dense
// state both ask (chronology/indicators.h, chronology/involvement.h).
#include <gtest/gtest.h>

#include <cstdint>

#include "chronology/indicators.h"
#include "chronology/involvement.h"
#include "core/date.h"

namespace sightline {
namespace {

constexpr std::int64_t kDay = kSecondsPerDay;

TEST(TermWindows, WithinDaysIncludesBothEndsAndNeverCountsNothing) {
  const std::int64_t now = 100 * kDay + 3600;
  const struct {
    std::int64_t fact;
    int days;
    bool within;
  } cases[] = {
      {now, 0, true},
      {now - 1, 0, false},
      {now - 90 * kDay, 90, true},       // exactly N days before: in
      {now - 90 * kDay - 1, 90, false},  // a second more: out
      {now - 89 * kDay, 90, true},
      {now + kDay, 90, true},  // a fact after now is within any window
      {kNoInstant, 90, false},
      {kNoInstant, 1 << 30, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(within_days(now, c.fact, c.days), c.within) << c.fact << " within " << c.days;
  }
}

TEST(TermWindows, TransientOnTwoChangesOrOneWithoutNoticeInTheWindow) {
  const std::int64_t now = 1000 * kDay;
  const struct {
    std::int64_t change_before_latest, without_notice;
    bool transient;
  } cases[] = {
      {kNoInstant, kNoInstant, false},          {now - 90 * kDay, kNoInstant, true},
      {now - 91 * kDay, kNoInstant, false},     {kNoInstant, now - 90 * kDay, true},
      {kNoInstant, now - 90 * kDay - 1, false}, {now - 200 * kDay, now - 10 * kDay, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(transient(now, c.change_before_latest, c.without_notice, 90), c.transient)
        << c.change_before_latest << ", " << c.without_notice;
  }
}

TEST(TermWindows, AReceiversSightingHandsOverFromTheDayTheLevelBeganAndTheTransfer) {
  const Date began = *Date::parse("2024-03-10");
  const std::int64_t transfer = Date::parse("2024-03-05")->start_instant() + 9 * 3600;
  const struct {
    std::int64_t seen;
    bool hands_over;
  } cases[] = {
      {began.start_instant(), true},       // the day the level began counts (R68)
      {began.start_instant() - 1, false},  // the evening before does not
      {began.start_instant() + 20 * kDay, true},
      {transfer - 1, false},  // before the transfer: not its receiver yet
  };
  for (const auto& c : cases) {
    EXPECT_EQ(hands_over_enhanced_level(c.seen, began, transfer), c.hands_over)
        << Timestamp::of_instant(c.seen).to_string();
  }
  // A level that began before the transfer: only the transfer bounds it.
  const Date earlier = *Date::parse("2024-03-01");
  EXPECT_FALSE(hands_over_enhanced_level(transfer - 1, earlier, transfer));
  EXPECT_TRUE(hands_over_enhanced_level(transfer, earlier, transfer));
}

}  // namespace
}  // namespace sightline
