// Migration 3 puts the accounts and sessions of `sightline serve` under the
// store's schema. The service used to create them itself, so a store may
// already hold them: it keeps them and its accounts, and ends with the same
// schema as a new store; a store that never had them (the version-1 fixture)
// gains them.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>

#include "../support/test_support.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline {
namespace {

using sqlite::SqliteAccountStore;
using testing::TempDir;
using testing::test_data;

// Exactly what the service ran at every start before migration 3
// (src/web/accounts.cc), and a user and session it could have written.
constexpr const char* kTablesTheServiceMade = R"sql(
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
  agency TEXT NOT NULL, password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
  created INTEGER NOT NULL, last_seen INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(user_id);
)sql";
constexpr const char* kAnAccountAndSession =
    "INSERT INTO users(username, role, agency, password_hash, created) "
    "VALUES ('ann', 'manager', 'ealing-csc', '$argon2id$ann', '2025-11-01T08:00:00Z');"
    "INSERT INTO sessions VALUES ('ann-token-hash', 1, 1000, 1200);";

void exec_on(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

// Every table, index and trigger with its SQL, in name order.
std::string schema_of(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT type, name, tbl_name, sql FROM sqlite_master "
                     "WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
                     -1, &stmt, nullptr);
  std::string out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int i = 0; i < 4; ++i) {
      const auto* text = sqlite3_column_text(stmt, i);
      out += text ? reinterpret_cast<const char*>(text) : "NULL";
      out += i < 3 ? "|" : "\n";
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

std::string schema_of_a_new_store(const TempDir& dir) {
  const std::string path = dir.file("new.db");
  open_sqlite_store(path);
  return schema_of(path);
}

std::string copy_of_version_1_fixture(const TempDir& dir, const std::string& name) {
  const std::string copy = dir.file(name);
  std::filesystem::copy_file(test_data("stores/v1-sofia.db"), copy);
  return copy;
}

bool applied(const MigrationReport& report, int version) {
  return std::any_of(report.applied.begin(), report.applied.end(),
                     [&](const auto& m) { return m.version == version; });
}

TEST(AccountsMigration, ANewStoreHasTheTablesExactlyAsTheServiceMadeThem) {
  TempDir dir;
  const std::string by_hand = dir.file("by-hand.db");
  exec_on(by_hand, kTablesTheServiceMade);
  const std::string schema = schema_of_a_new_store(dir);
  const std::string tables = schema_of(by_hand);
  ASSERT_FALSE(tables.empty());
  // Each line of the hand-made schema (users, sessions, their indexes) is in
  // the new store's, with the same SQL.
  std::size_t start = 0;
  for (std::size_t end; (end = tables.find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string object = tables.substr(start, end - start + 1);
    EXPECT_NE(schema.find(object), std::string::npos) << object;
  }
  EXPECT_GE(sqlite::newest_schema_version(), 3);
}

TEST(AccountsMigration, AStoreWhoseServiceMadeTheTablesKeepsItsAccountsAndEndsLikeANewOne) {
  TempDir dir;
  const std::string path = copy_of_version_1_fixture(dir, "served.db");
  exec_on(path, std::string(kTablesTheServiceMade) + kAnAccountAndSession);

  const MigrationReport report = migrate_sqlite_store(path);
  EXPECT_EQ(report.from_version, 1);
  EXPECT_EQ(report.to_version, sqlite::newest_schema_version());
  EXPECT_TRUE(applied(report, 3));
  EXPECT_EQ(schema_of(path), schema_of_a_new_store(dir));

  SqliteAccountStore accounts(path);
  const auto ann = accounts.account_with_password("ann");
  ASSERT_TRUE(ann);
  EXPECT_EQ(ann->account.role, "manager");
  EXPECT_EQ(ann->password_hash, "$argon2id$ann");
  const auto session = accounts.session("ann-token-hash");
  ASSERT_TRUE(session);
  EXPECT_EQ(session->account.username, "ann");
  EXPECT_EQ(session->last_seen, 1200);
}

TEST(AccountsMigration, AStoreThatNeverHadThemGainsThemAndTakesAccounts) {
  TempDir dir;
  const std::string path = copy_of_version_1_fixture(dir, "v1.db");
  ASSERT_EQ(schema_of(path).find("|users|"), std::string::npos);

  const MigrationReport report = migrate_sqlite_store(path);
  EXPECT_EQ(report.from_version, 1);
  EXPECT_TRUE(applied(report, 3));
  EXPECT_EQ(schema_of(path), schema_of_a_new_store(dir));

  SqliteAccountStore accounts(path);
  ASSERT_TRUE(
      accounts.add_account({"ann", "manager", "ealing-csc", "$argon2id$ann", "2026-03-02"}));
  EXPECT_EQ(accounts.accounts().size(), 1u);
}

}  // namespace
}  // namespace sightline
