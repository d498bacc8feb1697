// `sightline replay`, run as a user would: output formats, order, refusals.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../support/command_run.h"
#include "../support/test_support.h"

namespace sightline {
namespace {

using ReplayRun = testing::CommandRun;

ReplayRun replay(std::vector<std::string> args) {
  args.insert(args.begin(), "replay");
  return testing::run_command(SIGHTLINE_BINARY, args);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST(ReplayCli, JsonHasTheCatalogueFieldsInOrderAndAlertsInOrder) {
  const ReplayRun r = replay({testing::scenario("sofia.jsonl").string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> expected_keys{"rule",        "child",   "owner",       "raised",
                                               "due",         "level",   "escalations", "resolved",
                                               "resolved_by", "finding", "source"};
  std::string last_raised, last_rule;
  const auto all = lines(r.out);
  ASSERT_GT(all.size(), 20u);
  for (const std::string& line : all) {
    const auto j = nlohmann::ordered_json::parse(line);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    ASSERT_GE(keys.size(), expected_keys.size()) << line;
    EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 11), expected_keys) << line;
    const std::string raised = j["raised"], rule = j["rule"];
    EXPECT_TRUE(last_raised < raised || (last_raised == raised && last_rule <= rule)) << line;
    last_raised = raised;
    last_rule = rule;
  }
}

TEST(ReplayCli, TableByDefaultAndSilentForAWellServedChild) {
  const ReplayRun r = replay({testing::scenario("well-served.jsonl").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 alerts"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("notice to ws-luton-hv"), std::string::npos) << r.out;
}

TEST(ReplayCli, AFaultyFeedPrintsEveryFaultAndNoAlert) {
  const std::string feed = testing::test_data("feeds/faults.jsonl").string();
  const ReplayRun r = replay({feed, "--json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(feed + ": line "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was replayed"), std::string::npos) << r.err;
}

TEST(ReplayCli, BadConfigurationIsRefusedNamingTheKey) {
  testing::TempDir dir;
  std::ofstream(dir.file("bad.json"))
      << R"({"areas":{"E09000009":{"child-not-seen":{"protection_working_days":-2}}}})";
  const ReplayRun r =
      replay({testing::scenario("sofia.jsonl").string(), "--config", dir.file("bad.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("areas.E09000009.child-not-seen.protection_working_days"), std::string::npos)
      << r.err;
}

TEST(ReplayCli, ConfigurationChangesTheDeadlines) {
  testing::TempDir dir;
  std::ofstream(dir.file("ealing.json"))
      << R"({"areas":{"E09000009":{"strategy-review-missing":{"working_days":10}}}})";
  const ReplayRun r = replay(
      {testing::scenario("sofia.jsonl").string(), "--json", "--config", dir.file("ealing.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Fri 2012-12-07 + 10 WD = Fri 2012-12-21 (5 WD would be 12-14).
  EXPECT_NE(
      r.out.find(
          R"("rule":"strategy-review-missing","child":"sofia","owner":"ealing-csc","raised":"2012-12-22","due":"2012-12-21")"),
      std::string::npos)
      << r.out;
}

TEST(ReplayCli, UntilMustBeADate) {
  const ReplayRun r = replay({testing::scenario("sofia.jsonl").string(), "--until", "soon"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--until"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sightline
