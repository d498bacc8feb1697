// The audit trail in the SQLite store: tables `audit_log` (append-only: its
// triggers refuse UPDATE and DELETE) and `audit_head` (one row), made by
// migration 2.
#pragma once

#include <memory>
#include <string>

#include "store/audit_store.h"
#include "store/sqlite/connection_mutex.h"
#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {

class SqliteAuditStore final : public AuditStore {
 public:
  // The trail of the store at `path`, which is opened first (created when
  // new, migrated). Throws StoreError.
  explicit SqliteAuditStore(const std::string& path);
  // The trail of the database at `path` exactly as it is, for checking it:
  // nothing is created or migrated, and reads of tables it lacks throw
  // StoreError (storage() says which are there).
  static std::unique_ptr<SqliteAuditStore> open_as_is(const std::string& path);

  std::unique_ptr<Transaction> begin() override;
  std::optional<AuditRecord> last(Transaction& transaction) override;
  void append(Transaction& transaction, const AuditRecord& record) override;
  void set_head(Transaction& transaction, const AuditHead& head) override;

  bool empty() override;
  std::optional<AuditHead> head() override;
  std::vector<AuditRecord> records_about(const std::string& child) override;
  // `visit` must not call this store (its connection is held meanwhile).
  void for_each_record(const std::function<void(const AuditRecord&)>& visit) override;
  AuditStorage storage() override;

 private:
  explicit SqliteAuditStore(std::unique_ptr<Connection> db);

  std::unique_ptr<Connection> db_;
  ConnectionMutex mutex_;  // db_, outside the transactions it begins (which hold it)
};

}  // namespace sightline::sqlite
