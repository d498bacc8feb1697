// The SQLite store of the events API's idempotency keys, on a real file.
#include "store/sqlite/sqlite_idempotency_store.h"

#include <gtest/gtest.h>

#include "../support/test_support.h"

namespace sightline {
namespace {

using testing::TempDir;

TEST(SqliteIdempotencyStore, KeepsEachUsersAnswerPerKeyAndForgetsWhatIsOld) {
  TempDir dir;
  sqlite::SqliteIdempotencyStore store(dir.file("s.db"));
  EXPECT_FALSE(store.find("alice", "k1").has_value());
  store.remember({"alice", "k1", "hash-1", 201, R"({"stored":1})", 1000}, 0);
  store.remember({"bob", "k1", "hash-2", 422, R"({"error":{}})", 1500}, 0);

  const auto alice = store.find("alice", "k1");
  ASSERT_TRUE(alice.has_value());
  EXPECT_EQ(alice->username, "alice");
  EXPECT_EQ(alice->key, "k1");
  EXPECT_EQ(alice->request_hash, "hash-1");
  EXPECT_EQ(alice->status, 201);
  EXPECT_EQ(alice->response, R"({"stored":1})");
  EXPECT_EQ(alice->created, 1000);
  EXPECT_EQ(store.find("bob", "k1")->status, 422);  // keys are each user's own
  EXPECT_FALSE(store.find("alice", "k2").has_value());

  // Remembering forgets, in the same step, what was created before the cut.
  store.remember({"carol", "k9", "hash-3", 201, "{}", 2000}, 1200);
  EXPECT_FALSE(store.find("alice", "k1").has_value());
  EXPECT_TRUE(store.find("bob", "k1").has_value());
  EXPECT_TRUE(store.find("carol", "k9").has_value());
  // An expired key may be used again.
  store.remember({"alice", "k1", "hash-4", 201, "{}", 2100}, 1200);
  EXPECT_EQ(store.find("alice", "k1")->request_hash, "hash-4");
}

TEST(SqliteIdempotencyStore, AKeyKeptIsNotOverwritten) {
  TempDir dir;
  sqlite::SqliteIdempotencyStore store(dir.file("s.db"));
  store.remember({"alice", "k1", "hash-1", 201, "{}", 1000}, 0);
  EXPECT_THROW(store.remember({"alice", "k1", "hash-2", 201, "{}", 1001}, 0), StoreError);
  EXPECT_EQ(store.find("alice", "k1")->request_hash, "hash-1");
}

}  // namespace
}  // namespace sightline
