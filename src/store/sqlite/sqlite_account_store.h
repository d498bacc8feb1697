// The SQLite implementation of AccountStore: the tables `users` and
// `sessions` (migration 3), on a connection of its own to the store's file,
// used under a mutex.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/account_store.h"

namespace sightline::sqlite {

class Connection;
class Statement;

class SqliteAccountStore final : public AccountStore {
 public:
  // Opens the store at `db_path`, which open_sqlite_store() has already
  // brought to the newest schema. Throws StoreError when it cannot.
  explicit SqliteAccountStore(const std::string& db_path);
  ~SqliteAccountStore() override;
  SqliteAccountStore(const SqliteAccountStore&) = delete;
  SqliteAccountStore& operator=(const SqliteAccountStore&) = delete;

  std::optional<std::int64_t> add_account(const NewAccount& account) override;
  std::vector<AccountRecord> accounts() override;
  std::optional<AccountRecord> account(std::string_view username) override;
  std::optional<AccountWithPassword> account_with_password(std::string_view username) override;
  bool disable_account(std::string_view username) override;
  bool replace_password(std::string_view username, std::string_view password_hash) override;
  bool count_failed_login(std::int64_t user_id, int lock_after, std::int64_t locked_until) override;
  void start_session(const SessionStart& start) override;
  std::optional<SessionRecord> session(std::string_view token_hash) override;
  void touch_session(std::string_view token_hash, std::int64_t last_seen) override;
  void end_session(std::string_view token_hash) override;

 private:
  std::optional<std::int64_t> id_of(std::string_view username);
  void end_sessions_of(std::int64_t user_id);

  std::unique_ptr<Connection> db_;
  std::unique_ptr<Statement> session_lookup_;  // prepared on first use; under mutex_
  std::mutex mutex_;
};

}  // namespace sightline::sqlite
