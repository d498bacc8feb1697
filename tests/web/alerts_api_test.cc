// GET /api/v1/alerts and POST /api/v1/alerts/{id}/acknowledge against a
// running server: who sees which alerts, filters and pages, aggregate counts
// for analysts, acknowledgements (a note, audited, never a resolution), and
// the resolving event that does resolve.
#include <gtest/gtest.h>

#include <set>

#include "service_fixture.h"

namespace sightline {
namespace {

using nlohmann::json;
using testing::Browser;
using testing::HttpReply;
using testing::ServiceTest;
using testing::TestClient;
using web::Role;

// Tia, alive on the test's clock (2 March 2026): Ealing's social care handed
// her to Luton's on 2 February and nobody has seen her since, so both hold an
// open transfer-child-not-seen alert (due 9 February).
constexpr const char* kTia =
    R"({"type":"person","id":"tia","at":"2026-01-05","by":"ealing-csc","given":"Tia","family":"Example","dob":"2025-06-01"}
{"type":"transfer","id":"tr-tia","at":"2026-02-02","by":"ealing-csc","child":"tia","from":"ealing-csc","to":"luton-csc","status":"child_in_need","summary":"Family moved to Luton","risks":[]}
)";

class AlertsApiTest : public ServiceTest {
 protected:
  std::string extra_feed() const override { return kTia; }
  void SetUp() override {
    ServiceTest::SetUp();
    accounts_->add("lucy", Role::kPractitioner, "luton-csc", kPassword, admin());
    accounts_->add("erin", Role::kPartnershipAnalyst, "lscb-ealing", kPassword, admin());
    accounts_->add("root", Role::kAdministrator, "lscb-ealing", kPassword, admin());
  }
  HttpReply get(TestClient& c, const Browser& b, const std::string& query = "") {
    return c.request("GET", "/api/v1/alerts" + query, "", b.cookie());
  }
  HttpReply acknowledge(TestClient& c, const Browser& b, const std::string& id, const json& body) {
    return c.request("POST", "/api/v1/alerts/" + id + "/acknowledge", body.dump(),
                     b.cookie_and_csrf());
  }
  // The stored alerts of an owner, as the live safeguards saved them.
  std::vector<AlertRecord> stored(const std::string& owner, bool resolved) {
    std::vector<AlertRecord> out;
    for (const AlertRecord& a : store_->with([](Store& s) { return s.alerts(); })) {
      if (a.owner == owner && a.resolved.empty() != resolved) out.push_back(a);
    }
    return out;
  }
  static std::string only_open_id(const json& page) {
    EXPECT_EQ(page["alerts"].size(), 1u) << page.dump();
    return page["alerts"].empty() ? "" : page["alerts"][0]["id"].get<std::string>();
  }
};

TEST_F(AlertsApiTest, EachAgencySeesItsOwnOpenAlertsByDefaultAndEachChildShownIsAudited) {
  TestClient c(port_);
  struct Case {
    const char* user;
    const char* agency;
    std::size_t open;
  };
  for (const Case& k : {Case{"bob", "ealing-csc", 1}, Case{"lucy", "luton-csc", 1},
                        Case{"alice", "ealing-hv", 0}}) {
    const Browser b = sign_in(c, k.user);
    const HttpReply r = get(c, b);
    ASSERT_EQ(r.status, 200) << k.user << ": " << r.body;
    const json page = json::parse(r.body);
    EXPECT_EQ(page["owner"], k.agency);
    EXPECT_EQ(page["total"], k.open) << k.user;
    EXPECT_EQ(stored(k.agency, false).size(), k.open) << k.user;
    for (const auto& a : page["alerts"]) {
      EXPECT_EQ(a["owner"], k.agency);
      EXPECT_EQ(a["status"], "open");
      EXPECT_EQ(a["rule"], "transfer-child-not-seen");
      EXPECT_EQ(a["child"], "tia");
      EXPECT_EQ(a["child_name"], "Tia Example");
      EXPECT_TRUE(a["resolved"].is_null());
    }
  }
  std::multiset<std::string> readers;
  for (const auto& r : audit_->records_about("tia")) {
    if (r.entry.action == "child.alerts_read") readers.insert(r.entry.user);
  }
  EXPECT_EQ(readers, (std::multiset<std::string>{"bob", "lucy"}));
}

TEST_F(AlertsApiTest, FiltersByStatusAndPagesThroughThem) {
  TestClient c(port_);
  const Browser bob = sign_in(c, "bob");
  const std::size_t resolved = stored("ealing-csc", true).size();
  ASSERT_GT(resolved, 6u);  // Sofia's, all resolved by her death
  const json all_resolved = json::parse(get(c, bob, "?status=resolved&limit=200").body);
  EXPECT_EQ(all_resolved["total"], resolved);
  ASSERT_EQ(all_resolved["alerts"].size(), resolved);
  for (const auto& a : all_resolved["alerts"]) {
    EXPECT_EQ(a["status"], "resolved");
    EXPECT_FALSE(a["resolved"].is_null());
  }
  const json both = json::parse(get(c, bob, "?status=open,resolved&limit=200").body);
  EXPECT_EQ(both["total"], resolved + 1);
  // Pages: disjoint, in one order, together the whole.
  std::vector<std::string> paged;
  for (std::size_t offset = 0; offset < resolved; offset += 4) {
    const json page =
        json::parse(get(c, bob, "?status=resolved&limit=4&offset=" + std::to_string(offset)).body);
    EXPECT_EQ(page["total"], resolved);
    EXPECT_LE(page["alerts"].size(), 4u);
    for (const auto& a : page["alerts"]) paged.push_back(a["id"]);
  }
  std::vector<std::string> whole;
  for (const auto& a : all_resolved["alerts"]) whole.push_back(a["id"]);
  EXPECT_EQ(paged, whole);
  for (const char* bad :
       {"?status=closed", "?status=open,", "?limit=0", "?limit=201", "?offset=-1", "?limit=ten"}) {
    const HttpReply r = get(c, bob, bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "bad_request") << bad;
  }
}

TEST_F(AlertsApiTest, AcknowledgedByNarrowsToOnePersonsAlertsAcrossEveryPage) {
  accounts_->add("sam", Role::kManager, "ealing-csc", kPassword, admin());
  TestClient c(port_);
  const Browser bob = sign_in(c, "bob");
  const std::string every = "?status=open,acknowledged,resolved&limit=1";
  ASSERT_GT(json::parse(get(c, bob, every).body)["total"], 6);
  json mine = json::parse(get(c, bob, every + "&acknowledged_by=me").body);
  EXPECT_EQ(mine["total"], 0);
  EXPECT_EQ(mine["alerts"], json::array());
  const std::string id = only_open_id(json::parse(get(c, bob).body));
  ASSERT_EQ(acknowledge(c, bob, id, {{"note", "Rang Luton"}}).status, 201);
  mine = json::parse(get(c, bob, every + "&acknowledged_by=me").body);
  EXPECT_EQ(mine["total"], 1);
  EXPECT_EQ(mine["acknowledged_by"], "bob");
  ASSERT_EQ(mine["alerts"].size(), 1u);
  EXPECT_EQ(mine["alerts"][0]["id"], id);
  // A colleague has acknowledged none, and may ask who took which on.
  const Browser sam = sign_in(c, "sam");
  EXPECT_EQ(json::parse(get(c, sam, every + "&acknowledged_by=me").body)["total"], 0);
  EXPECT_EQ(json::parse(get(c, sam, every + "&acknowledged_by=bob").body)["total"], 1);
}

TEST_F(AlertsApiTest, NobodySeesAnotherAgencysAlerts) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  for (const char* owner : {"ealing-csc", "luton-csc", "health_visiting:E09000009"}) {
    const HttpReply r = get(c, alice, std::string("?owner=") + owner);
    EXPECT_EQ(r.status, 403) << owner;
    EXPECT_EQ(r.body.find("tia"), std::string::npos);
  }
  EXPECT_EQ(get(c, alice, "?owner=ealing-hv").status, 200);
  EXPECT_EQ(c.request("GET", "/api/v1/alerts").status, 401);
}

TEST_F(AlertsApiTest, AnalystsSeeCountsWithoutChildrenAndAdministratorsNothing) {
  TestClient c(port_);
  const Browser erin = sign_in(c, "erin");
  const HttpReply r = get(c, erin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.find("\"tia\""), std::string::npos);
  EXPECT_EQ(r.body.find("\"sofia\""), std::string::npos);
  EXPECT_EQ(r.body.find("\"child\":"), std::string::npos);
  const json body = json::parse(r.body);
  std::int64_t open_csc = 0, total = 0;
  for (const auto& row : body["counts"]) {
    total += row["count"].get<std::int64_t>();
    if (row["owner"] == "ealing-csc" && row["status"] == "open")
      open_csc += row["count"].get<std::int64_t>();
  }
  EXPECT_EQ(open_csc, 1);
  EXPECT_EQ(body["total"], total);
  EXPECT_EQ(total,
            static_cast<std::int64_t>(store_->with([](Store& s) { return s.alerts(); }).size()));
  for (const auto& rec : audit_->records()) EXPECT_NE(rec.entry.action, "child.alerts_read");
  const Browser root = sign_in(c, "root");
  EXPECT_EQ(get(c, root).status, 403);
}

TEST_F(AlertsApiTest, AcknowledgingNeedsANoteIsAuditedAndDoesNotResolve) {
  TestClient c(port_);
  const Browser bob = sign_in(c, "bob");
  const std::string id = only_open_id(json::parse(get(c, bob).body));
  ASSERT_EQ(id.size(), 16u);
  // Refusals first: each leaves the alert open.
  EXPECT_EQ(acknowledge(c, bob, id, json::object()).status, 400);
  EXPECT_EQ(json::parse(acknowledge(c, bob, id, json{{"note", "  "}}).body)["error"]["code"],
            "note_required");
  EXPECT_EQ(acknowledge(c, bob, id, json{{"note", 7}}).status, 400);
  EXPECT_EQ(acknowledge(c, bob, id, json{{"note", "x"}, {"extra", 1}}).status, 400);
  EXPECT_EQ(c.request("POST", "/api/v1/alerts/" + id + "/acknowledge",
                      json{{"note", "on it"}}.dump(), bob.cookie())
                .status,
            403);  // no CSRF token
  EXPECT_EQ(
      c.request("POST", "/api/v1/alerts/" + id + "/acknowledge", json{{"note", "on it"}}.dump())
          .status,
      401);
  const Browser alice = sign_in(c, "alice");  // another agency: as if it did not exist
  EXPECT_EQ(acknowledge(c, alice, id, json{{"note", "on it"}}).status, 404);
  EXPECT_EQ(acknowledge(c, bob, "0123456789abcdef", json{{"note", "on it"}}).status, 404);
  const Browser erin = sign_in(c, "erin");
  EXPECT_EQ(acknowledge(c, erin, id, json{{"note", "on it"}}).status, 403);
  EXPECT_EQ(json::parse(get(c, bob, "?status=open").body)["total"], 1);

  const std::string note = "Rang Luton duty team; visit booked for Thursday";
  const HttpReply r = acknowledge(c, bob, id, json{{"note", note}});
  ASSERT_EQ(r.status, 201) << r.body;
  const json acked = json::parse(r.body);
  EXPECT_EQ(acked["status"], "acknowledged");
  EXPECT_TRUE(acked["resolved"].is_null());
  ASSERT_EQ(acked["acknowledgements"].size(), 1u);
  EXPECT_EQ(acked["acknowledgements"][0]["user"], "bob");
  EXPECT_EQ(acked["acknowledgements"][0]["note"], note);
  EXPECT_EQ(json::parse(get(c, bob, "?status=open").body)["total"], 0);
  EXPECT_EQ(only_open_id(json::parse(get(c, bob, "?status=acknowledged").body)), id);
  EXPECT_EQ(stored("ealing-csc", false).size(), 1u);  // still open in the store
  // The other owner's alert for the same duty is untouched.
  const Browser lucy = sign_in(c, "lucy");
  EXPECT_EQ(json::parse(get(c, lucy, "?status=open").body)["total"], 1);

  bool audited = false;
  for (const auto& rec : audit_->records_about("tia")) {
    audited = audited ||
              (rec.entry.action == "alert.acknowledged" && rec.entry.user == "bob" &&
               rec.entry.reason == note && acked["acknowledgements"][0]["audit_seq"] == rec.seq);
  }
  EXPECT_TRUE(audited);
  EXPECT_TRUE(verify_audit_log().ok());
}

TEST_F(AlertsApiTest, OnlyTheResolvingEventResolvesAndAResolvedAlertIsNotAcknowledged) {
  TestClient c(port_);
  const Browser bob = sign_in(c, "bob");
  const std::string id = only_open_id(json::parse(get(c, bob).body));
  ASSERT_EQ(acknowledge(c, bob, id, json{{"note", "chasing Luton"}}).status, 201);
  // Luton accepts the transfer having seen Tia this morning: the duty is done.
  const Browser lucy = sign_in(c, "lucy");
  const json accepted = {{"type", "transfer_accepted"},
                         {"at", "2026-03-02T08:30"},
                         {"by", "luton-csc"},
                         {"transfer", "tr-tia"},
                         {"child_seen", true}};
  const HttpReply posted =
      c.request("POST", "/api/v1/events", json::array({accepted}).dump(), lucy.cookie_and_csrf());
  ASSERT_EQ(posted.status, 201) << posted.body;
  EXPECT_TRUE(stored("ealing-csc", false).empty());
  EXPECT_TRUE(stored("luton-csc", false).empty());
  const json page = json::parse(get(c, bob, "?status=resolved&limit=200").body);
  bool found = false;
  for (const auto& a : page["alerts"]) {
    if (a["id"] != id) continue;
    found = true;
    EXPECT_EQ(a["status"], "resolved");
    EXPECT_EQ(a["resolved"], "2026-03-02");
    EXPECT_EQ(a["acknowledgements"].size(), 1u);
  }
  EXPECT_TRUE(found);
  const HttpReply late = acknowledge(c, bob, id, json{{"note", "done"}});
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(json::parse(late.body)["error"]["code"], "already_resolved");
}

}  // namespace
}  // namespace sightline
