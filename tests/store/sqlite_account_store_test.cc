// SqliteAccountStore on a real store file: accounts and sessions kept as
// given, the writes that belong together made together, every limit and
// instant given by the caller.
#include <gtest/gtest.h>

#include "../support/test_support.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline {
namespace {

using sqlite::SqliteAccountStore;
using testing::TempDir;

class SqliteAccountStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    open_sqlite_store(path());  // brings the new file to the newest schema
    store_ = std::make_unique<SqliteAccountStore>(path());
  }
  std::string path() const { return dir_.file("s.db"); }
  std::int64_t add(const std::string& name, const std::string& hash = "$argon2id$one") {
    const auto id =
        store_->add_account({name, "practitioner", "ealing-hv", hash, "2026-03-02T09:00:00Z"});
    EXPECT_TRUE(id.has_value()) << name;
    return id.value_or(0);
  }
  SessionStart session_of(std::int64_t user, const std::string& token_hash, std::int64_t now) {
    SessionStart start;
    start.user_id = user;
    start.token_hash = token_hash;
    start.now = now;
    start.idle_before = now - 1800;
    start.started_before = now - 43200;
    return start;
  }

  TempDir dir_;
  std::unique_ptr<SqliteAccountStore> store_;
};

TEST_F(SqliteAccountStoreTest, KeepsAnAccountAsGivenAndRefusesATakenName) {
  const std::int64_t id = add("alice", "$argon2id$alice");
  const auto found = store_->account("alice");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->role, "practitioner");
  EXPECT_EQ(found->agency, "ealing-hv");
  EXPECT_EQ(found->created, "2026-03-02T09:00:00Z");
  EXPECT_FALSE(found->disabled);
  EXPECT_EQ(found->failed_logins, 0);
  EXPECT_EQ(found->locked_until, 0);
  const auto with_password = store_->account_with_password("alice");
  ASSERT_TRUE(with_password);
  EXPECT_EQ(with_password->account, *found);
  EXPECT_EQ(with_password->password_hash, "$argon2id$alice");

  EXPECT_FALSE(store_->add_account({"alice", "manager", "luton-csc", "$x", "2026-03-03"}));
  EXPECT_EQ(store_->account("alice")->role, "practitioner");
  EXPECT_FALSE(store_->account("nobody"));
  EXPECT_FALSE(store_->account_with_password("nobody"));
}

TEST_F(SqliteAccountStoreTest, ListsAccountsByName) {
  add("carol");
  add("alice");
  add("bob");
  std::vector<std::string> names;
  for (const AccountRecord& a : store_->accounts()) names.push_back(a.username);
  EXPECT_EQ(names, (std::vector<std::string>{"alice", "bob", "carol"}));
}

TEST_F(SqliteAccountStoreTest, ASessionIsFoundByItsTokenHashWithItsAccountTouchedAndEnded) {
  const std::int64_t alice = add("alice");
  store_->start_session(session_of(alice, "hash-1", 1000));
  auto session = store_->session("hash-1");
  ASSERT_TRUE(session);
  EXPECT_EQ(session->account.username, "alice");
  EXPECT_EQ(session->created, 1000);
  EXPECT_EQ(session->last_seen, 1000);
  EXPECT_FALSE(store_->session("hash-2"));

  store_->touch_session("hash-1", 1500);
  EXPECT_EQ(store_->session("hash-1")->last_seen, 1500);
  EXPECT_EQ(store_->session("hash-1")->created, 1000);

  store_->end_session("hash-1");
  EXPECT_FALSE(store_->session("hash-1"));
  store_->end_session("hash-1");  // nothing to end
}

TEST_F(SqliteAccountStoreTest, StartingASessionClearsFailuresRehashesWhenAskedAndDropsExpiredOnes) {
  const std::int64_t alice = add("alice", "$argon2id$old");
  const std::int64_t bob = add("bob");
  store_->start_session(session_of(bob, "idle", 1000));   // last used at 1000
  store_->start_session(session_of(bob, "long", 1100));   // begun at 1100
  store_->touch_session("long", 5000);                    // but used since
  store_->start_session(session_of(bob, "fresh", 4000));  // neither
  EXPECT_FALSE(store_->count_failed_login(alice, 5, 9999));

  SessionStart start = session_of(alice, "new", 5000);
  start.new_password_hash = "$argon2id$new";
  start.idle_before = 1000;     // idle since 1000 or before: expired
  start.started_before = 1100;  // begun at 1100 or before: expired
  store_->start_session(start);

  EXPECT_FALSE(store_->session("idle"));
  EXPECT_FALSE(store_->session("long"));
  EXPECT_TRUE(store_->session("fresh"));
  EXPECT_TRUE(store_->session("new"));
  const auto a = store_->account_with_password("alice");
  EXPECT_EQ(a->password_hash, "$argon2id$new");
  EXPECT_EQ(a->account.failed_logins, 0);

  store_->start_session(session_of(alice, "again", 5001));
  EXPECT_EQ(store_->account_with_password("alice")->password_hash, "$argon2id$new");
}

TEST_F(SqliteAccountStoreTest, FailedSignInsLockTheAccountAtTheLimitAndCountAgainFromNought) {
  const std::int64_t alice = add("alice");
  EXPECT_FALSE(store_->count_failed_login(alice, 3, 7000));
  EXPECT_FALSE(store_->count_failed_login(alice, 3, 7000));
  EXPECT_EQ(store_->account("alice")->failed_logins, 2);
  EXPECT_EQ(store_->account("alice")->locked_until, 0);
  EXPECT_TRUE(store_->count_failed_login(alice, 3, 7000));
  EXPECT_EQ(store_->account("alice")->failed_logins, 0);
  EXPECT_EQ(store_->account("alice")->locked_until, 7000);
  EXPECT_FALSE(store_->count_failed_login(alice, 3, 8000));
  EXPECT_EQ(store_->account("alice")->locked_until, 7000);
}

TEST_F(SqliteAccountStoreTest, DisablingEndsEverySessionOfThatAccountOnly) {
  const std::int64_t alice = add("alice");
  const std::int64_t bob = add("bob");
  store_->start_session(session_of(alice, "a1", 1000));
  store_->start_session(session_of(alice, "a2", 1001));
  store_->start_session(session_of(bob, "b1", 1002));
  EXPECT_TRUE(store_->disable_account("alice"));
  EXPECT_TRUE(store_->account("alice")->disabled);
  EXPECT_FALSE(store_->session("a1"));
  EXPECT_FALSE(store_->session("a2"));
  EXPECT_TRUE(store_->session("b1"));
  EXPECT_FALSE(store_->account("bob")->disabled);
  EXPECT_FALSE(store_->disable_account("nobody"));
}

TEST_F(SqliteAccountStoreTest, ANewPasswordLiftsLockAndDisablementAndEndsSessions) {
  const std::int64_t alice = add("alice", "$argon2id$old");
  store_->start_session(session_of(alice, "a1", 1000));
  store_->count_failed_login(alice, 5, 0);
  store_->count_failed_login(alice, 1, 9000);  // locked
  store_->disable_account("alice");
  store_->start_session(session_of(alice, "a2", 1001));
  EXPECT_TRUE(store_->replace_password("alice", "$argon2id$new"));
  const auto a = store_->account_with_password("alice");
  EXPECT_EQ(a->password_hash, "$argon2id$new");
  EXPECT_FALSE(a->account.disabled);
  EXPECT_EQ(a->account.failed_logins, 0);
  EXPECT_EQ(a->account.locked_until, 0);
  EXPECT_FALSE(store_->session("a1"));
  EXPECT_FALSE(store_->session("a2"));
  EXPECT_FALSE(store_->replace_password("nobody", "$x"));
}

TEST_F(SqliteAccountStoreTest, WhatOneConnectionWritesAnotherReads) {
  const std::int64_t alice = add("alice");
  store_->start_session(session_of(alice, "a1", 1000));
  SqliteAccountStore other(path());
  ASSERT_TRUE(other.session("a1"));
  EXPECT_EQ(other.session("a1")->account.id, alice);
}

}  // namespace
}  // namespace sightline
