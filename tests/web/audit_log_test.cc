// The audit trail: appended records chain, the head is signed, and
// verification finds every change, removal and insertion made behind the
// triggers' back.
#include "web/audit_log.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <filesystem>

#include "../support/test_support.h"
#include "run_binary.h"
#include "store/sqlite/sqlite_audit_store.h"

namespace sightline::web {
namespace {

using sightline::testing::TempDir;

// Runs SQL on the database file directly, as someone tampering with it would.
void tamper(const std::string& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(handle);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

bool mentions(const AuditVerification& v, const std::string& text) {
  for (const auto& p : v.problems) {
    if (p.find(text) != std::string::npos) return true;
  }
  return false;
}

// An audit log and the SQLite store that keeps it.
struct OpenLog {
  OpenLog(const std::string& db, const std::string& key, const Clock& clock)
      : store(db), log(store, key, clock) {}
  sqlite::SqliteAuditStore store;
  AuditLog log;
};

class AuditLogTest : public ::testing::Test {
 protected:
  AuditLogTest() : clock_(*Timestamp::parse("2026-07-01T10:00:00")) {}
  std::string db() const { return dir_.file("a.db"); }
  std::string key() const { return AuditLog::default_key_path(db()); }
  AuditVerification verify() const {
    return AuditLog::verify(*sqlite::SqliteAuditStore::open_as_is(db()), key() + ".pub");
  }

  // The log with records 1 (audit.started) to 5.
  void write_five() {
    OpenLog open(db(), key(), clock_);
    AuditLog& log = open.log;
    for (int i = 0; i < 4; ++i) {
      log.append(
          {"alice", "practitioner", "hv-1", "child.read", "child-" + std::to_string(i), "", ""});
    }
  }
  void drop_triggers() {
    tamper(db(),
           "DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;");
  }

  TempDir dir_;
  SimulatedClock clock_;
};

TEST_F(AuditLogTest, ChainsRecordsWithUtcTimesAndVerifies) {
  {
    OpenLog open(db(), key(), clock_);
    AuditLog& log = open.log;
    const AuditRecord r = log.append({"alice", "safeguarding_lead", "csc-1", "child.break_glass",
                                      "sofia", "strategy meeting in an hour", "127.0.0.1"});
    EXPECT_EQ(r.seq, 2);                      // 1 is audit.started
    EXPECT_EQ(r.at, "2026-07-01T09:00:00Z");  // 10:00 BST
    const auto about = log.records_about("sofia");
    ASSERT_EQ(about.size(), 1u);
    EXPECT_EQ(about[0].entry.reason, "strategy meeting in an hour");
    EXPECT_EQ(about[0].prev_hash, log.records()[0].hash);
  }
  const AuditVerification v = verify();
  EXPECT_TRUE(v.ok()) << v.problems[0];
  EXPECT_EQ(v.records, 2);
}

TEST_F(AuditLogTest, TheTriggersRefuseUpdateAndDelete) {
  write_five();
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db().c_str(), &handle), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(handle, "UPDATE audit_log SET user = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(handle, "DELETE FROM audit_log", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(handle);
  EXPECT_TRUE(verify().ok());
}

TEST_F(AuditLogTest, DetectsAChangedRecord) {
  write_five();
  drop_triggers();
  tamper(db(), "UPDATE audit_log SET user = 'mallory' WHERE seq = 3");
  const AuditVerification v = verify();
  EXPECT_FALSE(v.ok());
  EXPECT_TRUE(mentions(v, "record 3: its content does not match its hash")) << v.problems[0];
  EXPECT_TRUE(mentions(v, "triggers"));
}

TEST_F(AuditLogTest, DetectsAChangedLastRecordEvenWhenRehashed) {
  write_five();
  // Recomputing a hash needs no secret, so a careful forger does; then only
  // the signed head tells.
  AuditRecord last = OpenLog(db(), key(), clock_).log.records().back();
  drop_triggers();
  last.entry.user = "mallory";
  tamper(db(), "UPDATE audit_log SET user = 'mallory', hash = '" + AuditLog::chain_hash(last) +
                   "' WHERE seq = " + std::to_string(last.seq));
  const AuditVerification v = verify();
  ASSERT_FALSE(v.ok());
  EXPECT_TRUE(mentions(v, "is not the record the head signed")) << v.problems[0];
}

TEST_F(AuditLogTest, DetectsADeletedRecord) {
  write_five();
  drop_triggers();
  tamper(db(), "DELETE FROM audit_log WHERE seq = 3");
  const AuditVerification v = verify();
  EXPECT_TRUE(mentions(v, "record 3 missing")) << v.problems[0];
  EXPECT_TRUE(mentions(v, "record 4: does not follow"));
}

TEST_F(AuditLogTest, DetectsRecordsDeletedFromTheEnd) {
  write_five();
  drop_triggers();
  tamper(db(), "DELETE FROM audit_log WHERE seq >= 4");
  const AuditVerification v = verify();
  EXPECT_TRUE(mentions(v, "records removed from the end")) << v.problems[0];
}

TEST_F(AuditLogTest, DetectsAnInsertedRecord) {
  write_five();
  drop_triggers();
  // In the middle: every later number moves, so hashes break.
  tamper(db(),
         "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3;"
         "UPDATE audit_log SET seq = seq - 99 WHERE seq >= 103;"
         "INSERT INTO audit_log SELECT 3, at, 'mallory', role, agency, action, child, reason, "
         "detail, prev_hash, hash FROM audit_log WHERE seq = 2;");
  const AuditVerification middle = verify();
  EXPECT_FALSE(middle.ok());
  EXPECT_TRUE(mentions(middle, "record 3: its content does not match its hash"));
  EXPECT_TRUE(mentions(middle, "record 4: its content does not match its hash"));
}

// A well-formed record chained onto the end, as a forger without the key
// would write it.
AuditRecord forged_sixth(AuditLog& log) {
  AuditRecord r;
  r.seq = 6;
  r.at = "2026-07-01T09:00:00Z";
  r.entry = {"mallory", "administrator", "x", "child.read", "sofia", "", ""};
  r.prev_hash = log.records().back().hash;
  r.hash = AuditLog::chain_hash(r);
  return r;
}

std::string insert_sql(const AuditRecord& r) {
  return "INSERT INTO audit_log VALUES (" + std::to_string(r.seq) + ", '" + r.at + "', '" +
         r.entry.user + "', '" + r.entry.role + "', '" + r.entry.agency + "', '" + r.entry.action +
         "', '" + r.entry.child + "', '', '', '" + r.prev_hash + "', '" + r.hash + "')";
}

TEST_F(AuditLogTest, DetectsARecordAppendedWithoutTheKey) {
  write_five();
  OpenLog open(db(), key(), clock_);
  tamper(db(), insert_sql(forged_sixth(open.log)));
  const AuditVerification v = verify();
  ASSERT_FALSE(v.ok());
  EXPECT_TRUE(mentions(v, "records added without the key")) << v.problems[0];
}

TEST_F(AuditLogTest, DetectsAHeadSignedWithAnotherKey) {
  write_five();
  OpenLog open(db(), key(), clock_);
  const AuditRecord sixth = forged_sixth(open.log);
  // The forger signs the new head with a key of their own.
  { OpenLog theirs(dir_.file("theirs.db"), dir_.file("theirs.key"), clock_); }
  tamper(dir_.file("theirs.db"), "DELETE FROM audit_head");
  tamper(db(), insert_sql(sixth) + "; UPDATE audit_head SET seq = 6, hash = '" + sixth.hash + "'");
  const AuditVerification v = verify();
  ASSERT_FALSE(v.ok());
  EXPECT_TRUE(mentions(v, "signature is not valid")) << v.problems[0];
  // And the service refuses to go on writing to it.
  EXPECT_THROW(OpenLog(db(), key(), clock_), std::runtime_error);
}

TEST_F(AuditLogTest, RefusesAKeyThatDidNotSignTheHead) {
  write_five();
  EXPECT_THROW(OpenLog(db(), dir_.file("another.key"), clock_), std::runtime_error);
}

TEST_F(AuditLogTest, KeyIsPrivateAndAKeyReadableByOthersIsRefused) {
  write_five();
  struct stat st {};
  ASSERT_EQ(stat(key().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  chmod(key().c_str(), 0644);
  EXPECT_THROW(OpenLog(db(), key(), clock_), std::runtime_error);
}

TEST_F(AuditLogTest, AnEmptiedLogIsNotSilentlyRestarted) {
  write_five();
  drop_triggers();
  tamper(db(), "DELETE FROM audit_log; DELETE FROM audit_head;");
  EXPECT_THROW(OpenLog(db(), key(), clock_), std::runtime_error);
  EXPECT_TRUE(mentions(verify(), "no records"));
}

}  // namespace
}  // namespace sightline::web

namespace sightline::web {
namespace {

TEST_F(AuditLogTest, AuditVerifyCommandSaysIntactOrNamesTheDamage) {
  write_five();
  const auto intact = sightline::testing::run_sightline({"audit", "verify", "--db", db()});
  EXPECT_EQ(intact.exit_code, 0) << intact.err;
  EXPECT_NE(intact.out.find("intact: 5 records"), std::string::npos) << intact.out;
  drop_triggers();
  tamper(db(), "DELETE FROM audit_log WHERE seq = 2");
  const auto damaged = sightline::testing::run_sightline({"audit", "verify", "--db", db()});
  EXPECT_EQ(damaged.exit_code, 1);
  EXPECT_NE(damaged.err.find("record 2 missing"), std::string::npos) << damaged.err;
  EXPECT_NE(damaged.err.find("NOT intact"), std::string::npos);
  const auto no_key = sightline::testing::run_sightline(
      {"audit", "verify", "--db", db(), "--key", dir_.file("none.pub")});
  EXPECT_EQ(no_key.exit_code, 1);
  EXPECT_NE(no_key.err.find("cannot read the audit key"), std::string::npos) << no_key.err;
}

}  // namespace
}  // namespace sightline::web
