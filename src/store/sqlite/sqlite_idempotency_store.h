// The events API's idempotency keys in the SQLite store: table `idempotency`,
// made by migration 2.
#pragma once

#include <memory>
#include <string>

#include "store/idempotency_store.h"
#include "store/sqlite/connection_mutex.h"
#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {

class SqliteIdempotencyStore final : public IdempotencyStore {
 public:
  // The keys of the store at `path`, which is opened first (created when
  // new, migrated). Throws StoreError.
  explicit SqliteIdempotencyStore(const std::string& path);

  std::optional<IdempotentAnswer> find(const std::string& username,
                                       const std::string& key) override;
  void remember(const IdempotentAnswer& answer, std::int64_t forget_before) override;

 private:
  std::unique_ptr<Connection> db_;
  ConnectionMutex mutex_;  // db_
};

}  // namespace sightline::sqlite
