// The synthetic population generator: its feeds parse without a fault, are
// sorted by `recorded`, depend only on the options, hold the promised mix, and
// are written without ever holding more than a bounded number of children.
#include "synth/synth.h"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "feed/parser.h"
#include "synth/render.h"
#include "synth/world.h"

namespace sightline::synth {
namespace {

struct Feed {
  std::string text;
  Stats stats;
};

Feed generate_feed(std::int64_t children, std::uint64_t seed,
                   Date start = *Date::from_ymd(2016, 1, 1)) {
  Options options;
  options.children = children;
  options.seed = seed;
  options.start = start;
  Feed feed;
  feed.stats = generate(options, [&](std::string_view chunk) { feed.text += chunk; });
  return feed;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    EXPECT_NE(end, std::string_view::npos) << "the feed must end with a newline";
    if (end == std::string_view::npos) break;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return lines;
}

// Parses every line; fails the test on any fault.
std::vector<Event> parse_all(std::string_view text) {
  FeedParser parser;
  std::vector<Event> events;
  std::vector<Fault> faults;
  std::int64_t number = 0;
  for (const std::string_view line : lines_of(text)) {
    faults.clear();
    auto event = parser.parse_line(line, ++number, faults);
    for (const Fault& f : faults) ADD_FAILURE() << f.to_string() << "\n  in: " << line;
    if (event) events.push_back(std::move(*event));
  }
  return events;
}

TEST(Synth, EveryLineParsesWithoutAFault) {
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    const Feed feed = generate_feed(400, seed);
    const std::vector<Event> events = parse_all(feed.text);
    EXPECT_EQ(static_cast<std::int64_t>(events.size()), feed.stats.lines) << "seed " << seed;
    EXPECT_EQ(static_cast<std::int64_t>(feed.text.size()), feed.stats.bytes);
  }
}

TEST(Synth, ALargerFeedParsesWithoutAFault) {
  // Enough children that every branch of every profile is taken many times.
  const Feed feed = generate_feed(4000, 99);
  EXPECT_EQ(static_cast<std::int64_t>(parse_all(feed.text).size()), feed.stats.lines);
}

TEST(Synth, TheSameOptionsGiveTheSameBytes) {
  const Feed a = generate_feed(300, 42);
  const Feed b = generate_feed(300, 42);
  EXPECT_EQ(a.text, b.text);
  EXPECT_NE(a.text, generate_feed(300, 43).text);
  EXPECT_NE(a.text, generate_feed(300, 42, *Date::from_ymd(2020, 3, 1)).text);
}

TEST(Synth, AChildsLifeDoesNotDependOnHowManyChildrenFollow) {
  // Each child draws from its own generator, so a longer feed extends a
  // shorter one's population instead of reshuffling it.
  const Feed small = generate_feed(50, 5), large = generate_feed(500, 5);
  std::multiset<std::string_view> in_large;
  for (const std::string_view line : lines_of(large.text)) in_large.insert(line);
  for (const std::string_view line : lines_of(small.text)) {
    EXPECT_TRUE(in_large.contains(line)) << line;
  }
}

TEST(Synth, LinesAreInOrderOfRecorded) {
  const Feed feed = generate_feed(1000, 8);
  const std::vector<Event> events = parse_all(feed.text);
  ASSERT_FALSE(events.empty());
  for (std::size_t i = 1; i < events.size(); ++i) {
    ASSERT_LE(events[i - 1].recorded.instant(), events[i].recorded.instant())
        << "line " << events[i].line << " is recorded before line " << events[i - 1].line;
  }
  EXPECT_EQ(events.front().recorded.date, feed.stats.first_day);
  EXPECT_EQ(events.back().recorded.date, feed.stats.last_day);
  // Some lines are learnt after they happened, and still fall in place.
  std::size_t late = 0;
  for (const Event& e : events) late += e.recorded.instant() > e.at.instant() ? 1 : 0;
  EXPECT_GT(late, 0u);
}

TEST(Synth, TheReferenceLinesComeFirst) {
  const Feed feed = generate_feed(10, 1);
  const std::vector<Event> events = parse_all(feed.text);
  const World& world = World::england();
  ASSERT_GE(world.area_count(), 150u);
  const std::size_t agencies = world.area_count() * kSlotCount;
  ASSERT_GT(events.size(), agencies + 2 * world.area_count());
  std::map<AgencyKind, std::size_t> kinds;
  for (std::size_t i = 0; i < agencies; ++i) {
    ASSERT_EQ(events[i].type, EventType::kAgency);
    const auto& agency = events[i].as<AgencyEvent>();
    ++kinds[agency.kind];
    // Every agency but the partnership escalates to its area's partnership.
    EXPECT_EQ(agency.parent.has_value(), agency.kind != AgencyKind::kSafeguardingPartnership);
  }
  EXPECT_EQ(kinds[AgencyKind::kSafeguardingPartnership], world.area_count());
  EXPECT_EQ(kinds[AgencyKind::kGpPractice], 2 * world.area_count());
  for (std::size_t i = agencies; i < agencies + 2 * world.area_count(); ++i) {
    EXPECT_EQ(events[i].type, EventType::kPremises);
  }
}

TEST(Synth, TheMixHoldsEveryPromisedKind) {
  const Feed feed = generate_feed(2000, 17);
  const std::vector<Event> events = parse_all(feed.text);

  std::array<std::int64_t, kEventTypeCount> by_type{};
  std::int64_t was_not_brought = 0, health_missing_from_discussion = 0, understated = 0,
               closed_unseen = 0, records_unread = 0, verbal_universal = 0, nrpf = 0,
               without_notice = 0;
  std::map<std::string, std::set<Domain>> domains;  // child -> indicator domains
  std::map<std::string, AgencyKind> kind_of;
  for (const Event& e : events) {
    ++by_type[static_cast<std::size_t>(e.type)];
    if (e.type == EventType::kAgency) kind_of[e.id] = e.as<AgencyEvent>().kind;
    if (e.type == EventType::kAppointment &&
        e.as<AppointmentEvent>().outcome == AppointmentOutcome::kWasNotBrought) {
      ++was_not_brought;
    }
    if (e.type == EventType::kStrategyDiscussion) {
      const auto& sd = e.as<StrategyDiscussionEvent>();
      bool health = false;
      for (const Id& p : sd.participants) health = health || is_health_agency(kind_of.at(p));
      if (!health && sd.format == DiscussionFormat::kTelephone) ++health_missing_from_discussion;
    }
    if (e.type == EventType::kTransfer) {
      const auto& t = e.as<TransferEvent>();
      if (t.status == TransferStatus::kWelfareCheck) ++understated;
      if (t.status == TransferStatus::kUniversal && t.mode == TransferMode::kVerbal) {
        ++verbal_universal;
      }
    }
    if (e.type == EventType::kCaseClosed &&
        e.as<CaseClosedEvent>().reason == ClosureReason::kTransferred) {
      ++closed_unseen;
    }
    if (e.type == EventType::kRecordsTransfer && !e.as<RecordsTransferEvent>().accessed) {
      ++records_unread;
    }
    if (e.type == EventType::kCircumstances &&
        e.as<CircumstancesEvent>().immigration == Immigration::kNrpf) {
      ++nrpf;
    }
    if (e.type == EventType::kAddress &&
        e.as<AddressEvent>().notice == AddressNotice::kWithoutNotice) {
      ++without_notice;
    }
    if (e.type == EventType::kIndicator) {
      const auto& i = e.as<IndicatorEvent>();
      if (i.status == IndicatorStatus::kPresent) domains[i.child].insert(domain_of(i.indicator));
    }
  }
  EXPECT_EQ(by_type, feed.stats.by_type);
  EXPECT_EQ(was_not_brought, feed.stats.was_not_brought);

  // The healthy child programme, for everyone.
  const auto count = [&](EventType t) { return by_type[static_cast<std::size_t>(t)]; };
  EXPECT_EQ(count(EventType::kPregnancy), 2000);
  EXPECT_EQ(count(EventType::kBirth), 2000);
  EXPECT_GE(count(EventType::kRegistration), 1800);
  EXPECT_GE(count(EventType::kAppointment), 2000 * 5);
  // The catalogue's failures, each present.
  for (const EventType t : {EventType::kReferral,
                            EventType::kReferralOutcome,
                            EventType::kAssessmentStarted,
                            EventType::kAssessmentCompleted,
                            EventType::kStrategyDiscussion,
                            EventType::kS47Concluded,
                            EventType::kConference,
                            EventType::kPlanStarted,
                            EventType::kPlanEnded,
                            EventType::kTransfer,
                            EventType::kTransferAccepted,
                            EventType::kRecordsTransfer,
                            EventType::kCaseClosed,
                            EventType::kWhereaboutsUnknown,
                            EventType::kMissing,
                            EventType::kFound,
                            EventType::kClaim,
                            EventType::kOptionsReview,
                            EventType::kMedical,
                            EventType::kNotification,
                            EventType::kDeregistration,
                            EventType::kIndicator}) {
    EXPECT_GT(count(t), 0) << to_string(t);
  }
  EXPECT_GT(was_not_brought, 100);
  EXPECT_GT(health_missing_from_discussion, 20);
  EXPECT_GT(understated, 20);
  EXPECT_GT(closed_unseen, 20);
  EXPECT_GT(records_unread, 20);
  EXPECT_GT(verbal_universal, 10);
  EXPECT_GT(nrpf, 10);
  EXPECT_GT(without_notice, 50);
  std::size_t three_domains = 0;
  for (const auto& [child, ds] : domains) three_domains += ds.size() >= 3 ? 1 : 0;
  EXPECT_GT(three_domains, 30u);

  // Every profile, near its share; about 20 events a child.
  std::int64_t total = 0;
  for (const ProfileShare& share : profile_mix()) {
    total += share.per_mille;
    const std::int64_t n = feed.stats.by_profile[static_cast<std::size_t>(share.profile)];
    EXPECT_GT(n, share.per_mille * 2000 / 1000 / 2) << share.name;
    EXPECT_LT(n, share.per_mille * 2000 / 1000 * 2) << share.name;
  }
  EXPECT_EQ(total, 1000);
  const double per_child =
      static_cast<double>(feed.stats.lines -
                          static_cast<std::int64_t>(World::england().reference_line_count())) /
      2000.0;
  EXPECT_GT(per_child, 18.0);
  EXPECT_LT(per_child, 30.0);
}

TEST(Synth, MemoryIsBoundedWhateverTheNumberOfChildren) {
  Options options;
  options.children = 20000;
  options.seed = 3;
  std::int64_t bytes = 0;
  const Stats stats = generate(
      options, [&](std::string_view chunk) { bytes += static_cast<std::int64_t>(chunk.size()); });
  EXPECT_EQ(stats.bytes, bytes);
  EXPECT_EQ(stats.children, 20000);

  // The bound depends on the booking rate and the life span, not on N.
  const std::size_t bound = live_children_bound(options);
  Options many = options;
  many.children = 1000000;
  EXPECT_EQ(live_children_bound(many), bound);

  EXPECT_GT(stats.peak_live_children, 0u);
  EXPECT_LE(stats.peak_live_children, bound);
  EXPECT_LE(stats.peak_planned_events, bound * kMaxEventsPerChild);
  // Never the whole population: at most about a year and a half of bookings.
  EXPECT_LT(stats.peak_live_children, static_cast<std::size_t>(options.children) / 2);
  EXPECT_LT(stats.peak_planned_events, static_cast<std::size_t>(stats.lines) / 2);
}

TEST(Synth, ProgressIsReportedAndEndsWithEveryLine) {
  Options options;
  options.children = 5000;
  options.seed = 1;
  std::vector<Progress> seen;
  const Stats stats = generate(
      options, [](std::string_view) {}, [&](const Progress& p) { seen.push_back(p); });
  ASSERT_GE(seen.size(), 2u);
  EXPECT_EQ(seen.back().children_started, 5000);
  EXPECT_EQ(seen.back().events_written, stats.lines);
  for (std::size_t i = 1; i < seen.size(); ++i) {
    EXPECT_LE(seen[i - 1].events_written, seen[i].events_written);
  }
}

TEST(Synth, OptionsOutOfRangeAreRefused) {
  const auto write = [](std::string_view) {};
  Options options;
  options.children = max_children(options) + 1;
  EXPECT_THROW(generate(options, write), std::invalid_argument);
  options.children = -1;
  EXPECT_THROW(generate(options, write), std::invalid_argument);
  options.children = 1;
  options.start = *Date::from_ymd(1949, 12, 31);
  EXPECT_THROW(generate(options, write), std::invalid_argument);
  options.start = *Date::from_ymd(2016, 1, 1);
  options.children_per_day = 0;
  EXPECT_THROW(generate(options, write), std::invalid_argument);
  // A start so late that no life fits allows no child, but still the agencies.
  Options late;
  late.start = *Date::from_ymd(2099, 6, 1);
  EXPECT_EQ(max_children(late), 0);
  EXPECT_EQ(generate(late, write).lines,
            static_cast<std::int64_t>(World::england().reference_line_count()));
}

TEST(Synth, AMillionChildrenFitWhenMoreAreBookedADay) {
  Options options;
  EXPECT_LT(max_children(options), 1'000'000);  // 16 a day from 2016 end before 2100
  options.children_per_day = 64;
  EXPECT_GE(max_children(options), 1'000'000);
}

bool has_valid_check_digit(const std::string& n) {
  if (n.size() != 10) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) sum += (n[i] - '0') * static_cast<int>(10 - i);
  const int check = (11 - sum % 11) % 11;
  return check != 10 && check == n[9] - '0';
}

TEST(Synth, NhsNumbersAreValidAndDistinct) {
  std::set<std::string> seen;
  for (std::uint32_t i = 0; i < 200000; ++i) {
    const std::string n = nhs_number(i);
    ASSERT_TRUE(has_valid_check_digit(n)) << n;
    ASSERT_EQ(n[0], '9') << n;
    ASSERT_TRUE(seen.insert(n).second) << "index " << i << " repeats " << n;
  }
  for (const std::uint32_t i : {5000000u, 5000001u, 9999999u}) {
    EXPECT_TRUE(has_valid_check_digit(nhs_number(i)));
    EXPECT_FALSE(seen.contains(nhs_number(i)));
  }
}

}  // namespace
}  // namespace sightline::synth
