// Upkeep of the store that changes nothing it holds, for the service to run
// when it suits it (web/wal_checkpointer.h runs checkpoint() periodically).
//
// Implementations are thread-safe.
#pragma once

namespace sightline {

class MaintenanceStore {
 public:
  virtual ~MaintenanceStore() = default;

  // Copies what the write-ahead log holds back into the database file, as
  // far as it can without waiting for readers or writers (in SQLite, a
  // PASSIVE checkpoint), so that commits find little left to copy. Throws
  // StoreError naming the file when it fails; the next call tries again.
  virtual void checkpoint() = 0;
};

}  // namespace sightline
