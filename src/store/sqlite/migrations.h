// Every migration of the SQLite store, in order (store/sqlite/migration.h).
#pragma once

#include <span>

#include "store/sqlite/migration.h"

namespace sightline::sqlite {

// Versions 1, 2, ... without gaps; each migration in its own file under
// store/sqlite/migrations/, listed in migrations.cc.
std::span<const Migration> all_migrations();

// The version of a store this Sightline makes: that of its last migration.
int newest_schema_version();

}  // namespace sightline::sqlite
