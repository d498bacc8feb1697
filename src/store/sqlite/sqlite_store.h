// The SQLite implementation of Store: one database file, WAL journal, and
// `synchronous=FULL`, so a committed import survives a crash or power loss.
// One Store object per thread; several processes may open the same file.
#pragma once

#include <memory>
#include <string>

#include "store/sqlite/migration_report.h"
#include "store/store.h"

namespace sightline {

// Opens or creates the store at `path`, applying the migrations its schema
// lacks (store/sqlite/migrations.h). Throws StoreError when the file cannot
// be opened, is not a Sightline store, or has a schema newer than this
// Sightline knows.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

// Opens the store at `path` as above, and says what opening it did to its
// schema (for `sightline migrate`).
MigrationReport migrate_sqlite_store(const std::string& path);

}  // namespace sightline
