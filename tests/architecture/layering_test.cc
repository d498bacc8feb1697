// The store is the only place that speaks SQL: no file in src/ outside
// src/store/sqlite/ calls SQLite, includes its headers or holds SQL text, and
// only the command line (src/cli/, which chooses the database) includes the
// SQLite store's headers. Anything else reaches persistent state through the
// interfaces of src/store/, so that another database can stand in, a test can
// fake the store and faults can be injected under it (docs/store.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../support/test_support.h"

namespace sightline {
namespace {

namespace fs = std::filesystem;

// What a line of source may not hold outside the store, and why.
struct Forbidden {
  std::regex pattern;
  const char* what;
};

const std::vector<Forbidden>& forbidden_outside_the_store() {
  static const std::vector<Forbidden> all = {
      {std::regex(R"(sqlite3)"), "calls SQLite"},
      {std::regex(
           R"(\b(SELECT\b.*\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|)"
           R"(CREATE\s+(TABLE|INDEX|UNIQUE\s+INDEX|TRIGGER|VIEW)|DROP\s+(TABLE|INDEX)|)"
           R"(BEGIN\s+(IMMEDIATE|EXCLUSIVE|TRANSACTION)|ROLLBACK|PRAGMA\s+\w+|json_extract)\b)"),
       "holds SQL"},
  };
  return all;
}

const std::regex& sqlite_store_include() {
  static const std::regex r(R"(#\s*include\s+"store/sqlite/)");
  return r;
}

// The problems of one line of `file` (a path relative to src/).
std::vector<std::string> problems_of(const std::string& file, const std::string& line) {
  std::vector<std::string> found;
  if (file.starts_with("store/sqlite/")) return found;
  for (const Forbidden& f : forbidden_outside_the_store()) {
    if (std::regex_search(line, f.pattern)) found.push_back(f.what);
  }
  if (!file.starts_with("cli/") && std::regex_search(line, sqlite_store_include())) {
    found.push_back("includes the SQLite store (only src/cli/ chooses the database)");
  }
  return found;
}

TEST(Layering, TheCheckFindsWhatItLooksFor) {
  struct Case {
    const char* file;
    const char* line;
    bool allowed;
  };
  const Case cases[] = {
      {"web/figures.cc", R"x(  Statement s(db, "SELECT count(*) FROM events");)x", false},
      {"web/audit_log.cc", R"x(db.exec("BEGIN IMMEDIATE");)x", false},
      {"web/x.cc", R"x(  "INSERT OR IGNORE INTO t VALUES (?)")x", false},
      {"web/x.cc", R"(CREATE TABLE IF NOT EXISTS audit (seq INTEGER))", false},
      {"web/x.cc", R"(json_extract(json, '$.to'))", false},
      {"pages/x.cc", R"(#include <sqlite3.h>)", false},
      {"web/x.cc", R"(#include "store/sqlite/sqlite_store.h")", false},
      {"cli/serve_command.cc", R"(#include "store/sqlite/sqlite_store.h")", true},
      {"store/sqlite/sqlite_store.cc", R"x(db.exec("BEGIN IMMEDIATE");)x", true},
      {"store/store.h", R"(// Select the events from the store, then update the view.)", true},
      {"pages/x.cc", R"(out << "Select a child from the list";)", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(problems_of(c.file, c.line).empty(), c.allowed) << c.file << ": " << c.line;
  }
}

TEST(Layering, NothingOutsideTheStoreSpeaksSql) {
  const fs::path src = testing::source_dir() / "src";
  std::vector<std::string> problems;
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cc" && ext != ".h")) continue;
    ++files;
    const std::string file = entry.path().lexically_relative(src).generic_string();
    std::istringstream text(testing::read_file(entry.path()));
    std::string line;
    for (int n = 1; std::getline(text, line); ++n) {
      for (const std::string& p : problems_of(file, line)) {
        problems.push_back("src/" + file + ":" + std::to_string(n) + ": " + p + ": " + line);
      }
    }
  }
  EXPECT_GT(files, 100u) << "the source tree was not found at " << src;
  std::string report;
  for (const std::string& p : problems) report += p + "\n";
  EXPECT_TRUE(problems.empty()) << problems.size() << " places:\n" << report;
}

}  // namespace
}  // namespace sightline
