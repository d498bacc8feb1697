// The store's transaction object: what is written through one transaction
// commits together, whichever stores wrote it, or not at all; a transaction
// dropped before it committed leaves nothing.
#include "store/transaction.h"

#include <gtest/gtest.h>

#include <sstream>

#include "../support/test_support.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_access_store.h"
#include "store/sqlite/sqlite_alert_view_store.h"
#include "store/sqlite/sqlite_audit_store.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_transaction.h"

namespace sightline {
namespace {

using testing::TempDir;

constexpr const char* kAgency =
    R"({"type":"agency","id":"ealing-hv","at":"2012-01-01","name":"Ealing health visiting","kind":"health_visiting","area":"E09000009"})";

AuditRecord record(std::int64_t seq, const std::string& action) {
  return {seq,
          "2026-07-01T09:00:00Z",
          {"alice", "practitioner", "ealing-hv", action, "", "", ""},
          std::string(64, '0'),
          std::string(64, 'a')};
}

AccessNotice notice(const std::string& child) {
  return {0, "ealing-hv", "relationship_claimed", child, "alice", "practitioner", "", "now", 1};
}

class TransactionTest : public ::testing::Test {
 protected:
  std::string db() const { return dir_.file("s.db"); }
  // What another connection sees: only what has been committed.
  std::int64_t events_committed() { return open_sqlite_store(db())->counts().events; }
  bool audit_committed() { return !sqlite::SqliteAuditStore(db()).empty(); }
  std::size_t notices_committed() {
    return sqlite::SqliteAccessStore(db()).notices_for("ealing-hv", 10).size();
  }

  TempDir dir_;
};

TEST_F(TransactionTest, ATransactionDroppedUncommittedLeavesNothing) {
  sqlite::SqliteAuditStore audit(db());
  {
    const auto transaction = audit.begin();
    audit.append(*transaction, record(1, "child.read"));
    audit.set_head(*transaction, {1, std::string(64, 'a'), "signature"});
    EXPECT_TRUE(audit.last(*transaction).has_value());  // visible within it
  }
  EXPECT_TRUE(audit.empty());
  EXPECT_FALSE(audit.head().has_value());
  // The store is free again, and a committed one keeps what it wrote.
  const auto transaction = audit.begin();
  audit.append(*transaction, record(1, "child.read"));
  transaction->commit();
  EXPECT_FALSE(audit.empty());
}

TEST_F(TransactionTest, CommitMakesTheWritesOfSeveralStoresVisibleTogether) {
  auto store = open_sqlite_store(db());
  sqlite::SqliteAuditStore audit(db());
  sqlite::SqliteAccessStore access(db());
  std::istringstream feed(kAgency);
  ImportCallbacks callbacks;
  callbacks.before_commit = [&](ImportBatch& b, const ImportResult& result) {
    EXPECT_EQ(result.stored, 1);
    Transaction& transaction = b.transaction();
    audit.append(transaction, record(1, "events.write"));
    access.add_notice(transaction, notice("sofia"));
    // Nothing of it is visible outside the transaction before it commits.
    EXPECT_EQ(events_committed(), 0);
    EXPECT_FALSE(audit_committed());
    EXPECT_EQ(notices_committed(), 0u);
  };
  ASSERT_TRUE(import_feed(*store, feed, "test", callbacks).committed);
  EXPECT_EQ(events_committed(), 1);
  EXPECT_TRUE(audit_committed());
  EXPECT_EQ(notices_committed(), 1u);
}

TEST_F(TransactionTest, AFailedAuditWriteLeavesNoEventStored) {
  auto store = open_sqlite_store(db());
  sqlite::SqliteAuditStore audit(db());
  sqlite::SqliteAccessStore access(db());
  std::istringstream feed(kAgency);
  ImportCallbacks callbacks;
  callbacks.before_commit = [&](ImportBatch& b, const ImportResult&) {
    access.add_notice(b.transaction(), notice("sofia"));
    audit.append(b.transaction(), record(1, "events.write"));
    audit.append(b.transaction(), record(1, "events.write"));  // the same number: refused
  };
  EXPECT_THROW(import_feed(*store, feed, "test", callbacks), StoreError);
  EXPECT_EQ(events_committed(), 0);
  EXPECT_FALSE(audit_committed());
  EXPECT_EQ(notices_committed(), 0u);
  // The store takes the next import as if nothing had happened.
  std::istringstream again(kAgency);
  EXPECT_TRUE(import_feed(*store, again, "test", {}).committed);
  EXPECT_EQ(events_committed(), 1);
}

TEST_F(TransactionTest, AnAcknowledgementIsNotKeptWithoutItsAuditRecord) {
  { open_sqlite_store(db()); }
  sqlite::SqliteAuditStore audit(db());
  sqlite::SqliteAlertViewStore alerts(db());
  const Acknowledgement ack{"alice", "practitioner", "ealing-hv", "on it", "now", 1};
  try {
    const auto transaction = alerts.begin();
    alerts.add_acknowledgement(*transaction, "key-1", ack);
    audit.append(*transaction, record(1, "alert.acknowledged"));
    audit.append(*transaction, record(1, "alert.acknowledged"));  // refused
    transaction->commit();
    FAIL() << "a record numbered twice was kept";
  } catch (const StoreError&) {
  }
  EXPECT_TRUE(alerts.acknowledgements("key-1").empty());
  EXPECT_TRUE(audit.empty());
  {
    const auto transaction = alerts.begin();
    alerts.add_acknowledgement(*transaction, "key-1", ack);
    audit.append(*transaction, record(1, "alert.acknowledged"));
    transaction->commit();
  }
  EXPECT_EQ(alerts.acknowledgements("key-1").size(), 1u);
  EXPECT_FALSE(audit.empty());
}

TEST_F(TransactionTest, AStoreRefusesATransactionItCannotWriteWithin) {
  sqlite::SqliteAuditStore audit(db());
  sqlite::SqliteAuditStore elsewhere(dir_.file("other.db"));
  {
    const auto other_file = elsewhere.begin();
    EXPECT_THROW(audit.append(*other_file, record(1, "child.read")), std::logic_error);
  }
  const auto ended = audit.begin();
  ended->commit();
  EXPECT_THROW(audit.append(*ended, record(1, "child.read")), std::logic_error);
  EXPECT_THROW(ended->commit(), std::logic_error);

  class OtherKind final : public Transaction {
   public:
    void commit() override {}
  } other_kind;
  EXPECT_THROW(audit.append(other_kind, record(1, "child.read")), std::logic_error);
  EXPECT_TRUE(audit.empty());
}

TEST_F(TransactionTest, AStoreHeldByItsOpenTransactionRefusesItsOwnThreadRatherThanWait) {
  sqlite::SqliteAuditStore audit(db());
  const auto transaction = audit.begin();
  audit.append(*transaction, record(1, "child.read"));
  EXPECT_THROW(audit.empty(), std::logic_error);
  EXPECT_THROW(audit.begin(), std::logic_error);
  transaction->commit();  // ends it, and frees the store
  EXPECT_FALSE(audit.empty());
  const auto next = audit.begin();
  next->commit();
}

TEST_F(TransactionTest, AReadTransactionSeesOneSnapshot) {
  { open_sqlite_store(db()); }
  sqlite::SqliteAuditStore audit(db());
  sqlite::Connection reader(db());
  const auto count = [&] {
    sqlite::Statement s(reader, "SELECT count(*) FROM audit_log");
    s.step();
    return s.column_int(0);
  };
  {
    sqlite::SqliteTransaction snapshot(reader, sqlite::TransactionMode::kRead);
    EXPECT_EQ(count(), 0);
    const auto write = audit.begin();
    audit.append(*write, record(1, "child.read"));
    write->commit();
    EXPECT_EQ(count(), 0);  // still the snapshot taken at its first read
  }
  EXPECT_EQ(count(), 1);
}

}  // namespace
}  // namespace sightline
