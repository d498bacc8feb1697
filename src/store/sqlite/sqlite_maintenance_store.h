// The SQLite implementation of MaintenanceStore, on a connection of its own
// to the store's file, used under a mutex.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/maintenance_store.h"

namespace sightline::sqlite {

class Connection;

class SqliteMaintenanceStore final : public MaintenanceStore {
 public:
  // Opens the store at `db_path`, and its write-ahead log. Throws StoreError
  // naming the file when it cannot.
  explicit SqliteMaintenanceStore(const std::string& db_path);
  ~SqliteMaintenanceStore() override;
  SqliteMaintenanceStore(const SqliteMaintenanceStore&) = delete;
  SqliteMaintenanceStore& operator=(const SqliteMaintenanceStore&) = delete;

  // A PASSIVE checkpoint: neither readers nor writers wait for it.
  void checkpoint() override;

 private:
  std::string path_;
  std::unique_ptr<Connection> db_;
  std::mutex mutex_;
};

}  // namespace sightline::sqlite
