// The SQLite store of the alerts as people work with them, on a real file:
// pages by owner and status, keys by owner, counts, areas and acknowledgements.
#include "store/sqlite/sqlite_alert_view_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "../support/test_support.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline {
namespace {

using testing::TempDir;

AlertRecord alert(const std::string& key, const std::string& child, const std::string& owner,
                  const std::string& raised, const std::string& resolved = "") {
  return {key,   "child-not-seen", child,
          owner, raised,           "2013-02-01",
          "1",   resolved,         R"({"key":")" + key + R"("})"};
}

class SqliteAlertViewStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto main_store = open_sqlite_store(db());
    std::istringstream feed(
        R"({"type":"agency","id":"ealing-csc","at":"2012-01-01","name":"Ealing CSC","kind":"childrens_social_care","area":"E09000009"})");
    ASSERT_TRUE(import_feed(*main_store, feed, "test", {}).committed);
    main_store->save_alerts({
        alert("a1", "sofia", "ealing-csc", "2013-01-03"),
        alert("a2", "sofia", "ealing-csc", "2013-01-01"),
        alert("a3", "other", "ealing-csc", "2013-01-02", "2013-01-05"),
        alert("a4", "other", "ealing-csc", "2013-01-04"),
        alert("a5", "sofia", "health_visiting:E09000009", "2013-01-01"),
        alert("a6", "sofia", "ealing-hv", "2013-01-01"),
    });
    store_ = std::make_unique<sqlite::SqliteAlertViewStore>(db());
  }
  std::string db() const { return dir_.file("s.db"); }
  void acknowledge(const std::string& key, const std::string& note) {
    const auto transaction = store_->begin();
    store_->add_acknowledgement(*transaction, key,
                                {"carl", "manager", "ealing-csc", note, "2026-07-01T09:00:00Z", 7});
    transaction->commit();
  }
  static std::vector<std::string> keys_of(const AlertRowPage& page) {
    std::vector<std::string> out;
    for (const AlertRow& row : page.rows) out.push_back(row.record.key);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<sqlite::SqliteAlertViewStore> store_;
};

TEST_F(SqliteAlertViewStoreTest, PagesAnOwnersAlertsByStatusUnresolvedFirstOldestRaisedFirst) {
  acknowledge("a4", "visiting tomorrow");
  AlertQuery query;
  query.owner = "ealing-csc";
  AlertRowPage open_or_acknowledged = store_->page(query);
  EXPECT_EQ(open_or_acknowledged.total, 3);
  EXPECT_EQ(keys_of(open_or_acknowledged), (std::vector<std::string>{"a2", "a1", "a4"}));
  EXPECT_EQ(open_or_acknowledged.rows[0].status, AlertStatus::kOpen);
  EXPECT_EQ(open_or_acknowledged.rows[2].status, AlertStatus::kAcknowledged);
  EXPECT_EQ(open_or_acknowledged.rows[0].record.json, R"({"key":"a2"})");

  query.statuses = {AlertStatus::kResolved, AlertStatus::kAcknowledged};
  EXPECT_EQ(keys_of(store_->page(query)), (std::vector<std::string>{"a4", "a3"}));
  EXPECT_EQ(store_->page(query).rows[1].status, AlertStatus::kResolved);

  query.statuses = {AlertStatus::kOpen, AlertStatus::kAcknowledged, AlertStatus::kResolved};
  query.child = "sofia";
  EXPECT_EQ(keys_of(store_->page(query)), (std::vector<std::string>{"a2", "a1"}));

  query.child = "";
  query.limit = 2;
  query.offset = 1;
  const AlertRowPage second = store_->page(query);
  EXPECT_EQ(second.total, 4);
  EXPECT_EQ(keys_of(second), (std::vector<std::string>{"a1", "a4"}));
}

TEST_F(SqliteAlertViewStoreTest, FindsKeysByOwnerAndTheUnownedAlertsOfAnArea) {
  auto keys = store_->keys_owned_by("ealing-csc", "");
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"a1", "a2", "a3", "a4"}));
  keys = store_->keys_owned_by("ealing-csc", "E09000009");
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"a1", "a2", "a3", "a4", "a5"}));
  EXPECT_TRUE(store_->keys_owned_by("nobody", "").empty());

  const auto a3 = store_->alert("a3");
  ASSERT_TRUE(a3.has_value());
  EXPECT_EQ(a3->record.child, "other");
  EXPECT_EQ(a3->record.resolved, "2013-01-05");
  EXPECT_EQ(a3->status, AlertStatus::kResolved);
  EXPECT_FALSE(store_->alert("none").has_value());

  EXPECT_EQ(store_->area_of("ealing-csc"), "E09000009");
  EXPECT_EQ(store_->area_of("unknown"), "");
}

TEST_F(SqliteAlertViewStoreTest, CountsByOwnerRuleLevelAndStatus) {
  acknowledge("a1", "on it");
  const auto all = store_->counts("");
  std::int64_t total = 0;
  for (const AlertCount& c : all) total += c.count;
  EXPECT_EQ(total, 6);
  const auto csc = store_->counts("ealing-csc");
  ASSERT_EQ(csc.size(), 3u);
  EXPECT_EQ(csc[0].status, AlertStatus::kOpen);
  EXPECT_EQ(csc[0].count, 2);  // a2 and a4
  EXPECT_EQ(csc[1].status, AlertStatus::kAcknowledged);
  EXPECT_EQ(csc[1].count, 1);  // a1
  EXPECT_EQ(csc[2].status, AlertStatus::kResolved);
  EXPECT_EQ(csc[2].count, 1);  // a3
  EXPECT_EQ(csc[0].owner, "ealing-csc");
  EXPECT_EQ(csc[0].rule, "child-not-seen");
  EXPECT_EQ(csc[0].level, "1");
}

TEST_F(SqliteAlertViewStoreTest, KeepsAcknowledgementsOldestFirstOnlyWhenCommitted) {
  acknowledge("a1", "first");
  acknowledge("a1", "second");
  {
    const auto dropped = store_->begin();
    store_->add_acknowledgement(*dropped, "a1", {"x", "manager", "ealing-csc", "never", "", 9});
  }
  const auto acks = store_->acknowledgements("a1");
  ASSERT_EQ(acks.size(), 2u);
  EXPECT_EQ(acks[0].note, "first");
  EXPECT_EQ(acks[1].note, "second");
  EXPECT_EQ(acks[0].username, "carl");
  EXPECT_EQ(acks[0].role, "manager");
  EXPECT_EQ(acks[0].agency, "ealing-csc");
  EXPECT_EQ(acks[0].at, "2026-07-01T09:00:00Z");
  EXPECT_EQ(acks[0].audit_seq, 7);
  EXPECT_TRUE(store_->acknowledgements("a2").empty());
}

}  // namespace
}  // namespace sightline
