// The SQLite implementation of TransferStore: reads of the `transfer` events,
// through the partial indexes migration 1 makes on them, on a connection of
// its own to the store's file, used under a mutex.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/transfer_store.h"

namespace sightline::sqlite {

class Connection;
class Statement;

class SqliteTransferStore final : public TransferStore {
 public:
  // Opens the store at `db_path`. Throws StoreError when it cannot.
  explicit SqliteTransferStore(const std::string& db_path);
  ~SqliteTransferStore() override;
  SqliteTransferStore(const SqliteTransferStore&) = delete;
  SqliteTransferStore& operator=(const SqliteTransferStore&) = delete;

  std::vector<StoredTransfer> unanswered_transfers(TransferSide side, const Id& agency) override;
  std::vector<StoredTransfer> accepted_unseen_transfers(TransferSide side,
                                                        const Id& agency) override;
  bool later_transfer_exists(const Id& from, const Id& to, const Id& child, std::int64_t at_s,
                             std::int64_t seq) override;

 private:
  std::unique_ptr<Connection> db_;
  std::unique_ptr<Statement> later_;  // prepared on first use; under mutex_
  std::mutex mutex_;
};

}  // namespace sightline::sqlite
