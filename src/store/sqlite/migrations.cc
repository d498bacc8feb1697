#include "store/sqlite/migrations.h"

#include <vector>

namespace sightline::sqlite {

// One line each, in order; each defined in its own file under migrations/.
Migration migration_0001_first_schema();
Migration migration_0002_service_audit_and_access();
Migration migration_0003_accounts_and_sessions();

std::span<const Migration> all_migrations() {
  static const std::vector<Migration> migrations = {
      migration_0001_first_schema(),
      migration_0002_service_audit_and_access(),
      migration_0003_accounts_and_sessions(),
  };
  return migrations;
}

int newest_schema_version() { return all_migrations().back().version; }

}  // namespace sightline::sqlite
