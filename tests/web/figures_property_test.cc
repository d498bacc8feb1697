// A property over synthetic populations: at several dates, every figure of
// the dashboard (web/figures.h), each row (area, month, numerator,
// denominator), is the sum of what the safeguards engine determines child by
// child as at that date: the child's date of birth (SafeguardsEngine::facts),
// its alerts (seen in time is no hv-new-registration alert for the
// registration; a discussion with health is one that strategy-discussion-
// incomplete did not find without health; an understated transfer is one
// handover-understated raised an alert for), and its configuration for the
// area's terms (hv-new-registration's working days and age, with an area
// configured apart from the national numbers). Where a case counts is the
// dashboard's own area rule (docs/dashboard.md: the child's address on the
// day, chronology/child_area.h, else the agency the figure names).
//
// The store holds what had been recorded by each date (the feed imported up
// to it), as a dashboard on that day would read it.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "../support/feed_events.h"
#include "../support/test_support.h"
#include "chronology/age.h"
#include "chronology/child_area.h"
#include "core/clock.h"
#include "core/working_days.h"
#include "feed/parser.h"
#include "safeguards/catalogue.h"
#include "safeguards/config.h"
#include "safeguards/rule.h"
#include "service/store_safeguards.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_figures_store.h"
#include "store/sqlite/sqlite_store.h"
#include "synth/synth.h"
#include "web/figures.h"

namespace sightline::testing {
namespace {

constexpr std::int64_t kChildren = 2000;

// One feed line, parsed, with its text (to import the feed up to a date).
struct FeedLine {
  std::string text;
  Event event;
};

// hv-new-registration's numbers for an area, read from the configuration the
// engine runs with (docs/safeguards-config.md).
web::RegistrationTerms registration_terms_of(const safeguards::SafeguardsConfig& config,
                                             std::string_view area) {
  const safeguards::Rule* rule = safeguards::find_rule("hv-new-registration");
  const std::size_t section = safeguards::kFirstRuleSection + rule->index();
  const auto& params = *safeguards::config_sections().at(section).params;
  web::RegistrationTerms terms;
  for (std::size_t p = 0; p < params.size(); ++p) {
    const int value = config.table(area).at(config.offset(section) + p);
    if (params[p].name == "working_days") terms.working_days = value;
    if (params[p].name == "max_age_years") terms.max_age_years = value;
  }
  return terms;
}

// What the engine determines of one case: where and when it counts, whether
// it counts in the numerator, and why (printed on a disagreement).
struct Case {
  std::string area;
  std::string month;
  std::string child;
  bool counted = false;
  std::string why;
};

using Key = std::pair<std::string, std::string>;  // area, month

struct Expected {
  std::map<Key, std::pair<std::int64_t, std::int64_t>> counts;
  std::map<Key, std::vector<const Case*>> cases;
};

class FiguresProperty : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(FiguresProperty, EveryFigureIsTheSumOfTheEnginesDeterminationsChildByChild) {
  const TempDir dir;
  std::string feed_text;
  {
    synth::Options options;
    options.children = kChildren;
    options.seed = GetParam();
    synth::generate(options, [&](std::string_view chunk) { feed_text += chunk; });
  }
  std::vector<FeedLine> lines;
  std::map<std::string, AgencyEvent, std::less<>> agencies;
  Date last_day;
  {
    std::istringstream feed(feed_text);
    const std::vector<Fault> faults = for_each_event(feed, [&](Event&& e, const std::string& line) {
      last_day = std::max(last_day, e.recorded.date);
      if (e.type == EventType::kAgency) agencies.emplace(e.id, e.as<AgencyEvent>());
      lines.push_back({line, std::move(e)});
    });
    ASSERT_TRUE(faults.empty()) << faults.front().to_string();
  }
  feed_text.clear();

  // One area configured apart from the national numbers: the area of the
  // GP practices with the most registrations, with 5 working days and under 3s.
  std::map<std::string, std::int64_t> registrations_by_area;
  for (const FeedLine& l : lines) {
    if (l.event.type != EventType::kRegistration) continue;
    const auto it = agencies.find(l.event.as<RegistrationEvent>().agency);
    if (it != agencies.end() && !it->second.area.empty()) ++registrations_by_area[it->second.area];
  }
  std::string configured_area;
  for (const auto& [area, n] : registrations_by_area) {
    if (configured_area.empty() || n > registrations_by_area[configured_area]) {
      configured_area = area;
    }
  }
  ASSERT_FALSE(configured_area.empty());
  const auto config = safeguards::SafeguardsConfig::from_json(
      R"({"areas": {")" + configured_area +
      R"(": {"hv-new-registration": {"working_days": 5, "max_age_years": 3}}}})");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  const auto terms_of = [&](std::string_view area) { return registration_terms_of(*config, area); };
  ASSERT_EQ(terms_of(configured_area).working_days, 5);
  ASSERT_EQ(terms_of("").working_days, 7);
  const WorkingDayCalendar& calendar = WorkingDayCalendar::england_and_wales();

  const auto agency_area = [&](const std::string& id) {
    const auto it = agencies.find(id);
    if (it != agencies.end()) return it->second.area;
    const auto colon = id.find(':');  // an unowned alert's KIND:AREA
    return colon == std::string::npos ? std::string() : id.substr(colon + 1);
  };

  const std::string db = dir.file("sightline.db");
  const auto store = open_sqlite_store(db);
  const Date start = synth::Options().start;
  const std::int32_t span = start.days_until(last_day);
  std::map<std::string, std::int64_t> rows_checked;  // by figure, over the dates
  std::map<std::string, std::int64_t> numerators;    // by figure, over the dates
  // The engine's determinations, by figure, over the dates: the mix is wide.
  std::map<std::string, std::int64_t> counted_cases, uncounted_cases;
  std::int64_t in_configured_area = 0;  // registrations counted in the configured area
  for (const Date today : {start.plus_days(span / 3), start.plus_days(2 * span / 3), last_day}) {
    // What had been recorded by today: in the store, and in the reference.
    std::string known_text;
    std::vector<const Event*> known;
    std::map<std::string, std::vector<Event>, std::less<>> addresses;  // by child
    for (const FeedLine& l : lines) {
      if (l.event.recorded.date > today) continue;
      known_text += l.text + "\n";
      known.push_back(&l.event);
      if (l.event.type == EventType::kAddress) {
        for (const Id& p : l.event.as<AddressEvent>().persons) addresses[p].push_back(l.event);
      }
    }
    {
      std::istringstream feed(known_text);
      ASSERT_TRUE(import_feed(*store, feed, "synth", {}).committed);
    }
    const Timestamp now = Timestamp::end_of(today);
    const std::vector<safeguards::Alert> alerts = service::refresh_alerts(*store, *config, now);
    const service::StoreReplay replay = service::replay_store(*store, *config, now);
    const safeguards::SafeguardsEngine& engine = *replay.engine;

    // The dashboard's area rule: the child's address on the day, else the
    // agency the figure names.
    const auto area_of = [&](const std::string& child, Date day, const std::string& agency) {
      const auto it = addresses.find(child);
      std::string area = it == addresses.end() ? "" : address_area_on(it->second, child, day);
      return area.empty() ? agency_area(agency) : area;
    };
    std::map<std::string, std::vector<Case>> cases;  // by figure
    const auto add = [&](const std::string& figure, const std::string& child, Date day,
                         const std::string& agency, bool counted, std::string why) {
      if (day > today) return;  // not happened yet
      const std::string area = area_of(child, day, agency);
      if (area.empty()) return;
      cases[figure].push_back({area, day.to_string().substr(0, 7), child, counted,
                               day.to_string() + " " + std::move(why)});
    };

    // gp-registrations-seen: the engine's date of birth, the practice's
    // area's terms, seen in time unless hv-new-registration raised an alert
    // for the registration (child, due).
    std::set<std::pair<std::string, Date>> not_seen_in_time;
    for (const safeguards::Alert& a : alerts) {
      if (a.rule == "hv-new-registration" && a.due) not_seen_in_time.emplace(a.child, *a.due);
    }
    // strategy-discussions-with-health: the discussions (child, id) that
    // strategy-discussion-incomplete found without health.
    std::set<std::pair<std::string, std::string>> without_health;
    // transfers-understated: (child, sender, transfer) with an alert.
    std::set<std::tuple<std::string, std::string, std::string>> understated;
    for (const safeguards::Alert& a : alerts) {
      if (a.rule == "strategy-discussion-incomplete" &&
          std::find(a.missing.begin(), a.missing.end(), "health") != a.missing.end()) {
        without_health.emplace(a.child, a.occurrence);
      }
      if (a.rule == "handover-understated") understated.emplace(a.child, a.owner, a.occurrence);
    }
    for (const Event* e : known) {
      const Date day = e->at.date;
      if (e->type == EventType::kRegistration) {
        const auto& b = e->as<RegistrationEvent>();
        const auto facts = engine.facts(b.child);
        const web::RegistrationTerms terms = terms_of(agency_area(b.agency));
        if (!facts || !facts->date_of_birth) continue;
        if (age_in_years(*facts->date_of_birth, day) >= terms.max_age_years) continue;
        const Date deadline = calendar.add_working_days(day, terms.working_days);
        if (deadline >= today) continue;  // still in time
        const bool seen = !not_seen_in_time.contains({b.child, deadline});
        add("gp-registrations-seen", b.child, day, b.agency, seen,
            "registration with " + b.agency + ", born " + facts->date_of_birth->to_string() + ", " +
                std::to_string(terms.working_days) + " working days to " + deadline.to_string() +
                (seen ? ": seen in time" : ": not seen in time"));
      } else if (e->type == EventType::kStrategyDiscussion) {
        const auto& b = e->as<StrategyDiscussionEvent>();
        const bool with_health = !without_health.contains({b.child, e->id});
        add("strategy-discussions-with-health", b.child, day, e->by, with_health,
            "strategy discussion " + e->id + (with_health ? " with health" : " without health"));
      } else if (e->type == EventType::kTransfer) {
        const auto& b = e->as<TransferEvent>();
        const bool found = understated.contains({b.child, b.from, e->id});
        add("transfers-understated", b.child, day, b.from, found,
            "transfer " + e->id + " from " + b.from +
                (found ? " understated" : " not understated"));
      }
    }
    const std::map<std::string, std::vector<std::string_view>> count_rules = {
        {"support-options-missed", {"support-options-review"}},
        {"prebirth-assessments-missed", {"prebirth-assessment-required"}},
        {"neglect-not-assessed", {"neglect-assessment-required", "neglect-holistic-review"}},
        {"children-not-seen", {"child-not-seen"}},
        {"hv-handovers-missing", {"hv-handover-missing"}},
    };
    for (const auto& [figure, rules] : count_rules) {
      for (const safeguards::Alert& a : alerts) {
        if (std::find(rules.begin(), rules.end(), a.rule) == rules.end()) continue;
        add(figure, a.child, a.raised, a.owner, true, a.rule + " alert owned by " + a.owner);
      }
    }

    SimulatedClock clock(now);
    sqlite::SqliteFiguresStore figures_store(db);
    web::FiguresView view(figures_store, clock, calendar, terms_of);
    ASSERT_EQ(count_rules.size() + 3, web::figure_definitions().size());
    for (const web::FigureDefinition& figure : web::figure_definitions()) {
      const std::string id(figure.id);
      ASSERT_TRUE(figure.share() || count_rules.contains(id)) << id;
      for (const Case& c : cases[id]) {
        ++(c.counted ? counted_cases : uncounted_cases)[id];
        if (id == "gp-registrations-seen" && c.area == configured_area) ++in_configured_area;
      }
      Expected expected;
      std::set<std::tuple<std::string, std::string, std::string>> children;  // a count's
      for (const Case& c : cases[id]) {
        const Key key{c.area, c.month};
        expected.cases[key].push_back(&c);
        if (figure.share()) {
          auto& [numerator, denominator] = expected.counts[key];
          ++denominator;
          if (c.counted) ++numerator;
        } else if (children.emplace(c.area, c.month, c.child).second) {
          ++expected.counts[key].first;
        }
      }
      std::map<Key, std::pair<std::int64_t, std::int64_t>> shown;
      for (const web::FigureRow& r : view.rows(id)) {
        shown[{r.area, r.month}] = {r.numerator, r.denominator};
        numerators[id] += r.numerator;
      }
      rows_checked[id] += static_cast<std::int64_t>(shown.size());
      std::set<Key> keys;
      for (const auto& [k, n] : expected.counts) keys.insert(k);
      for (const auto& [k, n] : shown) keys.insert(k);
      std::string report;
      std::int64_t mismatches = 0;
      for (const Key& k : keys) {
        const auto want = expected.counts[k];
        const auto got = shown[k];
        if (want == got) continue;
        if (++mismatches > 3) continue;
        report += "\n  " + k.first + " " + k.second + ": the dashboard says " +
                  std::to_string(got.first) + " of " + std::to_string(got.second) +
                  ", the engine " + std::to_string(want.first) + " of " +
                  std::to_string(want.second) + "; the engine's cases:";
        int listed = 0;
        for (const Case* c : expected.cases[k]) {
          if (++listed > 12) break;
          report += "\n    " + c->child + ": " + c->why;
        }
      }
      EXPECT_EQ(mismatches, 0) << id << " as at " << today.to_string() << ", " << mismatches
                               << " rows differ:" << report;
    }
  }
  // Every figure has something to count in this population, and each share
  // cases on both sides.
  for (const web::FigureDefinition& figure : web::figure_definitions()) {
    const std::string id(figure.id);
    EXPECT_GT(rows_checked[id], 0) << id;
    EXPECT_GT(numerators[id], 0) << id;
    EXPECT_GT(counted_cases[id], 10) << id;
    if (figure.share()) {
      EXPECT_GT(uncounted_cases[id], 10) << id;
    }
  }
  EXPECT_GT(in_configured_area, 10);
}

INSTANTIATE_TEST_SUITE_P(TwoSeeds, FiguresProperty, ::testing::Values(7u, 11u));

}  // namespace
}  // namespace sightline::testing
