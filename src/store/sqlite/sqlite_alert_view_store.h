// The alerts as people work with them, in the SQLite store: the safeguards'
// `alerts` (migration 1) and `alert_acknowledgements` (migration 2).
#pragma once

#include <memory>
#include <string>

#include "store/alert_view_store.h"
#include "store/sqlite/connection_mutex.h"
#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {

class SqliteAlertViewStore final : public AlertViewStore {
 public:
  // The alerts of the store at `path`, which is opened first (created when
  // new, migrated). Throws StoreError.
  explicit SqliteAlertViewStore(const std::string& path);

  AlertRowPage page(const AlertQuery& query) override;
  std::vector<std::string> keys_owned_by(const std::string& agency,
                                         const std::string& area) override;
  std::optional<AlertRow> alert(const std::string& key) override;
  std::vector<AlertCount> counts(const std::string& owner) override;
  std::string area_of(const std::string& agency) override;
  std::vector<Acknowledgement> acknowledgements(const std::string& key) override;
  std::unique_ptr<Transaction> begin() override;
  void add_acknowledgement(Transaction& transaction, const std::string& key,
                           const Acknowledgement& acknowledgement) override;

 private:
  std::unique_ptr<Connection> db_;
  ConnectionMutex mutex_;  // db_, outside the transactions it begins (which hold it)
};

}  // namespace sightline::sqlite
