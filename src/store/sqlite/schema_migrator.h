// Brings the schema of a SQLite store to the newest version, when the store
// is opened: applies each missing migration in its own transaction, together
// with recording its version, and refuses a store newer than this Sightline.
#pragma once

#include <functional>
#include <span>
#include <string>

#include "store/sqlite/migration.h"
#include "store/sqlite/migration_report.h"
#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {

// `migrations` are all_migrations() outside tests. `refill_projections`
// empties and fills the `p_` tables from the events, inside the transaction
// open when it is called. A store already up to date is only read. Throws
// StoreError naming `path` when the store's version is newer than the last
// migration, or when a migration fails (the ones before it stay applied).
MigrationReport migrate_schema(Connection& db, const std::string& path,
                               std::span<const Migration> migrations,
                               const std::function<void()>& refill_projections);

}  // namespace sightline::sqlite
