// Migration 2 takes over the tables `sightline serve` created for itself
// before (audit trail, break-glass and notices, idempotency keys,
// acknowledgements): a store made then, which holds them already, and a fresh
// store end with the same schema; a store made before migrations gains them.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "../support/test_support.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_audit_store.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline {
namespace {

using testing::TempDir;
using testing::test_data;

// What the service's classes ran at start before migration 2 (audit_log.cc,
// access.cc, events_api.cc, alerts_view.cc), statement for statement.
constexpr const char* kServiceTablesMadeByTheServiceBefore = R"sql(
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL,
  agency TEXT NOT NULL, action TEXT NOT NULL, child TEXT NOT NULL, reason TEXT NOT NULL,
  detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_child ON audit_log(child, seq);
CREATE TRIGGER IF NOT EXISTS audit_log_append_only_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_append_only_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE IF NOT EXISTS audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL,
  signature TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS break_glass (
  id INTEGER PRIMARY KEY, username TEXT NOT NULL, role TEXT NOT NULL, agency TEXT NOT NULL,
  child TEXT NOT NULL, reason TEXT NOT NULL, granted_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS break_glass_by_user ON break_glass(username, child, expires_at);
CREATE TABLE IF NOT EXISTS notices (
  id INTEGER PRIMARY KEY, agency TEXT NOT NULL, kind TEXT NOT NULL, child TEXT NOT NULL,
  username TEXT NOT NULL, role TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL,
  audit_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS notices_by_agency ON notices(agency, id);
CREATE TABLE IF NOT EXISTS idempotency (
  username TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
  status INTEGER NOT NULL, response TEXT NOT NULL, created INTEGER NOT NULL,
  PRIMARY KEY (username, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alert_acknowledgements (
  id INTEGER PRIMARY KEY, alert_key TEXT NOT NULL, username TEXT NOT NULL, role TEXT NOT NULL,
  agency TEXT NOT NULL, note TEXT NOT NULL, at TEXT NOT NULL, audit_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS alert_acknowledgements_by_alert
  ON alert_acknowledgements(alert_key, id);
INSERT INTO audit_log VALUES (1, '2026-01-01T00:00:00Z', 'system', '', '', 'audit.started', '',
  '', '', '0000', '1111');
INSERT INTO notices(agency, kind, child, username, role, reason, at, audit_seq)
  VALUES ('luton-hv', 'break_glass', 'sofia', 'lou', 'practitioner', 'why', 'then', 1);
)sql";

void exec_on(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
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

const std::string kSchema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";

std::string fresh_schema(const TempDir& dir) {
  const std::string fresh = dir.file("fresh.db");
  { open_sqlite_store(fresh); }
  return text_of(fresh, kSchema);
}

TEST(ServiceTablesMigration, AFreshStoreHasTheServiceTables) {
  TempDir dir;
  const std::string schema = fresh_schema(dir);
  for (const char* name : {"audit_log", "audit_log_by_child", "audit_log_append_only_update",
                           "audit_log_append_only_delete", "audit_head", "break_glass",
                           "break_glass_by_user", "notices", "notices_by_agency", "idempotency",
                           "alert_acknowledgements", "alert_acknowledgements_by_alert"}) {
    EXPECT_NE(schema.find(std::string("|") + name + "|"), std::string::npos) << name;
  }
}

TEST(ServiceTablesMigration, AStoreWhoseServiceMadeTheTablesEndsAsAFreshOneAndKeepsItsRows) {
  TempDir dir;
  // A store at version 1 that `serve` had run on: its classes made their tables.
  const std::string old = dir.file("old.db");
  exec_on(old, std::string("BEGIN;") + sqlite::all_migrations()[0].sql +
                   "INSERT INTO meta(key, value) VALUES ('schema_version', '1');" +
                   kServiceTablesMadeByTheServiceBefore + "COMMIT;");
  const MigrationReport report = migrate_sqlite_store(old);
  EXPECT_EQ(report.from_version, 1);
  EXPECT_EQ(report.to_version, sqlite::newest_schema_version());
  EXPECT_EQ(text_of(old, kSchema), fresh_schema(dir));
  EXPECT_EQ(text_of(old, "SELECT seq, action FROM audit_log"), "1|audit.started\n");
  EXPECT_EQ(text_of(old, "SELECT agency, child FROM notices"), "luton-hv|sofia\n");
  // And its trail is read through the store as before.
  sqlite::SqliteAuditStore audit(old);
  EXPECT_FALSE(audit.empty());
  EXPECT_TRUE(audit.storage().complete);
}

TEST(ServiceTablesMigration, TheStoreMadeBeforeMigrationsGainsThemAsAFreshOneHasThem) {
  TempDir dir;
  const std::string copy = dir.file("v1-copy.db");
  std::filesystem::copy_file(test_data("stores/v1-sofia.db"), copy);
  ASSERT_EQ(text_of(copy, "SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'"), "0\n");
  const MigrationReport report = migrate_sqlite_store(copy);
  EXPECT_EQ(report.from_version, 1);
  bool applied_2 = false;
  for (const auto& m : report.applied) applied_2 |= m.version == 2;
  EXPECT_TRUE(applied_2);
  EXPECT_EQ(text_of(copy, kSchema), fresh_schema(dir));
  sqlite::SqliteAuditStore audit(copy);
  EXPECT_TRUE(audit.empty());
  EXPECT_TRUE(audit.storage().complete);
}

}  // namespace
}  // namespace sightline
