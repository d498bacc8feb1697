// Every trigger a rule sees ends in a duty or in a documented reason (issue:
// "safeguards that never stop silently"). The ledger's own bookkeeping, then
// the property over whole populations: the synthetic population and the
// scenarios replay with no silent trigger, and every reason a rule gave is
// written in docs/safeguards-readings.md.
#include "safeguards/trigger_ledger.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>

#include "safeguards/catalogue.h"
#include "safeguards/replay.h"
#include "safeguards/rule.h"
#include "support/test_support.h"
#include "synth/synth.h"

namespace sightline::safeguards {
namespace {

TEST(TriggerLedgerTest, ADutyOrAReasonSettlesATrigger) {
  TriggerLedger ledger;
  ledger.reset(3);
  ledger.triggered(0, 7);
  ledger.settled_by_duty(0, 7);
  ledger.triggered(1, 7);
  ledger.settled_without_duty(1, 7, NoDutyReason::kOccurrenceOpen);
  ledger.end_step([] { return std::string("line 1"); });
  EXPECT_EQ(ledger.tallies()[0].triggers, 1u);
  EXPECT_EQ(ledger.tallies()[0].duties, 1u);
  EXPECT_EQ(ledger.tallies()[1].without_duty[static_cast<int>(NoDutyReason::kOccurrenceOpen)], 1u);
  EXPECT_EQ(ledger.tallies()[0].silent + ledger.tallies()[1].silent, 0u);
  EXPECT_TRUE(ledger.silent().empty());
}

TEST(TriggerLedgerTest, ATriggerLeftUnsettledAtTheEndOfItsStepIsSilent) {
  TriggerLedger ledger;
  ledger.reset(2);
  ledger.triggered(1, 4);
  ledger.triggered(1, 4);        // marked twice in one step: one trigger
  ledger.settled_by_duty(0, 4);  // another rule's duty settles nothing of rule 1
  ledger.end_step([] { return std::string("the event e9"); });
  EXPECT_EQ(ledger.tallies()[1].triggers, 1u);
  EXPECT_EQ(ledger.tallies()[1].silent, 1u);
  ASSERT_EQ(ledger.silent().size(), 1u);
  EXPECT_EQ(ledger.silent()[0].rule, 1);
  EXPECT_EQ(ledger.silent()[0].child, 4u);
  EXPECT_EQ(ledger.silent()[0].where, "the event e9");
  // The next step starts clean: a duty now settles no trigger of the last one.
  ledger.settled_by_duty(1, 4);
  EXPECT_EQ(ledger.tallies()[1].duties, 0u);
}

// "rule: N silent, e.g. child 12 at the event e4; ..." for a test's message.
std::string describe_silent(const TriggerLedger& ledger) {
  std::string out;
  const auto rules = catalogue();
  for (const TriggerLedger::Silent& s : ledger.silent()) {
    out += "\n  " + std::string(rules[s.rule]->info().id) + ": child #" + std::to_string(s.child) +
           " at " + s.where;
  }
  return out;
}

ReplayResult replay(const std::filesystem::path& feed) {
  std::string first_fault;
  ReplayResult r =
      replay_file(feed.string(), SafeguardsConfig(), ReplayOptions{}, [&](const Fault& f) {
        if (first_fault.empty()) first_fault = f.to_string();
      });
  EXPECT_TRUE(r.ok()) << feed << " refused: " << first_fault;
  return r;
}

TEST(TriggerLedgerTest, EveryReasonIsAReadingOfTheCatalogue) {
  const std::string readings =
      testing::read_file(testing::source_dir() / "docs" / "safeguards-readings.md");
  for (std::size_t r = 0; r < kNoDutyReasonCount; ++r) {
    const auto reason = static_cast<NoDutyReason>(r);
    const std::string code = "`" + std::string(to_string(reason)) + "`";
    EXPECT_NE(readings.find(code), std::string::npos)
        << code << " is not explained in docs/safeguards-readings.md";
    EXPECT_NE(std::string(reading_of(reason)), "?") << code;
  }
}

// The property: over a synthetic population of a few thousand children, with
// every profile of failure the generator knows, each trigger of every rule
// ended in a duty or a documented reason, and the rules the population
// exercises did see triggers (the ledger is not merely empty).
TEST(TriggerLedgerTest, ASyntheticPopulationReplaysWithNoSilentTrigger) {
  testing::TempDir dir;
  const auto feed = dir.path() / "population.jsonl";
  {
    std::ofstream out(feed, std::ios::binary);
    synth::Options options;
    options.children = 3000;
    options.seed = 20261207;
    synth::generate(options, [&](std::string_view chunk) { out << chunk; });
  }
  const ReplayResult r = replay(feed);
  ASSERT_TRUE(r.engine);
  const TriggerLedger& ledger = r.engine->triggers();
  const auto rules = catalogue();
  std::uint64_t silent = 0;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& t = ledger.tallies()[i];
    silent += t.silent;
    std::uint64_t without = 0;
    for (std::uint64_t n : t.without_duty) without += n;
    EXPECT_LE(t.duties + without, t.triggers) << rules[i]->info().id;
  }
  EXPECT_EQ(silent, 0u) << describe_silent(ledger);
  // Each rule that raised an alert in this population saw its trigger.
  std::set<std::string, std::less<>> alerted;
  r.engine->for_each_alert([&](const Alert& a) { alerted.insert(a.rule); });
  EXPECT_GE(alerted.size(), 20u);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (alerted.count(rules[i]->info().id) == 0) continue;
    EXPECT_GT(ledger.tallies()[i].triggers, 0u) << rules[i]->info().id << " marks no trigger";
  }
}

TEST(TriggerLedgerTest, TheScenariosReplayWithNoSilentTrigger) {
  for (const char* name : {"sofia.jsonl", "well-served.jsonl"}) {
    const ReplayResult r = replay(testing::scenario(name));
    ASSERT_TRUE(r.engine);
    EXPECT_TRUE(r.engine->triggers().silent().empty())
        << name << describe_silent(r.engine->triggers());
  }
}

}  // namespace
}  // namespace sightline::safeguards
