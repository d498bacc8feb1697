// A property over synthetic populations: at several dates, for every child,
// each catalogue term as the chronology's definitions give it from the child's
// chronology as the API writes it (what the child's page shows), and as the
// API's child summary gives it ("terms"), is what the safeguards engine holds
// then: open involvement by agency and kind, the
// active indicators, the child's area, the health-visiting level, whether the
// whereabouts are unknown, the date of birth and the latest sighting (the
// last at the end of the feed is last_seen_property_test.cc's).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../support/feed_events.h"
#include "../support/store_agencies.h"
#include "../support/test_support.h"
#include "chronology/age.h"
#include "chronology/child_area.h"
#include "chronology/involvement.h"
#include "feed/parser.h"
#include "pages/child_facts.h"
#include "pages/chronology_events.h"
#include "safeguards/replay.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_store.h"
#include "synth/synth.h"
#include "web/child_terms_json.h"
#include "web/chronology_json.h"

namespace sightline::testing {
namespace {

constexpr std::int64_t kChildren = 2000;

std::string describe(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& i : items) out += (out.size() > 1 ? ", " : "") + i;
  return out + "]";
}

// The terms in one comparable form, one line per term.
using Terms = std::map<std::string, std::string>;

Terms engine_terms(const safeguards::SafeguardsEngine::ChildFacts& f) {
  Terms t;
  std::vector<std::string> involvement;
  for (const auto& i : f.involvement) {
    involvement.push_back(i.agency + " " + std::string(to_string(i.kind)) + " since " +
                          i.since.to_string());
  }
  std::sort(involvement.begin(), involvement.end());
  t["involvement"] = describe(involvement);
  std::vector<std::string> indicators;
  for (const Indicator i : f.indicators) indicators.emplace_back(to_string(i));
  t["indicators"] = describe(indicators);
  t["area"] = f.area;
  t["hv level"] = f.hv_level ? std::string(to_string(*f.hv_level)) : "";
  t["whereabouts unknown since"] =
      f.whereabouts_unknown_since ? std::to_string(*f.whereabouts_unknown_since) : "known";
  t["date of birth"] = f.date_of_birth ? f.date_of_birth->to_string() : "";
  return t;
}

Terms chronology_terms(const std::vector<Event>& events, const pages::ChildFacts& page,
                       const std::string& child, const AgencyFacts& agencies) {
  Terms t;
  std::vector<std::string> involvement;
  for (const OpenInvolvement& i : open_involvement(events, child, agencies)) {
    involvement.push_back(i.agency + " " + std::string(to_string(i.kind)) + " since " +
                          i.since.date.to_string());
  }
  std::sort(involvement.begin(), involvement.end());
  t["involvement"] = describe(involvement);
  t["indicators"] = describe(pages::active_indicator_codes(page));
  t["area"] = child_area(events, child, agencies);
  t["hv level"] = page.hv_level;
  t["whereabouts unknown since"] =
      page.whereabouts_unknown_since.empty()
          ? "known"
          : std::to_string(Timestamp::parse(page.whereabouts_unknown_since)->instant());
  const std::optional<Date> dob = date_of_birth(events, child);
  t["date of birth"] = dob ? dob->to_string() : "";
  return t;
}

// The API summary's "terms" (web/child_terms_json.h) in the same form.
Terms api_terms(const nlohmann::json& j) {
  Terms t;
  std::vector<std::string> involvement;
  for (const auto& i : j["involvement"]) {
    involvement.push_back(i["agency"].get<std::string>() + " " + i["kind"].get<std::string>() +
                          " since " + i["since"].get<std::string>().substr(0, 10));
  }
  std::sort(involvement.begin(), involvement.end());
  t["involvement"] = describe(involvement);
  std::set<std::string> active;
  for (const auto& [domain, list] : j["indicators"].items()) {
    for (const auto& i : list) active.insert(i["indicator"].get<std::string>());
  }
  std::vector<std::string> indicators;
  for (const std::string_view name : names_of<Indicator>()) {
    if (active.contains(std::string(name))) indicators.emplace_back(name);
  }
  t["indicators"] = describe(indicators);
  t["area"] = j["area"].is_null() ? "" : j["area"].get<std::string>();
  t["hv level"] = j["hv_level"].is_null() ? "" : j["hv_level"].get<std::string>();
  t["whereabouts unknown since"] =
      j["whereabouts_unknown_since"].is_null()
          ? "known"
          : std::to_string(
                Timestamp::parse(j["whereabouts_unknown_since"].get<std::string>())->instant());
  t["date of birth"] = j["date_of_birth"].is_null() ? "" : j["date_of_birth"].get<std::string>();
  t["last seen"] =
      j["last_seen"].is_null()
          ? "never"
          : std::to_string(Timestamp::parse(j["last_seen"]["at"].get<std::string>())->instant()) +
                " by " + j["last_seen"]["by"].get<std::string>();
  return t;
}

class ChildTermsProperty : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(ChildTermsProperty, TheChildPageTheApiSummaryAndTheEngineAgreeOnEveryTermAtEveryDate) {
  const TempDir dir;
  const std::string feed_path = dir.file("synth.jsonl");
  {
    std::ofstream feed(feed_path, std::ios::binary);
    synth::Options options;
    options.children = kChildren;
    options.seed = GetParam();
    synth::generate(options, [&](std::string_view chunk) { feed << chunk; });
  }
  // The children (every one a pregnancy booked), and the feed's last day.
  std::vector<std::string> children;
  Date last_day;
  {
    std::ifstream feed(feed_path);
    for_each_event(feed, [&](const Event& e, const std::string&) {
      last_day = std::max(last_day, e.recorded.date);
      if (e.type == EventType::kPregnancy) children.push_back(e.as<PregnancyEvent>().child);
    });
  }
  ASSERT_EQ(children.size(), static_cast<std::size_t>(kChildren));

  const auto store = open_sqlite_store(dir.file("sightline.db"));
  {
    std::ifstream feed(feed_path, std::ios::binary);
    ASSERT_TRUE(import_feed(*store, feed, "synth", {}).committed);
  }
  const StoreAgencies agencies(store->agencies());

  // Dates while the population is young, grown, and at the end of the feed.
  const Date start = synth::Options().start;
  const std::int32_t span = start.days_until(last_day);
  std::map<std::string, std::int64_t> disagreements_by_term;
  std::vector<std::string> first_disagreements;
  std::map<std::string, std::set<std::string>> values_seen;  // to show the mix is wide
  std::int64_t compared = 0;
  for (const Date on : {start.plus_days(span / 4), start.plus_days(span / 2), last_day}) {
    safeguards::ReplayOptions options;
    options.until = on;
    const safeguards::ReplayResult replay =
        safeguards::replay_file(feed_path, safeguards::SafeguardsConfig(), options,
                                [](const Fault& f) { FAIL() << f.to_string(); });
    ASSERT_TRUE(replay.ok());
    const Timestamp now = replay.engine->now();
    for (const std::string& child : children) {
      const auto engine = replay.engine->facts(child);
      if (!engine) continue;  // not booked yet
      ++compared;
      const std::vector<ChronologyEntry> stored = store->chronology(child, now);
      std::string entries;
      web::append_chronology_entries(entries, stored);
      const nlohmann::json json = nlohmann::json::parse(entries);
      const std::vector<Event> events = pages::typed_events(json);
      const pages::ChildFacts page = pages::derive_child_facts(json, child, now, agencies);
      Terms held = engine_terms(*engine);
      Terms shown = chronology_terms(events, page, child, agencies);
      // Last seen: the same instant, by one of the agencies that saw the child then.
      shown["last seen"] = page.last_seen
                               ? std::to_string(Timestamp::parse(page.last_seen->at)->instant()) +
                                     " by " + page.last_seen->by
                               : "never";
      held["last seen"] = "never";
      if (engine->last_seen) {
        const auto& by = engine->last_seen->by;
        const bool page_by_saw =
            page.last_seen && std::find(by.begin(), by.end(), page.last_seen->by) != by.end();
        held["last seen"] = std::to_string(engine->last_seen->instant) + " by " +
                            (page_by_saw ? page.last_seen->by : describe(by));
      }
      const Terms api = api_terms(web::child_terms_json(stored, child, now, agencies));
      for (const auto& [term, value] : held) {
        values_seen[term].insert(value);
        for (const auto& [who, view] :
             {std::pair{"the page", &std::as_const(shown)}, std::pair{"the API", &api}}) {
          if (view->at(term) == value) continue;
          if (++disagreements_by_term[std::string(who) + ", " + term] <= 3) {
            first_disagreements.push_back(on.to_string() + " " + child + " " + term + ": " + who +
                                          " says " + view->at(term) + ", the engine " + value);
          }
        }
      }
    }
  }
  std::string report;
  for (const auto& [term, n] : disagreements_by_term) {
    report += term + ": " + std::to_string(n) + " children; ";
  }
  for (const std::string& d : first_disagreements) report += "\n  " + d;
  EXPECT_TRUE(disagreements_by_term.empty()) << report;
  // Most children at most dates, and every term with more than one value.
  EXPECT_GT(compared, 2 * kChildren);
  for (const auto& [term, values] : values_seen) EXPECT_GE(values.size(), 2u) << term;
}

INSTANTIATE_TEST_SUITE_P(TwoSeeds, ChildTermsProperty, ::testing::Values(7u, 11u));

}  // namespace
}  // namespace sightline::testing
