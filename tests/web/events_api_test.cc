// POST /api/v1/events: the import's validation, all or nothing, reporting for
// one's own agency, and Idempotency-Key, against a running server.
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

constexpr const char* kEvents = "/api/v1/events";

json visit(const std::string& at, const std::string& by = "ealing-hv") {
  return {{"type", "contact"},    {"at", at},           {"by", by},         {"persons", {"sofia"}},
          {"mode", "home_visit"}, {"child_seen", true}, {"outcome", "seen"}};
}

class EventsApiTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    accounts_->add("erin", Role::kPartnershipAnalyst, "lscb-ealing", kPassword, admin());
    accounts_->add("root", Role::kAdministrator, "lscb-ealing", kPassword, admin());
  }
  HttpReply post(TestClient& c, const Browser& b, const json& body, const std::string& key = "") {
    auto headers = b.cookie_and_csrf();
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    return c.request("POST", kEvents, body.dump(), headers);
  }
  std::int64_t events_stored() {
    return store_->with([](Store& s) { return s.counts().events; });
  }
};

TEST_F(EventsApiTest, StoresABatchAsImportWouldAndAuditsIt) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  const std::int64_t before = events_stored();
  const HttpReply r = post(c, alice, json::array({visit("2013-09-01T10:00"), visit("2013-09-08")}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json::parse(r.body)["stored"], 2);
  EXPECT_EQ(json::parse(r.body)["stored_by_type"]["contact"], 2);
  EXPECT_EQ(events_stored(), before + 2);
  const json chronology =
      json::parse(c.request("GET", "/api/v1/children/sofia/chronology", "", alice.cookie()).body);
  bool found = false;
  for (const auto& e : chronology["entries"]) {
    found = found || e["at"].get<std::string>().rfind("2013-09-01T10:00", 0) == 0;
  }
  EXPECT_TRUE(found);
  const auto records = audit_->records();
  EXPECT_EQ(records[records.size() - 2].entry.action, "events.write");
  EXPECT_NE(records[records.size() - 2].entry.detail.find("2 stored"), std::string::npos);
}

TEST_F(EventsApiTest, AFaultyBatchStoresNothingAndNamesTheItemAndField) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  const std::int64_t before = events_stored();
  json bad = visit("2013-09-02");
  bad["mode"] = "carrier_pigeon";
  json unknown = visit("2013-09-03");
  unknown["persons"] = {"nobody-known"};
  const HttpReply r = post(c, alice, json::array({visit("2013-09-01"), bad, unknown}));
  ASSERT_EQ(r.status, 422) << r.body;
  const json faults = json::parse(r.body)["faults"];
  ASSERT_EQ(faults.size(), 2u) << r.body;
  EXPECT_EQ(faults[0]["item"], 2);
  EXPECT_EQ(faults[0]["field"], "contact.mode");
  EXPECT_EQ(faults[1]["item"], 3);
  EXPECT_EQ(events_stored(), before);
}

TEST_F(EventsApiTest, UsersReportOnlyForTheirOwnAgency) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  const HttpReply other = post(c, alice, json::array({visit("2013-09-01", "ealing-csc")}));
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(json::parse(other.body)["faults"][0]["field"], "contact.by");
  const json agency = {{"type", "agency"},          {"id", "new-hv"},
                       {"at", "2013-01-01"},        {"name", "New HV"},
                       {"kind", "health_visiting"}, {"area", "E09000009"}};
  EXPECT_EQ(post(c, alice, json::array({agency})).status, 403);
  const Browser erin = sign_in(c, "erin");
  EXPECT_EQ(post(c, erin, json::array({visit("2013-09-01")})).status, 403);
  const Browser root = sign_in(c, "root");
  EXPECT_EQ(post(c, root, json::array({visit("2013-09-01")})).status, 403);
  const HttpReply added = post(c, root, json::array({agency}));
  EXPECT_EQ(added.status, 201) << added.body;
}

TEST_F(EventsApiTest, ARetryWithTheSameIdempotencyKeyNeverStoresTwice) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  const std::int64_t before = events_stored();
  const json batch = json::array({visit("2013-09-01")});
  const HttpReply first = post(c, alice, batch, "batch-0001");
  ASSERT_EQ(first.status, 201);
  const HttpReply again = post(c, alice, batch, "batch-0001");
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(events_stored(), before + 1);
  EXPECT_EQ(post(c, alice, json::array({visit("2013-09-05")}), "batch-0001").status, 422);
  // Without a key, the store still recognises the same event.
  const HttpReply unkeyed = post(c, alice, batch);
  EXPECT_EQ(unkeyed.status, 201);
  EXPECT_EQ(json::parse(unkeyed.body)["already_stored"], 1);
  EXPECT_EQ(events_stored(), before + 1);
  EXPECT_EQ(post(c, alice, batch, std::string(201, 'k')).status, 400);
}

TEST_F(EventsApiTest, RecordingAboutAChildClaimsARelationshipOpenly) {
  accounts_->add("carol", Role::kPractitioner, "luton-hv", kPassword, admin());
  accounts_->add("dave", Role::kSafeguardingLead, "luton-hv", kPassword, admin());
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");  // already involved with Sofia: nothing to claim
  ASSERT_EQ(post(c, alice, json::array({visit("2013-09-01")})).status, 201);
  const Browser carol = sign_in(c, "carol");  // Luton: never involved
  EXPECT_EQ(c.request("GET", "/api/v1/children/sofia", "", carol.cookie()).status, 403);
  ASSERT_EQ(post(c, carol, json::array({visit("2013-09-02", "luton-hv")})).status, 201);
  EXPECT_EQ(c.request("GET", "/api/v1/children/sofia", "", carol.cookie()).status, 200);

  std::vector<std::string> claims;
  for (const auto& r : audit_->records_about("sofia")) {
    if (r.entry.action == "child.relationship_claimed") claims.push_back(r.entry.user);
  }
  EXPECT_EQ(claims, std::vector<std::string>{"carol"});
  const Browser dave = sign_in(c, "dave");
  const json notices =
      json::parse(c.request("GET", "/api/v1/notices", "", dave.cookie()).body)["notices"];
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0]["kind"], "relationship_claimed");
  EXPECT_EQ(notices[0]["user"], "carol");
  EXPECT_EQ(notices[0]["child"], "sofia");
}

TEST_F(EventsApiTest, RefusesWhatIsNotABatch) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  EXPECT_EQ(
      c.request("POST", kEvents, json::array({visit("2013-09-01")}).dump(), alice.cookie()).status,
      403);                                                    // no CSRF token
  EXPECT_EQ(post(c, alice, visit("2013-09-01")).status, 400);  // an object, not an array
  EXPECT_EQ(post(c, alice, json::array()).status, 400);
  auto headers = alice.cookie_and_csrf();
  EXPECT_EQ(c.request("POST", kEvents, "[{", headers).status, 400);
  headers.emplace_back("Content-Type", "text/plain");
  EXPECT_EQ(c.request("POST", kEvents, "[]", headers).status, 415);
  EXPECT_EQ(c.request("POST", kEvents, "[]").status, 401);
}

}  // namespace
}  // namespace sightline
