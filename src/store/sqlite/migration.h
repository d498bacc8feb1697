// One numbered step of the SQLite store's schema. A store records in `meta`
// (key `schema_version`) the number of the last migration applied to it; the
// store is at the newest version when that is the number of the last migration
// of all_migrations(). How to add one: docs/store.md#migrations.
#pragma once

#include <string_view>

namespace sightline::sqlite {

struct Migration {
  // The schema version it brings a store to: one more than the migration before.
  int version = 0;
  // What it changes, in a few words, for `sightline migrate` to report.
  std::string_view summary;
  // Run in one transaction, together with recording `version`: a migration
  // is applied whole or not at all.
  const char* sql = nullptr;
  // The `p_` tables are filled again from the events in that same transaction,
  // for a migration that changes what a projection holds.
  bool rebuilds_projections = false;
};

}  // namespace sightline::sqlite
