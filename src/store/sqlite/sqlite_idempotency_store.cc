#include "store/sqlite/sqlite_idempotency_store.h"

#include "store/sqlite/service_connection.h"
#include "store/sqlite/sqlite_transaction.h"

namespace sightline::sqlite {

SqliteIdempotencyStore::SqliteIdempotencyStore(const std::string& path)
    : db_(open_service_connection(path)) {}

std::optional<IdempotentAnswer> SqliteIdempotencyStore::find(const std::string& username,
                                                             const std::string& key) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT request_hash, status, response, created FROM idempotency "
              "WHERE username = ? AND key = ?");
  if (!s.bind(1, username).bind(2, key).step()) return std::nullopt;
  return IdempotentAnswer{username,         key,
                          s.column_text(0), static_cast<int>(s.column_int(1)),
                          s.column_text(2), s.column_int(3)};
}

void SqliteIdempotencyStore::remember(const IdempotentAnswer& answer, std::int64_t forget_before) {
  std::lock_guard lock(mutex_);
  SqliteTransaction transaction(*db_, TransactionMode::kWrite);
  Statement(*db_, "DELETE FROM idempotency WHERE created < ?").bind(1, forget_before).run();
  Statement(*db_,
            "INSERT INTO idempotency(username, key, request_hash, status, response, created) "
            "VALUES (?,?,?,?,?,?)")
      .bind(1, answer.username)
      .bind(2, answer.key)
      .bind(3, answer.request_hash)
      .bind(4, answer.status)
      .bind(5, answer.response)
      .bind(6, answer.created)
      .run();
  transaction.commit();
}

}  // namespace sightline::sqlite
