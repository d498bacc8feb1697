// The safeguards engine inside the running service: deadlines fall due on the
// clock with no request arriving, events stored through the API are applied
// as they commit, and alerts land in the store as they change.
#include <gtest/gtest.h>

#include "service_fixture.h"

namespace sightline {
namespace {

using nlohmann::json;
using testing::Browser;
using testing::HttpReply;
using testing::ServiceTest;
using testing::TestClient;
using web::Role;

// Uma is handed from Ealing's social care to Luton's this morning (the test's
// clock starts at 09:00 on Monday 2 March 2026): Luton must see her within 5
// working days, by the end of Monday 9 March.
constexpr const char* kUma =
    R"({"type":"person","id":"uma","at":"2026-02-20","by":"ealing-csc","given":"Uma","family":"Example","dob":"2025-11-01"}
{"type":"transfer","id":"tr-uma","at":"2026-03-02T08:00","by":"ealing-csc","child":"uma","from":"ealing-csc","to":"luton-csc","status":"child_in_need","risks":[]}
)";

class LiveSafeguardsTest : public ServiceTest {
 protected:
  std::string extra_feed() const override { return kUma; }
  std::vector<AlertRecord> uma_alerts() {
    std::vector<AlertRecord> out;
    for (const AlertRecord& a : store_->with([](Store& s) { return s.alerts(); })) {
      if (a.child == "uma") out.push_back(a);
    }
    return out;
  }
  // Moves the simulated clock, as time passing would, and waits for the
  // service's own timer to have caught up with it (no request is made).
  void move_clock_to(const char* when) {
    const Timestamp t = *Timestamp::parse(when);
    clock_.set(t);
    ASSERT_TRUE(live_->wait_for_clock(t, std::chrono::seconds(30))) << when;
  }
};

TEST_F(LiveSafeguardsTest, ADutyFallsDueOnTheClockWithNoRequest) {
  EXPECT_TRUE(uma_alerts().empty());
  const std::int64_t applied = live_->status().applied;
  move_clock_to("2026-03-09T23:00");  // the last day: not yet due
  EXPECT_TRUE(uma_alerts().empty());
  move_clock_to("2026-03-10T00:01");  // the day after: raised, for both agencies
  const auto alerts = uma_alerts();
  ASSERT_EQ(alerts.size(), 2u);
  for (const AlertRecord& a : alerts) {
    EXPECT_EQ(a.rule, "transfer-child-not-seen");
    EXPECT_EQ(a.due, "2026-03-09");
    EXPECT_EQ(a.raised, "2026-03-10");
    EXPECT_EQ(a.level, "practitioner");
    EXPECT_TRUE(a.resolved.empty());
  }
  EXPECT_EQ(alerts[0].owner == "ealing-csc" ? alerts[1].owner : alerts[0].owner, "luton-csc");
  EXPECT_EQ(live_->status().applied, applied);  // time alone did it

  // Two working days later it has reached the manager, still with no request.
  move_clock_to("2026-03-12T08:00");
  for (const AlertRecord& a : uma_alerts()) EXPECT_EQ(a.level, "manager") << a.owner;

  // And the API shows it, to the receiving agency.
  accounts_->add("lucy", Role::kPractitioner, "luton-csc", kPassword, admin());
  TestClient c(port_);
  const Browser lucy = sign_in(c, "lucy");
  const json page = json::parse(c.request("GET", "/api/v1/alerts", "", lucy.cookie()).body);
  ASSERT_EQ(page["alerts"].size(), 1u) << page.dump();
  EXPECT_EQ(page["alerts"][0]["child"], "uma");
  EXPECT_EQ(page["alerts"][0]["level"], "manager");
}

TEST_F(LiveSafeguardsTest, EventsStoredThroughTheApiAreAppliedAsTheyCommit) {
  accounts_->add("lucy", Role::kPractitioner, "luton-csc", kPassword, admin());
  move_clock_to("2026-03-04T12:00");
  TestClient c(port_);
  const Browser lucy = sign_in(c, "lucy");
  // Luton sees Uma in time: the duty is done, and no alert is ever raised.
  const json accepted = {{"type", "transfer_accepted"},
                         {"at", "2026-03-04T11:00"},
                         {"by", "luton-csc"},
                         {"transfer", "tr-uma"},
                         {"child_seen", true}};
  const std::int64_t applied = live_->status().applied;
  const HttpReply r =
      c.request("POST", "/api/v1/events", json::array({accepted}).dump(), lucy.cookie_and_csrf());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(live_->status().applied, applied + 1);  // applied before the answer
  move_clock_to("2026-03-20T09:00");
  EXPECT_TRUE(uma_alerts().empty());
}

TEST_F(LiveSafeguardsTest, EventsStoredByAnotherProcessAreAppliedAtTheNextTick) {
  // As `sightline import` would, through its own connection.
  {
    auto other = open_sqlite_store(db());
    std::istringstream feed(
        R"({"type":"transfer_accepted","at":"2026-03-03T10:00","by":"luton-csc","transfer":"tr-uma","child_seen":true})"
        "\n");
    ASSERT_TRUE(import_feed(*other, feed, "elsewhere", {}).committed);
  }
  move_clock_to("2026-03-20T09:00");
  EXPECT_TRUE(uma_alerts().empty());
  EXPECT_GE(live_->status().applied, 1);
}

TEST_F(LiveSafeguardsTest, AnEventRecordedInTheFutureWaitsForItsTime) {
  // Recorded next week, stored now (a feed dated ahead): not applied before
  // its time, so the duty still falls due.
  {
    auto other = open_sqlite_store(db());
    std::istringstream feed(
        R"({"type":"transfer_accepted","at":"2026-03-16T10:00","by":"luton-csc","transfer":"tr-uma","child_seen":true})"
        "\n");
    ASSERT_TRUE(import_feed(*other, feed, "ahead", {}).committed);
  }
  move_clock_to("2026-03-10T09:00");
  ASSERT_EQ(uma_alerts().size(), 2u);
  move_clock_to("2026-03-16T11:00");
  for (const AlertRecord& a : uma_alerts()) EXPECT_EQ(a.resolved, "2026-03-16") << a.owner;
}

}  // namespace
}  // namespace sightline
