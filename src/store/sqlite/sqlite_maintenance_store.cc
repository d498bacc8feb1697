#include "store/sqlite/sqlite_maintenance_store.h"

#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {

SqliteMaintenanceStore::SqliteMaintenanceStore(const std::string& db_path)
    : path_(db_path), db_(std::make_unique<Connection>(db_path)) {
  // A connection learns that the file is in WAL mode, and opens the log, only
  // when it first reads the file; until then sqlite3_wal_checkpoint_v2 does
  // nothing at all and says it succeeded. This reads it.
  try {
    db_->exec("PRAGMA journal_mode=WAL");
  } catch (const StoreError& e) {
    throw StoreError(path_ + ": " + e.what());
  }
}

SqliteMaintenanceStore::~SqliteMaintenanceStore() = default;

void SqliteMaintenanceStore::checkpoint() {
  std::lock_guard lock(mutex_);
  int log_frames = 0, copied = 0;
  if (sqlite3_wal_checkpoint_v2(db_->get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log_frames,
                                &copied) != SQLITE_OK) {
    throw StoreError(path_ + ": checkpoint: " + sqlite3_errmsg(db_->get()));
  }
}

}  // namespace sightline::sqlite
