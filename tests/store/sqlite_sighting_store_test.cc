// SqliteSightingStore on a real store file: the events about a person since a
// moment that may show a child seen, and the transfers acceptances answer.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "chronology/sightings.h"
#include "store/sqlite/sqlite_sighting_store.h"
#include "transfer_feed.h"

namespace sightline {
namespace {

using sqlite::SqliteSightingStore;
using testing::february_seconds;
using testing::TempDir;

// The `type` of each event's line, in order.
std::vector<std::string> types_of(const std::vector<DatedStoredEvent>& events) {
  static const std::regex type(R"re("type"\s*:\s*"([a-z_]+)")re");
  std::vector<std::string> out;
  for (const DatedStoredEvent& e : events) {
    std::smatch m;
    out.push_back(std::regex_search(e.json, m, type) ? m[1].str() : "(no type)");
  }
  return out;
}

class SqliteSightingStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::make_transfer_store(dir_.file("s.db")));
    store_ = std::make_unique<SqliteSightingStore>(dir_.file("s.db"));
  }
  TempDir dir_;
  std::unique_ptr<SqliteSightingStore> store_;
};

TEST_F(SqliteSightingStoreTest, GivesOnlyThePersonsEventsThatMayShowThemSeenSinceAMoment) {
  // Tia's person and transfer lines cannot show her seen; her contact can.
  const auto tia = store_->sighting_candidates("tia", february_seconds(1));
  EXPECT_EQ(types_of(tia), (std::vector<std::string>{"contact"}));
  ASSERT_EQ(tia.size(), 1u);
  EXPECT_EQ(tia[0].at_s, february_seconds(4, 10));
  EXPECT_GT(tia[0].seq, 0);
  // Uma's contact was before the 2nd.
  EXPECT_TRUE(store_->sighting_candidates("uma", february_seconds(2, 0)).empty());
  EXPECT_EQ(types_of(store_->sighting_candidates("uma", february_seconds(1, 10))),
            (std::vector<std::string>{"contact"}));
  // An acceptance belongs to its transfer's child.
  EXPECT_EQ(types_of(store_->sighting_candidates("wyn", 0)),
            (std::vector<std::string>{"transfer_accepted"}));
  EXPECT_TRUE(store_->sighting_candidates("no-one", 0).empty());
}

TEST_F(SqliteSightingStoreTest, GivesEachCandidateOnceOldestFirstAndOfATypeThatMayShowSeen) {
  const auto sofia = store_->sighting_candidates("sofia", 0);
  ASSERT_FALSE(sofia.empty());
  std::set<std::int64_t> seqs;
  for (std::size_t i = 0; i < sofia.size(); ++i) {
    EXPECT_TRUE(seqs.insert(sofia[i].seq).second) << sofia[i].json;
    if (i > 0) {
      EXPECT_TRUE(sofia[i - 1].at_s < sofia[i].at_s ||
                  (sofia[i - 1].at_s == sofia[i].at_s && sofia[i - 1].seq < sofia[i].seq));
    }
    const auto type = parse_event_type(types_of({sofia[i]})[0]);
    ASSERT_TRUE(type) << sofia[i].json;
    EXPECT_TRUE(may_show_seen(*type)) << sofia[i].json;
  }
}

TEST_F(SqliteSightingStoreTest, FindsATransferByItsIdAndNothingElse) {
  const auto wyn = store_->transfer("tr-wyn");
  ASSERT_TRUE(wyn);
  EXPECT_EQ(wyn->json.find(R"({"type":"transfer","id":"tr-wyn")"), 0u) << wyn->json;
  EXPECT_GT(wyn->seq, 0);
  EXPECT_FALSE(store_->transfer("no-such-transfer"));
  EXPECT_FALSE(store_->transfer("wyn"));  // a person's id
}

}  // namespace
}  // namespace sightline
