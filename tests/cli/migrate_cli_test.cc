// `sightline migrate`, run as a user would, and a store made by Sightline
// before its schema had migrations (tests/data/stores/v1-sofia.db), read by
// today's commands as if the feed had just been imported.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
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

using MigrateRun = testing::CommandRun;

MigrateRun run(const std::vector<std::string>& args) {
  return testing::run_command(SIGHTLINE_BINARY, args);
}

// The chronology's lines with each safeguard notice's wording left out: a
// notice is kept as it was sent, so a store made before the engine reworded
// a notice keeps the old words, where a fresh import has the new.
std::string without_notice_wording(const std::string& chronology) {
  std::istringstream lines(chronology);
  std::string out;
  for (std::string line; std::getline(lines, line);) {
    nlohmann::ordered_json entry = nlohmann::ordered_json::parse(line);
    if (entry.value("type", "") == "notice") entry["fields"].erase("text");
    out += entry.dump() + "\n";
  }
  return out;
}

void exec_on(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  sqlite3_close(db);
}

// The newest schema version this binary knows, as `migrate` reports it for a
// store it has just made.
int newest_version() {
  TempDir dir;
  const MigrateRun made = run(
      {"import", scenario("sofia.jsonl").string(), "--db", dir.file("s.db"), "--no-safeguards"});
  EXPECT_EQ(made.exit_code, 0) << made.err;
  const MigrateRun r = run({"migrate", "--db", dir.file("s.db")});
  const std::string prefix = dir.file("s.db") + ": schema version ";
  EXPECT_EQ(r.out.rfind(prefix, 0), 0u) << r.out;
  return std::stoi(r.out.substr(prefix.size()));
}

class Version1Store : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::copy_file(test_data("stores/v1-sofia.db"), migrated());
    // Imported as the fixture was, safeguards and their notices included.
    const MigrateRun fresh = run({"import", scenario("sofia.jsonl").string(), "--db", fresh_db()});
    ASSERT_EQ(fresh.exit_code, 0) << fresh.err;
  }
  std::string migrated() const { return dir_.file("v1-copy.db"); }
  std::string fresh_db() const { return dir_.file("fresh.db"); }
  TempDir dir_;
};

TEST_F(Version1Store, MigratesToTheNewestVersion) {
  const MigrateRun r = run({"migrate", "--db", migrated()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const int newest = newest_version();
  if (newest == 1) {
    EXPECT_EQ(r.out, migrated() + ": schema version 1, up to date\n");
  } else {
    std::string applied;
    for (int v = 2; v <= newest; ++v) applied += (v == 2 ? "" : ", ") + std::to_string(v);
    EXPECT_EQ(r.out.rfind(migrated() + ": migrated from schema version 1 to " +
                              std::to_string(newest) + ": applied " + applied + "\n",
                          0),
              0u)
        << r.out;
  }
  const MigrateRun again = run({"migrate", "--db", migrated()});
  EXPECT_EQ(again.out,
            migrated() + ": schema version " + std::to_string(newest) + ", up to date\n");
}

TEST_F(Version1Store, GivesTheSameChronologiesAsTheFeedFreshlyImported) {
  ASSERT_EQ(run({"migrate", "--db", migrated()}).exit_code, 0);
  for (const char* person : {"sofia", "mother", "father"}) {
    for (const std::vector<std::string>& when :
         {std::vector<std::string>{}, std::vector<std::string>{"--as-known-at", "2012-12-31"}}) {
      std::vector<std::string> args = {"chronology", person, "--json"};
      args.insert(args.end(), when.begin(), when.end());
      args.insert(args.end(), {"--db", fresh_db()});
      const MigrateRun expected = run(args);
      args.back() = migrated();
      const MigrateRun got = run(args);
      ASSERT_EQ(expected.exit_code, 0) << expected.err;
      ASSERT_EQ(got.exit_code, 0) << got.err;
      ASSERT_FALSE(expected.out.empty()) << person;
      EXPECT_EQ(without_notice_wording(got.out), without_notice_wording(expected.out))
          << person << (when.empty() ? "" : " as known at 2012-12-31");
    }
  }
}

TEST_F(Version1Store, GivesTheSameAlertsAsTheFeedFreshlyImported) {
  ASSERT_EQ(run({"migrate", "--db", migrated()}).exit_code, 0);
  for (const char* day : {"2012-12-31", "2013-06-30", "2013-12-31"}) {
    const MigrateRun expected = run({"alerts", "--db", fresh_db(), "--as-of", day, "--json"});
    const MigrateRun got = run({"alerts", "--db", migrated(), "--as-of", day, "--json"});
    ASSERT_EQ(expected.exit_code, 0) << expected.err;
    ASSERT_EQ(got.exit_code, 0) << got.err;
    ASSERT_FALSE(expected.out.empty()) << day;
    EXPECT_EQ(got.out, expected.out) << day;
  }
  // As of now: the alerts each store saved when it was imported, brought up to date.
  const MigrateRun expected = run({"alerts", "--db", fresh_db(), "--json"});
  const MigrateRun got = run({"alerts", "--db", migrated(), "--json"});
  ASSERT_EQ(got.exit_code, 0) << got.err;
  ASSERT_FALSE(expected.out.empty());
  EXPECT_EQ(got.out, expected.out);
}

TEST(MigrateCli, AnUpToDateStoreIsLeftByteForByteAsItWas) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  ASSERT_EQ(run({"import", scenario("sofia.jsonl").string(), "--db", db}).exit_code, 0);
  const std::string before = read_file(db);
  const MigrateRun r = run({"migrate", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(db + ": schema version "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(", up to date"), std::string::npos) << r.out;
  EXPECT_EQ(read_file(db), before);
}

TEST(MigrateCli, AnEmptyFileBecomesAStoreOfTheNewestVersion) {
  TempDir dir;
  const std::string db = dir.file("empty.db");
  { std::ofstream touch(db); }
  const MigrateRun r = run({"migrate", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind(db + ": migrated from schema version 0 to ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("applied 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  1  the first schema"), std::string::npos) << r.out;
}

TEST(MigrateCli, AStoreNewerThanTheBinaryIsRefusedNamingFileAndVersions) {
  TempDir dir;
  const std::string db = dir.file("newer.db");
  ASSERT_EQ(
      run({"import", scenario("sofia.jsonl").string(), "--db", db, "--no-safeguards"}).exit_code,
      0);
  const int newest = newest_version();
  const int newer = newest + 1;
  const std::string bump =
      "UPDATE meta SET value = '" + std::to_string(newer) + "' WHERE key = 'schema_version'";
  exec_on(db, bump);
  const std::string before = read_file(db);
  const std::string says = db + ": the store has schema version " + std::to_string(newer) +
                           ", newer than this Sightline knows (up to version " +
                           std::to_string(newest) + ")";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"migrate", "--db", db},
        std::vector<std::string>{"chronology", "sofia", "--db", db},
        std::vector<std::string>{"import", scenario("sofia.jsonl").string(), "--db", db}}) {
    const MigrateRun r = run(args);
    EXPECT_EQ(r.exit_code, 1) << args[0];
    EXPECT_NE(r.err.find(says), std::string::npos) << args[0] << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << args[0] << ": " << r.out;
  }
  EXPECT_EQ(read_file(db), before);
}

TEST(MigrateCli, NeedsAnExistingDatabase) {
  TempDir dir;
  const MigrateRun r = run({"migrate", "--db", dir.file("absent.db")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no database at " + dir.file("absent.db")), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("absent.db")));
  const MigrateRun usage = run({"migrate"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_NE(usage.err.find("--db is required"), std::string::npos) << usage.err;
  const MigrateRun help = run({"migrate", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_EQ(help.out.rfind("Usage: sightline migrate --db PATH\n", 0), 0u) << help.out;
}

}  // namespace
}  // namespace sightline
