// The store's schema is a numbered list of migrations, applied when a store
// is opened; a store made before migrations existed is at version 1 and reads
// the same; a store newer than this Sightline is refused untouched.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "../support/test_support.h"
#include "store/importer.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/schema_migrator.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline {
namespace {

using sqlite::Migration;
using testing::read_file;
using testing::scenario;
using testing::TempDir;
using testing::test_data;

// A store made by Sightline before its schema had migrations (tests/data/README.md).
const char* kVersion1Fixture = "stores/v1-sofia.db";

void import_sofia(Store& store) {
  std::ifstream in(scenario("sofia.jsonl"));
  ASSERT_TRUE(import_feed(store, in, "sofia.jsonl", {}).committed);
}

// Runs `sql` on the database at `path` with a connection of its own.
void exec_on(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << sql << ": " << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

std::string text_of(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
  std::string out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const auto* text = sqlite3_column_text(stmt, i);
      out += text ? reinterpret_cast<const char*>(text) : "NULL";
      out += i + 1 < sqlite3_column_count(stmt) ? "|" : "\n";
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

std::string schema_version_of(const std::string& path) {
  return text_of(path, "SELECT value FROM meta WHERE key = 'schema_version'");
}

std::string copy_of_fixture(const TempDir& dir) {
  const std::string copy = dir.file("v1-copy.db");
  std::filesystem::copy_file(test_data(kVersion1Fixture), copy);
  return copy;
}

TEST(SchemaMigrations, AreNumberedFromOneWithoutGaps) {
  const auto all = sqlite::all_migrations();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(all[i].summary.empty()) << all[i].version;
    EXPECT_NE(all[i].sql, nullptr) << all[i].version;
  }
  EXPECT_EQ(sqlite::newest_schema_version(), all.back().version);
}

TEST(SchemaMigrations, ANewStoreGetsEveryMigrationAndRecordsTheNewestVersion) {
  TempDir dir;
  const MigrationReport report = migrate_sqlite_store(dir.file("new.db"));
  EXPECT_EQ(report.from_version, 0);
  EXPECT_EQ(report.to_version, sqlite::newest_schema_version());
  ASSERT_EQ(report.applied.size(), sqlite::all_migrations().size());
  for (std::size_t i = 0; i < report.applied.size(); ++i) {
    EXPECT_EQ(report.applied[i].version, static_cast<int>(i) + 1);
  }
  EXPECT_EQ(schema_version_of(dir.file("new.db")),
            std::to_string(sqlite::newest_schema_version()) + "\n");
}

// Migration 1 is the schema stores were made with before there were
// migrations, exactly: the fixture, made then, has the same tables, indexes
// and triggers, with the same SQL, as a database made by migration 1 alone.
TEST(SchemaMigrations, TheFirstIsExactlyTheSchemaOfTheStoresMadeBeforeMigrations) {
  TempDir dir;
  const std::string fresh = dir.file("first.db");
  exec_on(fresh, std::string("BEGIN;") + sqlite::all_migrations()[0].sql + "COMMIT;");
  const std::string fixture = copy_of_fixture(dir);
  const std::string objects = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";
  const std::string expected = text_of(fixture, objects);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(text_of(fresh, objects), expected);
  EXPECT_EQ(schema_version_of(fixture), "1\n");
}

TEST(SchemaMigrations, AStoreMadeBeforeMigrationsMigratesAndReadsAsAFreshImport) {
  TempDir dir;
  const std::string copy = copy_of_fixture(dir);
  const MigrationReport report = migrate_sqlite_store(copy);
  EXPECT_EQ(report.from_version, 1);
  EXPECT_EQ(report.to_version, sqlite::newest_schema_version());
  EXPECT_TRUE(report.completed.empty());
  EXPECT_EQ(schema_version_of(copy), std::to_string(sqlite::newest_schema_version()) + "\n");

  auto migrated = open_sqlite_store(copy);
  auto fresh = open_sqlite_store(dir.file("fresh.db"));
  import_sofia(*fresh);
  for (const char* person : {"sofia", "mother", "father"}) {
    for (std::optional<Timestamp> as_known_at :
         {std::optional<Timestamp>(),
          std::optional(Timestamp::end_of(*Date::parse("2012-12-31")))}) {
      const auto expected = fresh->chronology(person, as_known_at);
      const auto got = migrated->chronology(person, as_known_at);
      ASSERT_EQ(got.size(), expected.size()) << person;
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].seq, expected[i].seq) << person;
        EXPECT_EQ(got[i].json, expected[i].json) << person;
        EXPECT_EQ(got[i].about, expected[i].about) << person;
      }
    }
  }
  ASSERT_FALSE(fresh->chronology("sofia", std::nullopt).empty());
  EXPECT_EQ(migrated->counts().events, fresh->counts().events);
  EXPECT_EQ(migrated->counts().people, fresh->counts().people);
  EXPECT_EQ(migrated->counts().agencies, fresh->counts().agencies);
  EXPECT_EQ(migrated->involved("luton-csc", "sofia"), fresh->involved("luton-csc", "sofia"));
  EXPECT_TRUE(migrated->involved("luton-csc", "sofia"));
  // The alerts and notices it had saved are still there.
  EXPECT_FALSE(migrated->alerts().empty());
  EXPECT_EQ(migrated->notices("sofia").size(), 1u);
}

TEST(SchemaMigrations, AStoreNewerThanThisSightlineIsRefusedNamingBothVersionsAndLeftAlone) {
  TempDir dir;
  const std::string path = dir.file("newer.db");
  { open_sqlite_store(path); }
  const int newer = sqlite::newest_schema_version() + 1;
  // Without p_involvement, as if version 1 were incomplete: nothing may add it.
  exec_on(path, "DROP TABLE p_involvement; UPDATE meta SET value = '" + std::to_string(newer) +
                    "' WHERE key = 'schema_version'");
  const std::string objects_before = text_of(path, "SELECT name FROM sqlite_master ORDER BY 1");
  try {
    open_sqlite_store(path);
    FAIL() << "a store at version " << newer << " was opened";
  } catch (const StoreError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("schema version " + std::to_string(newer)), std::string::npos)
        << message;
    EXPECT_NE(message.find("up to version " + std::to_string(sqlite::newest_schema_version())),
              std::string::npos)
        << message;
  }
  EXPECT_THROW(migrate_sqlite_store(path), StoreError);
  EXPECT_EQ(text_of(path, "SELECT name FROM sqlite_master ORDER BY 1"), objects_before);
  EXPECT_EQ(schema_version_of(path), std::to_string(newer) + "\n");
}

TEST(SchemaMigrations, AVersionThatIsNotANumberIsRefusedNamingTheFile) {
  TempDir dir;
  const std::string path = dir.file("odd.db");
  { open_sqlite_store(path); }
  exec_on(path, "UPDATE meta SET value = 'one' WHERE key = 'schema_version'");
  try {
    open_sqlite_store(path);
    FAIL() << "opened";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ": schema version \"one\""), std::string::npos)
        << e.what();
  }
}

TEST(SchemaMigrations, OpeningAStoreAlreadyUpToDateChangesNothing) {
  TempDir dir;
  const std::string path = dir.file("s.db");
  {
    auto store = open_sqlite_store(path);
    import_sofia(*store);
  }
  ASSERT_FALSE(std::filesystem::exists(path + "-wal"));
  const std::string before = read_file(path);
  const MigrationReport report = migrate_sqlite_store(path);
  EXPECT_FALSE(report.changed());
  EXPECT_FALSE(report.projections_rebuilt);
  EXPECT_EQ(report.from_version, sqlite::newest_schema_version());
  EXPECT_EQ(report.to_version, sqlite::newest_schema_version());
  EXPECT_EQ(read_file(path), before) << "the file changed";
}

// Migrations beyond the first, given to the migrator directly.
class SchemaMigrator : public ::testing::Test {
 protected:
  void SetUp() override {
    migrations_ = {sqlite::all_migrations()[0],
                   {2, "a table t2", "CREATE TABLE t2 (x INTEGER)", false},
                   {3, "a table t3", "CREATE TABLE t3 (x INTEGER)", false}};
  }
  MigrationReport migrate(std::span<const Migration> migrations) {
    sqlite::Connection db(path());
    return sqlite::migrate_schema(db, path(), migrations, [this, &db] {
      ++refills_;
      refill_in_transaction_ = sqlite3_get_autocommit(db.get()) == 0;
    });
  }
  std::string path() const { return dir_.file("m.db"); }
  bool has_table(const std::string& name) const {
    return !text_of(path(), "SELECT 1 FROM sqlite_master WHERE name = '" + name + "'").empty();
  }

  TempDir dir_;
  std::vector<Migration> migrations_;
  int refills_ = 0;
  bool refill_in_transaction_ = false;
};

TEST_F(SchemaMigrator, AppliesOnlyWhatTheStoreLacksAndRecordsEachVersion) {
  const auto first = migrate(std::span(migrations_).first(1));
  EXPECT_EQ(first.to_version, 1);
  EXPECT_EQ(schema_version_of(path()), "1\n");

  const auto report = migrate(migrations_);
  EXPECT_EQ(report.from_version, 1);
  EXPECT_EQ(report.to_version, 3);
  ASSERT_EQ(report.applied.size(), 2u);
  EXPECT_EQ(report.applied[0].version, 2);
  EXPECT_EQ(report.applied[0].summary, "a table t2");
  EXPECT_EQ(report.applied[1].version, 3);
  EXPECT_TRUE(has_table("t2"));
  EXPECT_TRUE(has_table("t3"));
  EXPECT_EQ(schema_version_of(path()), "3\n");

  const auto again = migrate(migrations_);
  EXPECT_FALSE(again.changed());
  EXPECT_EQ(again.from_version, 3);
  EXPECT_EQ(refills_, 0);
}

TEST_F(SchemaMigrator, AFailingMigrationIsUndoneWholeAndThoseBeforeItStay) {
  migrations_[2].sql = "CREATE TABLE t3 (x INTEGER); INSERT INTO no_such_table VALUES (1)";
  try {
    migrate(migrations_);
    FAIL() << "migration 3 cannot succeed";
  } catch (const StoreError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path() + ": migration 3 (a table t3) failed"), std::string::npos)
        << message;
    EXPECT_NE(message.find("stays at version 2"), std::string::npos) << message;
    EXPECT_NE(message.find("no_such_table"), std::string::npos) << message;
  }
  EXPECT_EQ(schema_version_of(path()), "2\n");
  EXPECT_TRUE(has_table("t2"));
  EXPECT_FALSE(has_table("t3"));
}

TEST_F(SchemaMigrator, AMigrationThatChangesProjectionsRefillsThemInItsOwnTransaction) {
  migrations_[2].rebuilds_projections = true;
  const auto report = migrate(migrations_);
  EXPECT_TRUE(report.projections_rebuilt);
  EXPECT_EQ(refills_, 1);
  EXPECT_TRUE(refill_in_transaction_);
}

TEST_F(SchemaMigrator, RefusesMigrationsNotNumberedInOrder) {
  migrations_.erase(migrations_.begin() + 1);  // 1, 3
  EXPECT_THROW(migrate(migrations_), StoreError);
  EXPECT_FALSE(has_table("meta"));
}

// A store made by an early build of version 1, before some of its tables
// existed, is completed when opened, its new projections filled.
TEST_F(SchemaMigrator, AnEarlyVersion1StoreIsCompletedAndItsNewProjectionsFilled) {
  migrate(std::span(migrations_).first(1));
  exec_on(path(), "DROP TABLE p_involvement; DROP TABLE safeguard_notices");
  const auto report = migrate(migrations_);
  EXPECT_EQ(report.from_version, 1);
  EXPECT_EQ(report.to_version, 3);
  EXPECT_NE(std::find(report.completed.begin(), report.completed.end(), "p_involvement"),
            report.completed.end());
  EXPECT_NE(std::find(report.completed.begin(), report.completed.end(), "safeguard_notices"),
            report.completed.end());
  EXPECT_TRUE(report.projections_rebuilt);
  EXPECT_EQ(refills_, 1);
  EXPECT_TRUE(refill_in_transaction_);
  EXPECT_TRUE(has_table("p_involvement"));
}

}  // namespace
}  // namespace sightline
