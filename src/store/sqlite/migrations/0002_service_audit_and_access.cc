// Migration 2: the tables `sightline serve` kept outside the store's schema
// for the audit trail, break-glass and its notices, the events API's
// idempotency keys and the alerts' acknowledgements (docs/store.md).
//
// Before this migration the service's classes created these tables
// themselves, with CREATE ... IF NOT EXISTS, when it started. So stores made
// then already hold them: every statement here says IF NOT EXISTS and is,
// character for character, the definition they were created with (SQLite
// keeps that text), so that such a store and a fresh one end identical.
#include "store/sqlite/migration.h"

namespace sightline::sqlite {

Migration migration_0002_service_audit_and_access() {
  return {2, "the service's audit log, break-glass grants, idempotency keys and acknowledgements",
          R"sql(
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
)sql",
          false};
}

}  // namespace sightline::sqlite
