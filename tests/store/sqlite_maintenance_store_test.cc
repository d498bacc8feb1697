// SqliteMaintenanceStore::checkpoint copies what the write-ahead log holds
// into the database file while another connection still has the store open.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "../support/test_support.h"
#include "store/sqlite/sqlite_maintenance_store.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline {
namespace {

using testing::read_file;
using testing::TempDir;

TEST(SqliteMaintenanceStore, ACheckpointCopiesTheLogIntoTheDatabaseFile) {
  TempDir dir;
  const std::string path = dir.file("s.db");
  open_sqlite_store(path);
  // A writer that never checkpoints itself and stays open, so that its
  // commit stays in the log until someone copies it.
  sqlite3* writer = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &writer), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(writer,
                         "PRAGMA wal_autocheckpoint=0; INSERT INTO meta(key, value) "
                         "VALUES ('checkpoint-test', 'marker-7f3a9c')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  ASSERT_NE(read_file(path + "-wal").find("marker-7f3a9c"), std::string::npos);
  EXPECT_EQ(read_file(path).find("marker-7f3a9c"), std::string::npos);

  sqlite::SqliteMaintenanceStore maintenance(path);
  maintenance.checkpoint();
  EXPECT_NE(read_file(path).find("marker-7f3a9c"), std::string::npos);
  maintenance.checkpoint();  // nothing left to copy
  sqlite3_close(writer);
}

TEST(SqliteMaintenanceStore, AFileThatIsNotADatabaseIsAnErrorNamingIt) {
  TempDir dir;
  const std::string path = dir.file("not-a-store.db");
  {
    std::ofstream out(path);
    out << "this is not a database, and is long enough for SQLite to read a header from it\n";
  }
  try {
    sqlite::SqliteMaintenanceStore maintenance(path);
    maintenance.checkpoint();
    FAIL() << "checkpointed a file that is not a database";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sightline
