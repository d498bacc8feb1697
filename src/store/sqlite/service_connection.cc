#include "store/sqlite/service_connection.h"

#include "store/sqlite/sqlite_store.h"

namespace sightline::sqlite {

std::unique_ptr<Connection> open_service_connection(const std::string& path) {
  migrate_sqlite_store(path);
  auto db = std::make_unique<Connection>(path);
  db->exec("PRAGMA journal_mode=WAL");
  // Per connection: without it a commit would not wait for the disk.
  db->exec("PRAGMA synchronous=FULL");
  return db;
}

}  // namespace sightline::sqlite
