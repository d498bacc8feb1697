// A property over synthetic populations: for every child, the last sighting
// the child's page gives (from the chronology as the API writes it) is the
// one the safeguards engine holds at the end of the feed, to the second, and
// by an agency that saw the child then (catalogue "seen", C5).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "../support/feed_events.h"
#include "../support/test_support.h"
#include "feed/parser.h"
#include "pages/child_facts.h"
#include "safeguards/replay.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_store.h"
#include "synth/synth.h"
#include "web/chronology_json.h"

namespace sightline::testing {
namespace {

constexpr std::int64_t kChildren = 2500;

class LastSeenProperty : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(LastSeenProperty, TheChildPageAndTheEngineAgreeOnEveryChildsLastSighting) {
  const TempDir dir;
  const std::string feed_path = dir.file("synth.jsonl");
  {
    std::ofstream feed(feed_path, std::ios::binary);
    synth::Options options;
    options.children = kChildren;
    options.seed = GetParam();
    synth::generate(options, [&](std::string_view chunk) { feed << chunk; });
  }

  // The engine, from the feed.
  const safeguards::ReplayResult replay =
      safeguards::replay_file(feed_path, safeguards::SafeguardsConfig(), {},
                              [](const Fault& f) { FAIL() << f.to_string(); });
  ASSERT_TRUE(replay.ok());

  // The children: every one a pregnancy booked.
  std::vector<std::string> children;
  {
    std::ifstream feed(feed_path);
    for_each_event(feed, [&](const Event& e, const std::string&) {
      if (e.type == EventType::kPregnancy) children.push_back(e.as<PregnancyEvent>().child);
    });
  }
  ASSERT_EQ(children.size(), static_cast<std::size_t>(kChildren));

  // The pages, from the store.
  const auto store = open_sqlite_store(dir.file("sightline.db"));
  {
    std::ifstream feed(feed_path, std::ios::binary);
    ASSERT_TRUE(import_feed(*store, feed, "synth", {}).committed);
  }
  std::set<std::string> kinds_seen;  // how the children were last seen, to show the mix is wide
  std::int64_t never_seen = 0;
  std::vector<std::string> disagreements;
  for (const std::string& child : children) {
    std::string entries;
    web::append_chronology_entries(entries, store->chronology(child, std::nullopt));
    const pages::ChildFacts facts =
        pages::derive_child_facts(nlohmann::json::parse(entries), child);
    const auto engine = replay.engine->last_seen(child);
    const std::string page =
        facts.last_seen ? facts.last_seen->at + " by " + facts.last_seen->by : "never";
    std::string held = "never";
    if (engine) {
      held = std::to_string(engine->instant) + " by";
      for (const std::string& by : engine->by) held += " " + by;
    }
    if (!engine) ++never_seen;
    const bool agree =
        facts.last_seen.has_value() == engine.has_value() &&
        (!engine || (Timestamp::parse(facts.last_seen->at)->instant() == engine->instant &&
                     std::find(engine->by.begin(), engine->by.end(), facts.last_seen->by) !=
                         engine->by.end()));
    if (!agree) disagreements.push_back(child + ": the page says " + page + ", the engine " + held);
    if (facts.last_seen) kinds_seen.insert(facts.last_seen->how);
  }
  EXPECT_TRUE(disagreements.empty())
      << disagreements.size() << " children, the first: " << disagreements.front();
  // The population exercises more than contacts: a birth, an attended
  // appointment, a medical...
  EXPECT_GE(kinds_seen.size(), 3u);
  EXPECT_LT(never_seen, kChildren);
}

INSTANTIATE_TEST_SUITE_P(TwoSeeds, LastSeenProperty, ::testing::Values(7u, 11u));

}  // namespace
}  // namespace sightline::testing
