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

  // A feed long enough that the import is still writing when it is killed.
  const std::string big = dir.file("big.jsonl");
  {
    std::ofstream out(big);
    for (int i = 0; i < 400000; ++i) {
      out << R"({"type":"contact","at":"2013-02-01","by":"hv","persons":["kid"],"mode":"phone","child_seen":false,"outcome":"no_answer","note":"call )"
          << i << "\"}\n";
    }
  }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    execl(SIGHTLINE_BINARY, SIGHTLINE_BINARY, "import", big.c_str(), "--db", db.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until the import has written a good part of its transaction to the
  // write-ahead log, then kill it without warning.
  const std::string wal = db + "-wal";
  int status = 0;
  bool exited = false;
  while (true) {
    std::error_code ec;
    if (std::filesystem::file_size(wal, ec) > 4u << 20) break;
    if (waitpid(child, &status, WNOHANG) == child) {
      exited = true;
      break;
    }
    usleep(1000);
  }
  ASSERT_FALSE(exited) << "the import finished before it could be killed; make the feed longer";
  kill(child, SIGKILL);
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  EXPECT_EQ(query_text(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM events"), 2);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM p_event_persons"), 1);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM imports"), 1);

  // The store is usable: the same feed imports in full afterwards.
  ASSERT_EQ(run_import(big, db), 0);
  EXPECT_EQ(query_int(db, "SELECT count(*) FROM events"), 400002);
}

}  // namespace
}  // namespace sightline
