// POST /api/v1/events: the import's validation, all or nothing, reporting for
// one's own agency, and Idempotency-Key, against a running server.
#include <gtest/gtest.h>
#include <sqlite3.h>

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

// Issue 13, finding 1: one practitioner's request used to kill the server.
// A note of 100,000 nested brackets parsed, then overflowed the stack when
// the item was printed. Bodies nesting deeper than any the service accepts
// are refused as bad JSON, on every JSON endpoint, and the server answers on.
TEST_F(EventsApiTest, ADeeplyNestedBodyIsRefusedAndTheServerAnswersOn) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  const std::int64_t before = events_stored();
  constexpr int kDepth = 100000;
  const std::string nested = std::string(kDepth, '[') + std::string(kDepth, ']');
  std::string item = visit("2013-09-01").dump();
  item.insert(item.size() - 1, ",\"note\":" + nested);
  const HttpReply r = c.request("POST", kEvents, "[" + item + "]", alice.cookie_and_csrf());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "bad_json");
  EXPECT_EQ(events_stored(), before);
  for (const char* target : {"/api/v1/session", "/api/v1/children/sofia/break-glass"}) {
    const HttpReply other =
        c.request("POST", target, "{\"reason\":" + nested + "}", alice.cookie_and_csrf());
    EXPECT_EQ(other.status, 400) << target << ": " << other.body;
  }
  EXPECT_EQ(c.request("GET", "/health").status, 200);
  // A body within the bound is still read: 32 levels, the outermost array counting.
  const std::string deep_note = std::string(30, '[') + std::string(30, ']');
  std::string within = visit("2013-09-02").dump();
  within.insert(within.size() - 1, ",\"note\":" + deep_note);
  const HttpReply ok = c.request("POST", kEvents, "[" + within + "]", alice.cookie_and_csrf());
  EXPECT_EQ(ok.status, 422) << ok.body;  // read, and refused for what it says: a note is text
}

TEST_F(EventsApiTest, AFaultyBatchStoresNothingAndNamesTheItemAndField) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  const std::int64_t before = events_stored();
  json bad = visit("2013-09-02");
  bad["mode"] = "carrier_pigeon";
  json early = visit("2013-09-03");
  early["recorded"] = "2013-09-02";  // recorded before it happened
  const HttpReply r = post(c, alice, json::array({visit("2013-09-01"), bad, early}));
  ASSERT_EQ(r.status, 422) << r.body;
  const json faults = json::parse(r.body)["faults"];
  ASSERT_EQ(faults.size(), 2u) << r.body;
  EXPECT_EQ(faults[0]["item"], 2);
  EXPECT_EQ(faults[0]["field"], "contact.mode");
  EXPECT_EQ(faults[1]["item"], 3);
  EXPECT_EQ(events_stored(), before);
  // Nor is its audit record: the write never happened.
  for (const auto& record : audit_->records()) EXPECT_NE(record.entry.action, "events.write");
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

TEST_F(EventsApiTest, WithoutARelationshipARefusalIsTheSameWhetherOrNotThePersonExists) {
  accounts_->add("carol", Role::kPractitioner, "luton-hv", kPassword, admin());
  TestClient c(port_);
  const Browser carol = sign_in(c, "carol");  // Luton: never involved with Sofia
  const std::int64_t before = events_stored();
  // The same refusal, word for word but for the id, for a known child (sofia),
  // a person that does not exist, and earlier events of either kind.
  struct Case {
    const char* what;
    json item;
    std::string id;
  };
  json unknown = visit("2013-09-02", "luton-hv");
  unknown["persons"] = {"nobody-known"};
  const json accept_known = {{"type", "transfer_accepted"},
                             {"at", "2013-09-02"},
                             {"by", "luton-hv"},
                             {"transfer", "transfer-ealing-luton"},
                             {"child_seen", false}};
  json accept_unknown = accept_known;
  accept_unknown["transfer"] = "tr-nowhere";
  const std::vector<Case> cases = {
      {"a known child", visit("2013-09-02", "luton-hv"), "sofia"},
      {"an unknown person", unknown, "nobody-known"},
      {"a known child's transfer", accept_known, "transfer-ealing-luton"},
      {"an unknown transfer", accept_unknown, "tr-nowhere"},
  };
  std::vector<std::string> shapes;
  for (const Case& k : cases) {
    const HttpReply r = post(c, carol, json::array({k.item}));
    ASSERT_EQ(r.status, 403) << k.what << ": " << r.body;
    json body = json::parse(r.body);
    EXPECT_EQ(body["error"]["code"], "no_relationship") << k.what;
    std::string text = body.dump();
    for (std::size_t at; (at = text.find(k.id)) != std::string::npos;)
      text.replace(at, k.id.size(), "ID");
    shapes.push_back(text);
  }
  EXPECT_EQ(shapes[0], shapes[1]);
  EXPECT_EQ(shapes[2], shapes[3]);
  EXPECT_EQ(events_stored(), before);
  std::vector<std::string> refused;
  for (const auto& r : audit_->records()) {
    if (r.entry.action == "child.refused" && r.entry.user == "carol")
      refused.push_back(r.entry.child);
  }
  EXPECT_EQ(refused, (std::vector<std::string>{"sofia", "nobody-known"}));
}

TEST_F(EventsApiTest, AnAgencyMayDefineNewPeopleAndRecordAboutThemInOneBatch) {
  accounts_->add("carol", Role::kPractitioner, "luton-hv", kPassword, admin());
  TestClient c(port_);
  const Browser carol = sign_in(c, "carol");
  const json person = {{"type", "person"}, {"id", "yusuf"},    {"at", "2013-09-01"},
                       {"by", "luton-hv"}, {"given", "Yusuf"}, {"family", "Example"}};
  json seen = visit("2013-09-02", "luton-hv");
  seen["persons"] = {"yusuf"};
  const HttpReply r = post(c, carol, json::array({person, seen}));
  EXPECT_EQ(r.status, 201) << r.body;
  // Updating someone else's person is recording about them.
  json update = person;
  update["id"] = "sofia";
  EXPECT_EQ(post(c, carol, json::array({update})).status, 403);
}

TEST_F(EventsApiTest, RecordingAfterBreakingTheGlassClaimsARelationshipOpenly) {
  accounts_->add("carol", Role::kPractitioner, "luton-hv", kPassword, admin());
  accounts_->add("dave", Role::kSafeguardingLead, "luton-hv", kPassword, admin());
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");  // already involved with Sofia: nothing to claim
  ASSERT_EQ(post(c, alice, json::array({visit("2013-09-01")})).status, 201);
  const Browser carol = sign_in(c, "carol");  // Luton: never involved
  EXPECT_EQ(c.request("GET", "/api/v1/children/sofia", "", carol.cookie()).status, 403);
  EXPECT_EQ(post(c, carol, json::array({visit("2013-09-02", "luton-hv")})).status, 403);
  ASSERT_EQ(c.request("POST", "/api/v1/children/sofia/break-glass",
                      json{{"reason", "mother presented at Luton clinic with baby"}}.dump(),
                      carol.cookie_and_csrf())
                .status,
            201);
  ASSERT_EQ(post(c, carol, json::array({visit("2013-09-02", "luton-hv")})).status, 201);
  // The relationship outlasts the grant.
  advance(2 * 3600);
  const Browser later = sign_in(c, "carol");
  EXPECT_EQ(c.request("GET", "/api/v1/children/sofia", "", later.cookie()).status, 200);

  std::vector<std::string> claims;
  for (const auto& r : audit_->records_about("sofia")) {
    if (r.entry.action == "child.relationship_claimed") claims.push_back(r.entry.user);
  }
  EXPECT_EQ(claims, std::vector<std::string>{"carol"});
  const Browser dave = sign_in(c, "dave");
  const json notices =
      json::parse(c.request("GET", "/api/v1/notices", "", dave.cookie()).body)["notices"];
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[0]["kind"], "relationship_claimed");
  EXPECT_EQ(notices[0]["user"], "carol");
  EXPECT_EQ(notices[0]["child"], "sofia");
  EXPECT_EQ(notices[1]["kind"], "break_glass");
}

TEST_F(EventsApiTest, TheAuditRecordOfAWriteCommitsWithItsEvents) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  const std::int64_t before = events_stored();
  // Break the audit log behind the service's back: the write must not happen.
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db().c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "ALTER TABLE audit_head RENAME TO audit_head_gone", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  const HttpReply r = post(c, alice, json::array({visit("2013-09-01")}));
  EXPECT_EQ(r.status, 500) << r.body;
  EXPECT_EQ(events_stored(), before);
  ASSERT_EQ(sqlite3_exec(handle, "ALTER TABLE audit_head_gone RENAME TO audit_head", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(handle);
  ASSERT_EQ(post(c, alice, json::array({visit("2013-09-01")})).status, 201);
  EXPECT_EQ(events_stored(), before + 1);
  EXPECT_TRUE(verify_audit_log().ok());
}

// A batch larger than the store's write set (2,048 events) is written by the
// import's writer thread in several sets; the audit record must still join the
// same transaction, and a failure after the first sets must undo them all.
TEST_F(EventsApiTest, ABatchOfSeveralWriteSetsCommitsWithItsAuditOrNotAtAll) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  json batch = json::array();
  for (int i = 0; i < 5000; ++i) {
    batch.push_back(
        visit("2013-09-01T10:" + std::string(i % 60 < 10 ? "0" : "") + std::to_string(i % 60)));
  }
  const std::int64_t before = events_stored();

  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db().c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "ALTER TABLE audit_head RENAME TO audit_head_gone", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  EXPECT_EQ(post(c, alice, batch).status, 500);
  EXPECT_EQ(events_stored(), before);
  ASSERT_EQ(sqlite3_exec(handle, "ALTER TABLE audit_head_gone RENAME TO audit_head", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(handle);

  const HttpReply r = post(c, alice, batch);
  ASSERT_EQ(r.status, 201) << r.body.substr(0, 400);
  EXPECT_EQ(json::parse(r.body)["stored"], 5000);
  EXPECT_EQ(events_stored(), before + 5000);
  std::vector<std::string> writes;
  for (const auto& record : audit_->records()) {
    if (record.entry.action == "events.write") writes.push_back(record.entry.detail);
  }
  ASSERT_EQ(writes.size(), 1u);  // the refused attempt left no record
  EXPECT_NE(writes[0].find("5000 stored"), std::string::npos) << writes[0];
  EXPECT_TRUE(verify_audit_log().ok());
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
