#include "store/sqlite/sqlite_account_store.h"

#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {
namespace {

constexpr const char* kUserColumns =
    "u.id, u.username, u.role, u.agency, u.disabled, u.created, u.failed_logins, u.locked_until";

AccountRecord account_from(const Statement& s, int first) {
  AccountRecord a;
  a.id = s.column_int(first);
  a.username = s.column_text(first + 1);
  a.role = s.column_text(first + 2);
  a.agency = s.column_text(first + 3);
  a.disabled = s.column_int(first + 4) != 0;
  a.created = s.column_text(first + 5);
  a.failed_logins = static_cast<int>(s.column_int(first + 6));
  a.locked_until = s.column_int(first + 7);
  return a;
}

}  // namespace

SqliteAccountStore::SqliteAccountStore(const std::string& db_path)
    : db_(std::make_unique<Connection>(db_path)) {
  db_->exec("PRAGMA journal_mode=WAL");
  db_->exec("PRAGMA synchronous=FULL");
  db_->exec("PRAGMA foreign_keys=ON");
}

SqliteAccountStore::~SqliteAccountStore() = default;

std::optional<std::int64_t> SqliteAccountStore::id_of(std::string_view username) {
  Statement s(*db_, "SELECT id FROM users WHERE username = ?");
  if (!s.bind(1, username).step()) return std::nullopt;
  return s.column_int(0);
}

void SqliteAccountStore::end_sessions_of(std::int64_t user_id) {
  Statement(*db_, "DELETE FROM sessions WHERE user_id = ?").bind(1, user_id).run();
}

std::optional<std::int64_t> SqliteAccountStore::add_account(const NewAccount& account) {
  std::lock_guard lock(mutex_);
  if (id_of(account.username)) return std::nullopt;
  Statement insert(*db_,
                   "INSERT INTO users(username, role, agency, password_hash, created) "
                   "VALUES (?,?,?,?,?)");
  insert.bind(1, account.username)
      .bind(2, account.role)
      .bind(3, account.agency)
      .bind(4, account.password_hash)
      .bind(5, account.created)
      .run();
  return sqlite3_last_insert_rowid(db_->get());
}

std::vector<AccountRecord> SqliteAccountStore::accounts() {
  std::lock_guard lock(mutex_);
  Statement s(
      *db_, (std::string("SELECT ") + kUserColumns + " FROM users u ORDER BY u.username").c_str());
  std::vector<AccountRecord> out;
  while (s.step()) out.push_back(account_from(s, 0));
  return out;
}

std::optional<AccountRecord> SqliteAccountStore::account(std::string_view username) {
  std::lock_guard lock(mutex_);
  Statement s(
      *db_, (std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.username = ?").c_str());
  if (!s.bind(1, username).step()) return std::nullopt;
  return account_from(s, 0);
}

std::optional<AccountWithPassword> SqliteAccountStore::account_with_password(
    std::string_view username) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, (std::string("SELECT ") + kUserColumns +
                     ", u.password_hash FROM users u WHERE u.username = ?")
                        .c_str());
  if (!s.bind(1, username).step()) return std::nullopt;
  return AccountWithPassword{account_from(s, 0), s.column_text(8)};
}

bool SqliteAccountStore::disable_account(std::string_view username) {
  std::lock_guard lock(mutex_);
  const auto id = id_of(username);
  if (!id) return false;
  in_transaction(*db_, TransactionMode::kWrite, [&] {
    Statement(*db_, "UPDATE users SET disabled = 1 WHERE id = ?").bind(1, *id).run();
    end_sessions_of(*id);
  });
  return true;
}

bool SqliteAccountStore::replace_password(std::string_view username,
                                          std::string_view password_hash) {
  std::lock_guard lock(mutex_);
  const auto id = id_of(username);
  if (!id) return false;
  in_transaction(*db_, TransactionMode::kWrite, [&] {
    Statement(*db_,
              "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = 0, "
              "disabled = 0 WHERE id = ?")
        .bind(1, password_hash)
        .bind(2, *id)
        .run();
    end_sessions_of(*id);
  });
  return true;
}

bool SqliteAccountStore::count_failed_login(std::int64_t user_id, int lock_after,
                                            std::int64_t locked_until) {
  std::lock_guard lock(mutex_);
  bool locked = false;
  in_transaction(*db_, TransactionMode::kWrite, [&] {
    Statement(*db_, "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?")
        .bind(1, user_id)
        .run();
    Statement count(*db_, "SELECT failed_logins FROM users WHERE id = ?");
    count.bind(1, user_id).step();
    const std::int64_t failures = count.column_int(0);
    count.reset();  // no read left open while this connection writes
    if (failures >= lock_after) {
      Statement(*db_, "UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?")
          .bind(1, locked_until)
          .bind(2, user_id)
          .run();
      locked = true;
    }
  });
  return locked;
}

void SqliteAccountStore::start_session(const SessionStart& start) {
  std::lock_guard lock(mutex_);
  in_transaction(*db_, TransactionMode::kWrite, [&] {
    Statement(*db_, "UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ?")
        .bind(1, start.user_id)
        .run();
    if (start.new_password_hash) {
      Statement(*db_, "UPDATE users SET password_hash = ? WHERE id = ?")
          .bind(1, *start.new_password_hash)
          .bind(2, start.user_id)
          .run();
    }
    // Sessions that expired unpresented are removed as others begin.
    Statement(*db_, "DELETE FROM sessions WHERE last_seen <= ? OR created <= ?")
        .bind(1, start.idle_before)
        .bind(2, start.started_before)
        .run();
    Statement(*db_,
              "INSERT INTO sessions(token_hash, user_id, created, last_seen) VALUES (?,?,?,?)")
        .bind(1, start.token_hash)
        .bind(2, start.user_id)
        .bind(3, start.now)
        .bind(4, start.now)
        .run();
  });
}

std::optional<SessionRecord> SqliteAccountStore::session(std::string_view token_hash) {
  std::lock_guard lock(mutex_);
  // Every request asks this: the statement is prepared once, not per request.
  if (!session_lookup_) {
    session_lookup_ = std::make_unique<Statement>(
        *db_, (std::string("SELECT s.created, s.last_seen, ") + kUserColumns +
               " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?")
                  .c_str());
  }
  Statement& s = *session_lookup_;
  // Reset however this is left, so that no read stays open.
  const std::unique_ptr<Statement, void (*)(Statement*)> reset_on_exit(
      &s, [](Statement* statement) { statement->reset(); });
  if (!s.bind(1, token_hash).step()) return std::nullopt;
  SessionRecord record;
  record.created = s.column_int(0);
  record.last_seen = s.column_int(1);
  record.account = account_from(s, 2);
  return record;
}

void SqliteAccountStore::touch_session(std::string_view token_hash, std::int64_t last_seen) {
  std::lock_guard lock(mutex_);
  Statement(*db_, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?")
      .bind(1, last_seen)
      .bind(2, token_hash)
      .run();
}

void SqliteAccountStore::end_session(std::string_view token_hash) {
  std::lock_guard lock(mutex_);
  Statement(*db_, "DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).run();
}

}  // namespace sightline::sqlite
