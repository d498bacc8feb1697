// A property over synthetic populations: at every `case_closed` of the feed,
// what the closure form would have warned of (the child's chronology as the
// API writes it, as known just before the closure, through
// chronology/closure_blockers.h) is exactly what the safeguards engine raised
// a `closure-before-seen` alert for, with the same reasons: whereabouts
// unknown, a transfer not accepted with the child seen, an open assessment.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "../support/store_agencies.h"
#include "../support/test_support.h"
#include "chronology/closure_blockers.h"
#include "pages/chronology_events.h"
#include "safeguards/replay.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_store.h"
#include "synth/synth.h"
#include "web/chronology_json.h"

namespace sightline::testing {
namespace {

constexpr std::int64_t kChildren = 2000;

// A closure that was a fault: child, closing agency, day raised, and why.
using Fault = std::tuple<std::string, std::string, std::string, std::vector<std::string>>;

class ClosureBlockersProperty : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(ClosureBlockersProperty, TheClosureFormWarnsOfExactlyWhatClosureBeforeSeenRaises) {
  const TempDir dir;
  const std::string feed_path = dir.file("synth.jsonl");
  {
    std::ofstream feed(feed_path, std::ios::binary);
    synth::Options options;
    options.children = kChildren;
    options.seed = GetParam();
    synth::generate(options, [&](std::string_view chunk) { feed << chunk; });
  }
  const safeguards::ReplayResult replay =
      safeguards::replay_file(feed_path, safeguards::SafeguardsConfig(), {},
                              [](const sightline::Fault& f) { FAIL() << f.to_string(); });
  ASSERT_TRUE(replay.ok());
  std::multiset<Fault> engine;
  for (const safeguards::Alert& a : replay.engine->alerts()) {
    if (a.rule == "closure-before-seen") {
      engine.emplace(a.child, a.owner, a.raised.to_string(), a.reasons);
    }
  }

  const auto store = open_sqlite_store(dir.file("sightline.db"));
  {
    std::ifstream feed(feed_path, std::ios::binary);
    ASSERT_TRUE(import_feed(*store, feed, "synth", {}).committed);
  }
  const StoreAgencies agencies(store->agencies());
  std::set<std::string> closed;  // children with a closure
  {
    std::ifstream feed(feed_path);
    std::string line;
    while (std::getline(feed, line)) {
      const auto j = nlohmann::json::parse(line);
      if (j.value("type", "") == "case_closed") closed.insert(j.value("child", ""));
    }
  }
  std::multiset<Fault> form;
  std::int64_t closures = 0;
  std::set<std::string> reasons_seen;
  for (const std::string& child : closed) {
    std::string entries;
    web::append_chronology_entries(entries, store->chronology(child, std::nullopt));
    const std::vector<Event> events = pages::typed_events(nlohmann::json::parse(entries));
    for (const Event& e : events) {
      if (e.type != EventType::kCaseClosed || e.as<CaseClosedEvent>().child != child) continue;
      ++closures;
      // What had been learnt when the closure was: the engine's replay order.
      std::vector<Event> known;
      for (const Event& k : events) {
        const auto r = k.recorded.instant(), at = e.recorded.instant();
        if (r < at || (r == at && k.line <= e.line)) known.push_back(k);
      }
      const ClosureBlockers b =
          closure_blockers(known, child, e.as<CaseClosedEvent>().agency, agencies);
      if (!b.any()) continue;
      for (const std::string& r : b.reasons()) reasons_seen.insert(r.substr(0, 12));
      form.emplace(child, e.as<CaseClosedEvent>().agency, e.recorded.date.to_string(), b.reasons());
    }
  }
  std::vector<std::string> disagreements;
  const auto describe = [](const Fault& f) {
    std::string out = std::get<0>(f) + " closed by " + std::get<1>(f) + " on " + std::get<2>(f);
    for (const std::string& r : std::get<3>(f)) out += "; " + r;
    return out;
  };
  for (const Fault& f : engine) {
    if (form.count(f) != engine.count(f)) disagreements.push_back("the engine: " + describe(f));
  }
  for (const Fault& f : form) {
    if (form.count(f) != engine.count(f)) disagreements.push_back("the form: " + describe(f));
  }
  EXPECT_TRUE(disagreements.empty()) << disagreements.size() << " disagreements of " << closures
                                     << " closures, the first: " << disagreements.front();
  // The population exercises the rule: faults, and more than one reason.
  EXPECT_GT(engine.size(), 10u);
  EXPECT_GT(closures, static_cast<std::int64_t>(engine.size()));
  EXPECT_GE(reasons_seen.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(TwoSeeds, ClosureBlockersProperty, ::testing::Values(7u, 11u));

}  // namespace
}  // namespace sightline::testing
