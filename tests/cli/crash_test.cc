// An import killed part-way (a crash, a power cut, kill -9) must leave the
// store exactly as it was before that import began, and usable.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/test_support.h"

namespace sightline {
namespace {

using testing::TempDir;

std::int64_t query_int(const std::string& db_path, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK);
  std::int64_t value = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

std::string query_text(const std::string& db_path, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK);
  std::string value;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

int run_import(const std::string& feed, const std::string& db) {
  const std::string command =
      std::string(SIGHTLINE_BINARY) + " import '" + feed + "' --db '" + db + "' >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A feed long enough that an import is still writing when it is killed.
std::string write_long_feed(const TempDir& dir) {
  const std::string big = dir.file("big.jsonl");
  std::ofstream out(big);
  out << R"({"type":"agency","id":"hv","at":"2013-01-01","name":"HV","kind":"health_visiting","area":"E09000009"})"
      << "\n"
      << R"({"type":"person","id":"kid","at":"2013-01-01","by":"hv","given":"Kim","family":"Doe"})"
      << "\n";
  for (int i = 0; i < 400000; ++i) {
    out << R"({"type":"contact","at":"2013-02-01","by":"hv","persons":["kid"],"mode":"phone","child_seen":false,"outcome":"no_answer","note":"call )"
        << i << "\"}\n";
  }
  return big;
}

// Starts importing `feed` into `db`, waits until `grows` is over 4 MiB (the
// import has written a good part of its transaction), and kills it without
// warning. False when the import finished first.
bool kill_import_part_way(const std::string& feed, const std::string& db,
                          const std::string& grows) {
  const pid_t child = fork();
  if (child < 0) return false;
  if (child == 0) {
    execl(SIGHTLINE_BINARY, SIGHTLINE_BINARY, "import", feed.c_str(), "--db", db.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  while (true) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(grows, ec);  // not there yet: an error
    if (!ec && size > 4u << 20) break;
    if (waitpid(child, &status, WNOHANG) == child) return false;
    usleep(1000);
  }
  kill(child, SIGKILL);
  waitpid(child, &status, 0);
  return WIFSIGNALED(status);
}

TEST(Crash, KilledImportLeavesTheStoreAsItWas) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  const std::string first = dir.file("first.jsonl");
  {
    std::ofstream out(first);
    out << R"({"type":"agency","id":"hv","at":"2013-01-01","name":"HV","kind":"health_visiting","area":"E09000009"})"
        << "\n"
        << R"({"type":"person","id":"kid","at":"2013-01-01","by":"hv","given":"Kim","family":"Doe"})"
        << "\n";
  }
  ASSERT_EQ(run_import(first, db), 0);

  // Into a store that holds events, the import writes to the write-ahead log.
  const std::string big = write_long_feed(dir);
  ASSERT_TRUE(kill_import_part_way(big, db, db + "-wal"))
      << "the import finished before it could be killed; make the feed longer";

  EXPECT_EQ(query_text(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM events"), 2);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM p_event_persons"), 1);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM imports"), 1);

  // The store is usable: the same feed imports in full afterwards (its first
  // two lines are already stored).
  ASSERT_EQ(run_import(big, db), 0);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM events"), 400002);
}

// Into an empty store the import writes the database file itself, through a
// rollback journal: killed part-way, the store must come back empty, and in
// the write-ahead log mode it is served in once an import completes.
TEST(Crash, KilledImportIntoAnEmptyStoreLeavesItEmpty) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  const std::string big = write_long_feed(dir);
  ASSERT_TRUE(kill_import_part_way(big, db, db))
      << "the import finished before it could be killed; make the feed longer";

  EXPECT_EQ(query_text(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM events"), 0);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM p_event_persons"), 0);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM imports"), 0);

  ASSERT_EQ(run_import(big, db), 0);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM events"), 400002);
  EXPECT_EQ(query_text(db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query_text(db, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace sightline
