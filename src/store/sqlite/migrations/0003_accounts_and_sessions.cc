// Migration 3: the accounts and sessions of `sightline serve`
// (store/account_store.h), which the service used to create itself when it
// started, outside the store's version.
//
// Stores made before this migration may already hold these tables, so each
// statement says IF NOT EXISTS and is exactly the one the service ran: a store
// that had them and a new one end with the same schema, and their accounts
// and sessions are kept.
#include "store/sqlite/migration.h"

namespace sightline::sqlite {

Migration migration_0003_accounts_and_sessions() {
  return {3, "the accounts and sessions of sightline serve",
          R"sql(
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
)sql"};
}

}  // namespace sightline::sqlite
