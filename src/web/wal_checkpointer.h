// Copies the write-ahead log back into the database file in the background.
//
// SQLite does this itself when a commit finds the log over 1,000 pages, in
// the committing thread: with an audit record committed for every read, that
// thread holds up every request waiting for its record for as long as the
// copy and its fsync take. Run alongside, this asks the store for a
// checkpoint (MaintenanceStore::checkpoint: neither readers nor writers wait
// for it) every `interval`, so SQLite's own finds little or nothing left to
// copy.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "store/maintenance_store.h"

namespace sightline::web {

class WalCheckpointer {
 public:
  // `store` must outlive this.
  explicit WalCheckpointer(MaintenanceStore& store,
                           std::chrono::milliseconds interval = std::chrono::milliseconds(500));
  ~WalCheckpointer();  // stops
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // `on_error` hears of a failed checkpoint (the next one tries again).
  void start(std::function<void(const std::string&)> on_error = {});
  void stop();
  // One checkpoint now, on the caller's thread.
  void checkpoint();

 private:
  MaintenanceStore& store_;
  std::chrono::milliseconds interval_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace sightline::web
