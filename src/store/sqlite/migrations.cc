#include "store/sqlite/migrations.h"

#include <vector>

namespace sightline::sqlite {

// One line each, in order; each defined in its own file under migrations/.
Migration migration_0001_first_schema();
Migration migration_0003_accounts_and_sessions();

// Version 2 is the number of the migration that takes over the audit log and
// the access tables, written separately. This stand-in changes nothing and
// only holds its place in the numbering; that migration replaces it here.
Migration migration_0002_reserved() { return {2, "reserved: changes nothing", ""}; }

std::span<const Migration> all_migrations() {
  static const std::vector<Migration> migrations = {
      migration_0001_first_schema(),
      migration_0002_reserved(),
      migration_0003_accounts_and_sessions(),
  };
  return migrations;
}

int newest_schema_version() { return all_migrations().back().version; }

}  // namespace sightline::sqlite
