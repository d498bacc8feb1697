#include "store/sqlite/migrations.h"

#include <vector>

namespace sightline::sqlite {

// One line each, in order; each defined in its own file under migrations/.
Migration migration_0001_first_schema();

std::span<const Migration> all_migrations() {
  static const std::vector<Migration> migrations = {
      migration_0001_first_schema(),
  };
  return migrations;
}

int newest_schema_version() { return all_migrations().back().version; }

}  // namespace sightline::sqlite
