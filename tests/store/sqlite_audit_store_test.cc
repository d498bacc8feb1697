// The SQLite store of the audit trail, on a real file: records kept in order
// of number, never changed or removed, and a head of one row.
#include "store/sqlite/sqlite_audit_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "../support/test_support.h"

namespace sightline {
namespace {

using testing::TempDir;

AuditRecord record(std::int64_t seq, const std::string& child) {
  return {seq,
          "2026-07-01T09:00:0" + std::to_string(seq) + "Z",
          {"alice", "practitioner", "ealing-hv", "child.read", child, "a reason", "from 10.0.0.1"},
          std::string(64, '0' + static_cast<char>(seq - 1)),
          std::string(64, '0' + static_cast<char>(seq))};
}

void append_committed(AuditStore& store, const AuditRecord& r) {
  const auto transaction = store.begin();
  store.append(*transaction, r);
  store.set_head(*transaction, {r.seq, r.hash, "sig-" + std::to_string(r.seq)});
  transaction->commit();
}

TEST(SqliteAuditStore, KeepsRecordsInOrderWithEveryFieldAndTheHeadAsSet) {
  TempDir dir;
  sqlite::SqliteAuditStore store(dir.file("s.db"));
  EXPECT_TRUE(store.empty());
  EXPECT_FALSE(store.head().has_value());
  append_committed(store, record(1, "sofia"));
  append_committed(store, record(2, "other"));
  append_committed(store, record(3, "sofia"));
  EXPECT_FALSE(store.empty());

  std::vector<AuditRecord> all;
  store.for_each_record([&](const AuditRecord& r) { all.push_back(r); });
  ASSERT_EQ(all.size(), 3u);
  for (std::int64_t i = 0; i < 3; ++i) EXPECT_EQ(all[i].seq, i + 1);
  const AuditRecord expected = record(2, "other");
  EXPECT_EQ(all[1].at, expected.at);
  EXPECT_EQ(all[1].entry.user, "alice");
  EXPECT_EQ(all[1].entry.role, "practitioner");
  EXPECT_EQ(all[1].entry.agency, "ealing-hv");
  EXPECT_EQ(all[1].entry.action, "child.read");
  EXPECT_EQ(all[1].entry.child, "other");
  EXPECT_EQ(all[1].entry.reason, "a reason");
  EXPECT_EQ(all[1].entry.detail, "from 10.0.0.1");
  EXPECT_EQ(all[1].prev_hash, expected.prev_hash);
  EXPECT_EQ(all[1].hash, expected.hash);

  const auto about = store.records_about("sofia");
  ASSERT_EQ(about.size(), 2u);
  EXPECT_EQ(about[0].seq, 1);
  EXPECT_EQ(about[1].seq, 3);

  const auto head = store.head();
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->seq, 3);
  EXPECT_EQ(head->hash, record(3, "").hash);
  EXPECT_EQ(head->signature, "sig-3");

  {
    const auto transaction = store.begin();
    const auto last = store.last(*transaction);
    ASSERT_TRUE(last.has_value());
    EXPECT_EQ(last->seq, 3);
    EXPECT_EQ(last->hash, record(3, "").hash);
  }

  const AuditStorage storage = store.storage();
  EXPECT_TRUE(storage.has_log);
  EXPECT_TRUE(storage.complete);
}

TEST(SqliteAuditStore, RefusesANumberTwiceAndChangesByOtherTools) {
  TempDir dir;
  sqlite::SqliteAuditStore store(dir.file("s.db"));
  append_committed(store, record(1, "sofia"));
  EXPECT_THROW(append_committed(store, record(1, "sofia")), StoreError);
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(dir.file("s.db").c_str(), &handle), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(handle, "UPDATE audit_log SET user = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(handle, "DELETE FROM audit_log", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(handle);
  std::int64_t records = 0;
  store.for_each_record([&](const AuditRecord& r) {
    ++records;
    EXPECT_EQ(r.entry.user, "alice");
  });
  EXPECT_EQ(records, 1);
}

TEST(SqliteAuditStore, OpenedAsItIsCreatesNothingAndSaysWhatIsMissing) {
  TempDir dir;
  const std::string path = dir.file("plain.db");
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "CREATE TABLE other (x)", nullptr, nullptr, nullptr), SQLITE_OK);
  {
    const auto store = sqlite::SqliteAuditStore::open_as_is(path);
    EXPECT_FALSE(store->storage().has_log);
    EXPECT_FALSE(store->storage().complete);
  }
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(handle, "SELECT count(*) FROM sqlite_master", -1, &stmt, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 1);  // still only `other`
  sqlite3_finalize(stmt);

  // A log whose guard was removed is there, but not complete.
  { sqlite::SqliteAuditStore made(dir.file("made.db")); }
  sqlite3* made = nullptr;
  ASSERT_EQ(sqlite3_open(dir.file("made.db").c_str(), &made), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(made, "DROP TRIGGER audit_log_append_only_delete", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(made);
  const auto store = sqlite::SqliteAuditStore::open_as_is(dir.file("made.db"));
  EXPECT_TRUE(store->storage().has_log);
  EXPECT_FALSE(store->storage().complete);
  sqlite3_close(handle);
}

}  // namespace
}  // namespace sightline
