// The SQLite store of break-glass grants and the leads' notices, on a real file.
#include "store/sqlite/sqlite_access_store.h"

#include <gtest/gtest.h>

#include "../support/test_support.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline {
namespace {

using testing::TempDir;

BreakGlassGrant grant(const std::string& user, const std::string& child, std::int64_t granted,
                      std::int64_t expires) {
  return {0, user, "practitioner", "luton-hv", child, "strategy meeting today", granted, expires};
}

AccessNotice notice(const std::string& agency, const std::string& kind, std::int64_t audit_seq) {
  return {0,        agency, kind, "sofia", "lou", "practitioner", "why", "2026-07-01T09:00:00Z",
          audit_seq};
}

TEST(SqliteAccessStore, AGrantIsLiveUntilItExpiresAndTheLatestIsFound) {
  TempDir dir;
  sqlite::SqliteAccessStore store(dir.file("s.db"));
  EXPECT_FALSE(store.live_grant("lou", "sofia", 100).has_value());
  const std::int64_t first = store.add_break_glass(grant("lou", "sofia", 100, 200),
                                                   {notice("luton-hv", "break_glass", 2)});
  const std::int64_t second = store.add_break_glass(grant("lou", "sofia", 150, 250),
                                                    {notice("luton-hv", "break_glass", 3)});
  EXPECT_GT(second, first);

  const auto live = store.live_grant("lou", "sofia", 180);
  ASSERT_TRUE(live.has_value());
  EXPECT_EQ(live->id, second);
  EXPECT_EQ(live->username, "lou");
  EXPECT_EQ(live->role, "practitioner");
  EXPECT_EQ(live->agency, "luton-hv");
  EXPECT_EQ(live->child, "sofia");
  EXPECT_EQ(live->reason, "strategy meeting today");
  EXPECT_EQ(live->granted_at, 150);
  EXPECT_EQ(live->expires_at, 250);
  EXPECT_FALSE(store.live_grant("lou", "sofia", 250).has_value());  // expired
  EXPECT_FALSE(store.live_grant("lou", "other", 180).has_value());
  EXPECT_FALSE(store.live_grant("amy", "sofia", 180).has_value());

  // Each grant raised its notice with it.
  const auto notices = store.notices_for("luton-hv", 10);
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[0].audit_seq, 3);  // newest first
  EXPECT_EQ(notices[1].audit_seq, 2);
  EXPECT_EQ(notices[0].kind, "break_glass");
  EXPECT_EQ(notices[0].child, "sofia");
  EXPECT_EQ(notices[0].username, "lou");
  EXPECT_EQ(notices[0].reason, "why");
  EXPECT_EQ(notices[0].at, "2026-07-01T09:00:00Z");
}

TEST(SqliteAccessStore, NoticesAreEachAgencysOwnNewestFirstUpToTheLimit) {
  TempDir dir;
  sqlite::SqliteAccessStore store(dir.file("s.db"));
  auto main_store = open_sqlite_store(dir.file("s.db"));
  for (int i = 1; i <= 5; ++i) {
    const std::string agency = i % 2 ? "ealing-hv" : "luton-hv";
    auto batch = main_store->begin_import("test");
    store.add_notice(batch->transaction(), notice(agency, "relationship_claimed", i));
    batch->commit();
  }
  const auto ealing = store.notices_for("ealing-hv", 2);
  ASSERT_EQ(ealing.size(), 2u);
  EXPECT_EQ(ealing[0].audit_seq, 5);
  EXPECT_EQ(ealing[1].audit_seq, 3);
  EXPECT_EQ(store.notices_for("luton-hv", 10).size(), 2u);
  EXPECT_TRUE(store.notices_for("nobody", 10).empty());
}

TEST(SqliteAccessStore, AnAgencyOwningAnAlertAboutAChildIsFound) {
  TempDir dir;
  auto main_store = open_sqlite_store(dir.file("s.db"));
  main_store->save_alerts(
      {{"k1", "child-not-seen", "sofia", "ealing-csc", "2013-01-01", "2013-01-10", "0", "", "{}"}});
  sqlite::SqliteAccessStore store(dir.file("s.db"));
  EXPECT_TRUE(store.owns_alert_about("ealing-csc", "sofia"));
  EXPECT_FALSE(store.owns_alert_about("ealing-hv", "sofia"));
  EXPECT_FALSE(store.owns_alert_about("ealing-csc", "other"));
}

}  // namespace
}  // namespace sightline
