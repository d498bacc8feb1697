// A large import is written by a background writer, in sets of rows, some of
// them sorted before writing. These tests compare what it stores with the
// feed itself, and with the same feed imported in pieces too small to use the
// writer thread: every line once, in feed order, and the same projections.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <sstream>
#include <string>
#include <vector>

#include "../support/test_support.h"
#include "store/importer.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_store.h"
#include "synth/synth.h"

namespace sightline {
namespace {

using testing::TempDir;

// About 49,000 lines: many sets of rows, and several sorted chunks per table.
const std::string& large_feed() {
  static const std::string feed = [] {
    synth::Options options;
    options.children = 2000;
    options.seed = 7;
    std::string out;
    synth::generate(options, [&](std::string_view chunk) { out += chunk; });
    return out;
  }();
  return feed;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

ImportResult import_text(Store& store, const std::string& text, std::vector<Fault>* faults) {
  std::istringstream in(text);
  ImportCallbacks callbacks;
  callbacks.on_fault = [&](const Fault& f) {
    if (faults) faults->push_back(f);
  };
  return import_feed(store, in, "feed", callbacks);
}

// Every row of `sql`, each as its values joined by '|' (NULL as "<null>").
std::vector<std::string> rows(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
  std::vector<std::string> out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      row += (c ? "|" : "") + (text ? std::string(text) : std::string("<null>"));
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// The tables an import fills, except `imports` (which differs by design).
std::vector<std::string> filled_tables() {
  std::vector<std::string> tables{"event_digests"};
  for (const char* t : sqlite::kProjectionTables) tables.emplace_back(t);
  return tables;
}

TEST(ImportPipeline, StoresEveryLineOnceInFeedOrder) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  const std::vector<std::string> lines = lines_of(large_feed());
  ASSERT_GT(lines.size(), 40000u);
  {
    auto store = open_sqlite_store(db);
    const ImportResult result = import_text(*store, large_feed(), nullptr);
    ASSERT_TRUE(result.committed);
    EXPECT_EQ(result.stored, static_cast<std::int64_t>(lines.size()));
  }
  const auto stored = rows(db, "SELECT seq, line, json FROM events ORDER BY seq");
  ASSERT_EQ(stored.size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    ASSERT_EQ(stored[i], n + "|" + n + "|" + lines[i]) << "event " << n;
  }
  EXPECT_EQ(
      rows(db, "SELECT count(*), count(DISTINCT seq) FROM event_digests"),
      std::vector<std::string>{std::to_string(lines.size()) + "|" + std::to_string(lines.size())});
}

TEST(ImportPipeline, ProjectsAsImportsTooSmallForTheWriterThreadDo) {
  TempDir dir;
  const std::string whole = dir.file("whole.db");
  const std::string pieces = dir.file("pieces.db");
  {
    auto store = open_sqlite_store(whole);
    ASSERT_TRUE(import_text(*store, large_feed(), nullptr).committed);
  }
  {
    // Each piece refers to ids, and events, that earlier pieces stored.
    auto store = open_sqlite_store(pieces);
    const std::vector<std::string> lines = lines_of(large_feed());
    for (std::size_t first = 0; first < lines.size(); first += 1500) {
      std::string piece;
      for (std::size_t i = first; i < std::min(lines.size(), first + 1500); ++i) {
        piece += lines[i] + "\n";
      }
      ASSERT_TRUE(import_text(*store, piece, nullptr).committed) << "piece at line " << first;
    }
  }
  EXPECT_EQ(rows(whole, "SELECT seq, json FROM events ORDER BY seq"),
            rows(pieces, "SELECT seq, json FROM events ORDER BY seq"));
  for (const std::string& table : filled_tables()) {
    const auto expected = rows(pieces, "SELECT * FROM " + table);
    EXPECT_FALSE(expected.empty()) << table;
    EXPECT_EQ(rows(whole, "SELECT * FROM " + table), expected) << table;
  }

  // Rebuilt from the events, the projections are the same rows again.
  std::vector<std::vector<std::string>> before;
  for (const std::string& table : filled_tables())
    before.push_back(rows(whole, "SELECT * FROM " + table));
  open_sqlite_store(whole)->rebuild_projections();
  for (std::size_t t = 0; t < filled_tables().size(); ++t) {
    EXPECT_EQ(rows(whole, "SELECT * FROM " + filled_tables()[t]), before[t]) << filled_tables()[t];
  }
}

TEST(ImportPipeline, AFaultAfterTheWriterStartedStoresNothingAndNamesLineAndField) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  std::vector<std::string> lines = lines_of(large_feed());
  const std::size_t bad = lines.size() - 100;  // long after the writer began
  const std::size_t at = lines[bad].find("\"at\":\"");
  ASSERT_NE(at, std::string::npos);
  lines[bad].replace(at + 6, 4, "20x3");
  std::string feed;
  for (const std::string& line : lines) feed += line + "\n";

  auto store = open_sqlite_store(db);
  std::vector<Fault> faults;
  const ImportResult result = import_text(*store, feed, &faults);
  EXPECT_FALSE(result.committed);
  EXPECT_EQ(result.faulty_lines, 1);
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].line, static_cast<std::int64_t>(bad + 1));
  EXPECT_EQ(faults[0].field, "at");
  EXPECT_EQ(store->counts().events, 0);

  // Nothing was left half-written: the feed, corrected, imports in full.
  ASSERT_TRUE(import_text(*store, large_feed(), nullptr).committed);
  EXPECT_EQ(store->counts().events, static_cast<std::int64_t>(lines.size()));
}

// SQLite's page cache is one region the kernel may back with huge pages
// (sqlite_handle.cc): an import's pages come from it, not from the heap.
TEST(ImportPipeline, TakesItsCachePagesFromThePageCacheRegion) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_text(*store, large_feed(), nullptr).committed);
  int current = 0;
  int highest = 0;
  ASSERT_EQ(sqlite3_status(SQLITE_STATUS_PAGECACHE_USED, &current, &highest, 0), SQLITE_OK);
  EXPECT_GT(highest, 100);
}

}  // namespace
}  // namespace sightline
