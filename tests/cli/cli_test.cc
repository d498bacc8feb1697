// Runs the real `sightline` binary as a user would, on real SQLite files.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../support/command_run.h"
#include "../support/test_support.h"

namespace sightline {
namespace {

using testing::read_file;
using testing::scenario;
using testing::TempDir;
using testing::test_data;

using testing::CommandRun;

CommandRun sightline(const std::vector<std::string>& args) {
  return testing::run_command(SIGHTLINE_BINARY, args);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class SofiaImported : public ::testing::Test {
 protected:
  void SetUp() override {
    const CommandRun r = sightline({"import", scenario("sofia.jsonl").string(), "--db", db()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string db() const { return dir_.file("sofia.db"); }
  TempDir dir_;
};

TEST(Cli, HelpListsTheCommands) {
  const CommandRun r = sightline({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("import"), std::string::npos);
  EXPECT_NE(r.out.find("chronology"), std::string::npos);
  const CommandRun import_help = sightline({"import", "--help"});
  EXPECT_EQ(import_help.exit_code, 0);
  EXPECT_NE(import_help.out.find("Usage: sightline import FILE --db PATH"), std::string::npos);
  const CommandRun chronology_help = sightline({"help", "chronology"});
  EXPECT_NE(chronology_help.out.find("--as-known-at"), std::string::npos);
}

TEST(Cli, BadUsageExitsWithTwoAndSaysWhy) {
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{}, "Usage"},
      {{"frobnicate"}, "unknown command \"frobnicate\""},
      {{"import", "feed.jsonl"}, "--db is required"},
      {{"import", "--db", "x.db"}, "missing argument"},
      {{"import", "a", "b", "--db", "x.db"}, "unexpected argument \"b\""},
      {{"chronology", "sofia", "--db", "x.db", "--colour"}, "unknown option --colour"},
      {{"chronology", "sofia", "--db"}, "--db needs a value"},
      {{"chronology", "sofia", "--db", "x.db", "--as-known-at", "2012-13-01"},
       "--as-known-at: expected a date"},
  };
  for (const Case& c : cases) {
    const CommandRun r = sightline(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.says;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
  }
}

TEST(Cli, ImportPrintsCountsPerType) {
  TempDir dir;
  const CommandRun r = sightline(
      {"import", test_data("feeds/store-family.jsonl").string(), "--db", dir.file("s.db")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("13 events stored"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("agency                         3"), std::string::npos) << r.out;
  const CommandRun again = sightline(
      {"import", test_data("feeds/store-family.jsonl").string(), "--db", dir.file("s.db")});
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("0 events stored, 13 already stored"), std::string::npos) << again.out;
}

TEST(Cli, ImportWithoutSafeguardsLeavesAlertsToTheAlertsCommand) {
  TempDir dir;
  const CommandRun r = sightline(
      {"import", scenario("sofia.jsonl").string(), "--db", dir.file("s.db"), "--no-safeguards"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Safeguards as of"), std::string::npos) << r.out;
  const CommandRun alerts = sightline({"alerts", "--db", dir.file("s.db"), "--json"});
  ASSERT_EQ(alerts.exit_code, 0) << alerts.err;
  EXPECT_GT(lines_of(alerts.out).size(), 10u);
}

TEST(Cli, SynthSaysHowToFitMoreChildren) {
  TempDir dir;
  const CommandRun refused =
      sightline({"synth", "--children", "1000000", "--seed", "1", "--out", dir.file("f.jsonl")});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--per-day"), std::string::npos) << refused.err;
  const CommandRun zero = sightline({"synth", "--children", "10", "--seed", "1", "--per-day", "0"});
  EXPECT_EQ(zero.exit_code, 2);
  const CommandRun small = sightline({"synth", "--children", "20", "--seed", "1", "--per-day", "64",
                                      "--out", dir.file("g.jsonl")});
  ASSERT_EQ(small.exit_code, 0) << small.err;
  const CommandRun valid = sightline({"import", dir.file("g.jsonl"), "--db", dir.file("g.db")});
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
}

TEST(Cli, FaultyFeedIsRefusedWholeNamingEachLine) {
  TempDir dir;
  const std::string feed = test_data("feeds/store-faulty.jsonl").string();
  const CommandRun r = sightline({"import", feed, "--db", dir.file("s.db")});
  EXPECT_EQ(r.exit_code, 1);
  for (const char* expected : {": line 3: contact.mode:", ": line 4: referral_outcome.referral:",
                               ": line 6: recorded:", "nothing was stored"}) {
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  }
  EXPECT_EQ(r.err.find("line 1:"), std::string::npos);
  EXPECT_EQ(r.err.find("line 5:"), std::string::npos);
  const CommandRun chronology = sightline({"chronology", "kid", "--db", dir.file("s.db")});
  EXPECT_EQ(chronology.exit_code, 1);
  EXPECT_NE(chronology.err.find("no person \"kid\""), std::string::npos);
}

TEST(Cli, MissingFilesAreClearErrors) {
  TempDir dir;
  const CommandRun import = sightline({"import", dir.file("nope.jsonl"), "--db", dir.file("s.db")});
  EXPECT_EQ(import.exit_code, 1);
  EXPECT_NE(import.err.find("cannot read"), std::string::npos);
  const CommandRun chronology = sightline({"chronology", "sofia", "--db", dir.file("absent.db")});
  EXPECT_EQ(chronology.exit_code, 1);
  EXPECT_NE(chronology.err.find("no database at"), std::string::npos);
}

TEST_F(SofiaImported, ChronologyTellsTheReviewsStoryInOrder) {
  const CommandRun r = sightline({"chronology", "sofia", "--db", db()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Integrated chronology of Sofia"), std::string::npos);
  // Milestones of the review, each after the one before.
  const std::vector<std::string> milestones = {
      "pregnancy", "referral ", "birth ",      "registration", "strategy_discussion",
      "medical ",  "transfer ", "case_closed", "claim ",       "records_transfer",
      "death "};
  std::size_t from = 0;
  for (const std::string& m : milestones) {
    const auto at = r.out.find("  " + m, from);
    ASSERT_NE(at, std::string::npos) << m << " missing or out of order";
    from = at;
  }
}

TEST_F(SofiaImported, AsKnownAtTheEndOf2012ShowsNothingRecordedIn2013) {
  const CommandRun all = sightline({"chronology", "sofia", "--db", db(), "--json"});
  const CommandRun known =
      sightline({"chronology", "sofia", "--db", db(), "--json", "--as-known-at", "2012-12-31"});
  ASSERT_EQ(known.exit_code, 0) << known.err;
  const auto all_lines = lines_of(all.out);
  const auto known_lines = lines_of(known.out);
  ASSERT_GT(known_lines.size(), 20u);
  ASSERT_LT(known_lines.size(), all_lines.size());
  std::string last_at;
  for (const std::string& line : known_lines) {
    const auto event = nlohmann::json::parse(line);
    EXPECT_LT(event["recorded"].get<std::string>(), "2013-01-01") << line;
    EXPECT_GE(event["at"].get<std::string>(), last_at) << "out of order: " << line;
    last_at = event["at"].get<std::string>();
  }
  std::size_t recorded_2012 = 0;
  for (const std::string& line : all_lines) {
    if (nlohmann::json::parse(line)["recorded"].get<std::string>() < "2013-01-01") ++recorded_2012;
  }
  EXPECT_EQ(known_lines.size(), recorded_2012);
}

TEST_F(SofiaImported, JsonLinesCarryTypeTimesAgencyAndFields) {
  const CommandRun r = sightline({"chronology", "sofia", "--db", db(), "--json"});
  ASSERT_EQ(r.exit_code, 0);
  bool saw_transfer = false;
  for (const std::string& line : lines_of(r.out)) {
    const auto event = nlohmann::json::parse(line);
    for (const char* key : {"type", "at", "recorded", "by", "fields", "about"}) {
      EXPECT_TRUE(event.contains(key)) << key << " in " << line;
    }
    if (event["type"] == "transfer" && event["fields"]["to"] == "luton-csc") {
      saw_transfer = true;
      EXPECT_EQ(event["fields"]["status"], "welfare_check");
      EXPECT_EQ(event["at"], "2012-12-24");
    }
  }
  EXPECT_TRUE(saw_transfer) << "the Christmas Eve transfer from Ealing to Luton";
}

TEST_F(SofiaImported, StoredAlertsAgreeWithReplayingTheFeed) {
  for (const char* day : {"2012-12-31", "2013-06-30", "2013-12-31"}) {
    const CommandRun stored = sightline({"alerts", "--db", db(), "--as-of", day, "--json"});
    const CommandRun replayed =
        sightline({"replay", scenario("sofia.jsonl").string(), "--until", day, "--json"});
    ASSERT_EQ(stored.exit_code, 0) << stored.err;
    ASSERT_EQ(replayed.exit_code, 0) << replayed.err;
    auto stored_lines = lines_of(stored.out);
    auto replayed_lines = lines_of(replayed.out);
    ASSERT_FALSE(stored_lines.empty()) << day;
    // `alerts` lists open ones first; compare as sets.
    std::sort(stored_lines.begin(), stored_lines.end());
    std::sort(replayed_lines.begin(), replayed_lines.end());
    EXPECT_EQ(stored_lines, replayed_lines) << day;
  }
}

TEST_F(SofiaImported, ImportSavesAlertsOnceHoweverOftenItRuns) {
  const CommandRun first = sightline({"alerts", "--db", db(), "--json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const CommandRun again = sightline({"import", scenario("sofia.jsonl").string(), "--db", db()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 events stored, 132 already stored"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("Safeguards as of"), std::string::npos) << again.out;
  const CommandRun second = sightline({"alerts", "--db", db(), "--json"});
  EXPECT_EQ(second.out, first.out);
  // One row per occurrence in the store, open alerts listed first.
  const auto lines = lines_of(second.out);
  std::set<std::string> unique(lines.begin(), lines.end());
  EXPECT_EQ(unique.size(), lines.size());
  bool seen_resolved = false;
  for (const std::string& line : lines) {
    const bool open = nlohmann::json::parse(line)["resolved"].is_null();
    EXPECT_FALSE(open && seen_resolved) << "an open alert after a resolved one: " << line;
    seen_resolved = seen_resolved || !open;
  }
}

TEST_F(SofiaImported, AlertsTableNamesRuleOwnerAndLevel) {
  const CommandRun r = sightline({"alerts", "--db", db(), "--as-of", "2013-01-31"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* expected : {"transfer-child-not-seen", "luton-csc", "closure-before-seen",
                               "strategy-discussion-incomplete", "partnership"}) {
    EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
  }
  const CommandRun bad = sightline({"alerts", "--db", db(), "--as-of", "yesterday"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--as-of: expected a date"), std::string::npos);
}

TEST(Cli, ReplayByFindingShowsEveryFindingOfTheReview) {
  const CommandRun r = sightline(
      {"replay", scenario("sofia.jsonl").string(), "--by-finding", "--until", "2013-10-13"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* code : {"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8"}) {
    const auto at = r.out.find(std::string(code) + "  ");
    ASSERT_NE(at, std::string::npos) << code;
    const auto next = r.out.find("\n\n", at);
    EXPECT_EQ(r.out.substr(at, next - at).find("(no alert)"), std::string::npos) << code;
  }
  // The day before her death, the alert that she was not being seen had
  // reached the safeguarding partnership and was still open.
  EXPECT_NE(r.out.find("child-not-seen"), std::string::npos);
  EXPECT_NE(r.out.find("partnership"), std::string::npos);
  EXPECT_NE(r.out.find("still open"), std::string::npos);
}

TEST_F(SofiaImported, NoticesSentBySightlineAreOnTheChronology) {
  const CommandRun r = sightline({"chronology", "sofia", "--db", db(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int notices = 0;
  for (const std::string& line : lines_of(r.out)) {
    const auto entry = nlohmann::json::parse(line);
    if (entry["type"] != "notice") continue;
    ++notices;
    // The GP registration of 22 October, read on 26 November: Sightline tells
    // Ealing health visiting at once (finding 3).
    EXPECT_EQ(entry["at"], "2012-11-26");
    EXPECT_EQ(entry["fields"]["to"], "ealing-hv");
    EXPECT_EQ(entry["fields"]["rule"], "hv-new-registration");
  }
  EXPECT_EQ(notices, 1);
  const CommandRun before =
      sightline({"chronology", "sofia", "--db", db(), "--json", "--as-known-at", "2012-11-25"});
  EXPECT_EQ(before.out.find("\"type\":\"notice\""), std::string::npos);
  const CommandRun text = sightline({"chronology", "sofia", "--db", db()});
  EXPECT_NE(text.out.find("Sightline, to Ealing"), std::string::npos) << text.out.substr(0, 2000);
}

TEST_F(SofiaImported, UnknownPersonIsAnError) {
  const CommandRun r = sightline({"chronology", "nobody", "--db", db()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no person \"nobody\""), std::string::npos);
  EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace sightline
