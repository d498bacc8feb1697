// SqliteTransferStore on a real store file: the transfers no acceptance or
// decline answers, by side, oldest first; and which a later one supersedes.
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_transfer_store.h"
#include "transfer_feed.h"

namespace sightline {
namespace {

using sqlite::SqliteTransferStore;
using testing::february_seconds;
using testing::TempDir;

// The `id` of each transfer's line, in order.
std::vector<std::string> ids_of(const std::vector<StoredTransfer>& transfers) {
  std::vector<std::string> out;
  for (const StoredTransfer& t : transfers) {
    const auto start = t.json.find(R"("id":")") + 6;
    out.push_back(t.json.substr(start, t.json.find('"', start) - start));
  }
  return out;
}

class SqliteTransferStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::make_transfer_store(dir_.file("s.db")));
    store_ = std::make_unique<SqliteTransferStore>(dir_.file("s.db"));
  }
  TempDir dir_;
  std::unique_ptr<SqliteTransferStore> store_;
};

TEST_F(SqliteTransferStoreTest, ListsTheUnansweredTransfersOfEachSideOldestFirst) {
  // Vic's was declined and Wyn's accepted; Uma's first is still unanswered.
  EXPECT_EQ(ids_of(store_->unanswered_transfers(TransferSide::kReceiving, "luton-csc")),
            (std::vector<std::string>{"tr-tia", "tr-uma-1", "tr-uma-2"}));
  EXPECT_EQ(ids_of(store_->unanswered_transfers(TransferSide::kSending, "luton-csc")),
            (std::vector<std::string>{"tr-xan"}));
  EXPECT_EQ(ids_of(store_->unanswered_transfers(TransferSide::kReceiving, "ealing-csc")),
            (std::vector<std::string>{"tr-xan"}));
  EXPECT_TRUE(store_->unanswered_transfers(TransferSide::kReceiving, "no-such-agency").empty());
}

// Luton accepted Sofia's transfer without seeing her, and she died: a child
// who has died waits for no sighting, and is listed on neither side.
TEST_F(SqliteTransferStoreTest, ListsTransfersAcceptedUnseenOfChildrenWhoHaveNotDied) {
  EXPECT_EQ(ids_of(store_->accepted_unseen_transfers(TransferSide::kReceiving, "luton-csc")),
            (std::vector<std::string>{"tr-yan"}));
  EXPECT_EQ(ids_of(store_->accepted_unseen_transfers(TransferSide::kSending, "ealing-csc")),
            (std::vector<std::string>{"tr-yan"}));
}

TEST_F(SqliteTransferStoreTest, GivesEachTransferAsStored) {
  const auto transfers = store_->unanswered_transfers(TransferSide::kSending, "luton-csc");
  ASSERT_EQ(transfers.size(), 1u);
  const StoredTransfer& xan = transfers[0];
  EXPECT_EQ(xan.json.find(R"({"type":"transfer","id":"tr-xan","at":"2026-02-10")"), 0u) << xan.json;
  EXPECT_EQ(xan.at, "2026-02-10");
  EXPECT_EQ(xan.recorded, "2026-02-10");
  EXPECT_EQ(xan.at_s, february_seconds(10));
  EXPECT_GT(xan.seq, 0);
}

TEST_F(SqliteTransferStoreTest, ALaterTransferOfTheSameChildBetweenTheSameAgenciesSupersedes) {
  const auto incoming = store_->unanswered_transfers(TransferSide::kReceiving, "luton-csc");
  ASSERT_EQ(incoming.size(), 3u);
  const StoredTransfer& uma_1 = incoming[1];
  const StoredTransfer& uma_2 = incoming[2];
  EXPECT_TRUE(
      store_->later_transfer_exists("ealing-csc", "luton-csc", "uma", uma_1.at_s, uma_1.seq));
  EXPECT_FALSE(
      store_->later_transfer_exists("ealing-csc", "luton-csc", "uma", uma_2.at_s, uma_2.seq));
  // On the same day, only one that arrived later.
  EXPECT_TRUE(
      store_->later_transfer_exists("ealing-csc", "luton-csc", "uma", uma_2.at_s, uma_1.seq));
  // Another child, or the other way round, does not.
  EXPECT_FALSE(
      store_->later_transfer_exists("ealing-csc", "luton-csc", "tia", uma_1.at_s, uma_1.seq));
  EXPECT_FALSE(
      store_->later_transfer_exists("luton-csc", "ealing-csc", "uma", uma_1.at_s, uma_1.seq));
}

}  // namespace
}  // namespace sightline
