// GET /api/v1/safeguard-notices against a running server: the notices the
// safeguards sent to an agency, seen by that agency only, each child named
// audited; counts only for analysts, nothing for administrators.
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

class NoticesApiTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    accounts_->add("erin", Role::kPartnershipAnalyst, "lscb-ealing", kPassword, admin());
    accounts_->add("root", Role::kAdministrator, "lscb-ealing", kPassword, admin());
  }
  HttpReply get(TestClient& c, const Browser& b, const std::string& query = "") {
    return c.request("GET", "/api/v1/safeguard-notices" + query, "", b.cookie());
  }
  // The stored notices to a recipient, as the live safeguards saved them.
  std::vector<NoticeRecord> stored(const std::string& recipient) {
    return store_->with([&](Store& s) { return s.notices_to(recipient, 200, 0).notices; });
  }
  std::size_t audited(const std::string& user, const std::string& child) {
    std::size_t n = 0;
    for (const auto& r : audit_->records_about(child)) {
      n += r.entry.action == "child.notices_read" && r.entry.user == user;
    }
    return n;
  }
};

TEST_F(NoticesApiTest, AnAgencySeesTheNoticesSentToItNewestFirstAndEachChildIsAudited) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");  // ealing-hv: told of Sofia's GP registration
  const HttpReply r = get(c, alice);
  ASSERT_EQ(r.status, 200) << r.body;
  const json page = json::parse(r.body);
  const std::vector<NoticeRecord> expected = stored("ealing-hv");
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(page["recipient"], "ealing-hv");
  EXPECT_EQ(page["total"], expected.size());
  ASSERT_EQ(page["notices"].size(), expected.size());
  bool registration = false;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const json& n = page["notices"][i];
    EXPECT_EQ(n["child"], expected[i].child);
    EXPECT_EQ(n["recipient"], "ealing-hv");
    EXPECT_EQ(n["at"], expected[i].at);
    EXPECT_EQ(n["rule"], expected[i].rule);
    EXPECT_EQ(n["text"], expected[i].text);
    if (i > 0) {
      EXPECT_GE(expected[i - 1].at, expected[i].at);
    }
    if (n["rule"] == "hv-new-registration" && n["child"] == "sofia") {
      registration = true;
      EXPECT_EQ(n["child_name"], "Sofia Withheld");
      // The practice by its id alone: its name already says it is a GP
      // practice, so a reader that names it must not say so twice.
      EXPECT_EQ(
          n["text"].get<std::string>().rfind("Child under 5 registered with ealing-gp on ", 0), 0u)
          << n["text"];
    }
  }
  EXPECT_TRUE(registration) << r.body;
  EXPECT_EQ(audited("alice", "sofia"), 1u);

  const json one = json::parse(get(c, alice, "?limit=1&offset=0").body);
  EXPECT_EQ(one["total"], expected.size());
  ASSERT_EQ(one["notices"].size(), 1u);
  EXPECT_EQ(one["notices"][0]["text"], expected[0].text);
  for (const char* bad : {"?limit=0", "?limit=201", "?offset=-1", "?limit=ten"}) {
    const HttpReply refused = get(c, alice, bad);
    EXPECT_EQ(refused.status, 400) << bad;
    EXPECT_EQ(json::parse(refused.body)["error"]["code"], "bad_request") << bad;
  }
}

TEST_F(NoticesApiTest, AnotherAgencySeesNoneOfThemAndIsNotAudited) {
  TestClient c(port_);
  const Browser bob = sign_in(c, "bob");  // ealing-csc's safeguarding lead
  ASSERT_TRUE(stored("ealing-csc").empty());
  const HttpReply own = get(c, bob);
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(json::parse(own.body)["total"], 0);
  EXPECT_EQ(json::parse(own.body)["notices"].size(), 0u);
  const HttpReply other = get(c, bob, "?recipient=ealing-hv");
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.body.find("sofia"), std::string::npos);
  EXPECT_EQ(audited("bob", "sofia"), 0u);
  EXPECT_EQ(c.request("GET", "/api/v1/safeguard-notices").status, 401);
}

TEST_F(NoticesApiTest, AnalystsSeeCountsWithoutChildrenAndAdministratorsNothing) {
  TestClient c(port_);
  const Browser erin = sign_in(c, "erin");
  const HttpReply r = get(c, erin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.find("sofia"), std::string::npos);
  EXPECT_EQ(r.body.find("\"child\""), std::string::npos);
  const json body = json::parse(r.body);
  std::int64_t to_hv = 0, total = 0;
  for (const auto& row : body["counts"]) {
    total += row["count"].get<std::int64_t>();
    if (row["recipient"] == "ealing-hv") to_hv += row["count"].get<std::int64_t>();
  }
  EXPECT_EQ(to_hv, static_cast<std::int64_t>(stored("ealing-hv").size()));
  EXPECT_EQ(body["total"], total);
  for (const auto& rec : audit_->records()) EXPECT_NE(rec.entry.action, "child.notices_read");
  const Browser root = sign_in(c, "root");
  EXPECT_EQ(get(c, root).status, 403);
}

// Two babies registered with an Ealing GP practice, so the safeguards tell
// Ealing's health visiting (ealing-hv) of each: nobody from health visiting
// has had anything to do with Nia; Ned was seen at home by ealing-hv two days
// after registering; Noa's new-birth visit is booked for 4 March, two days
// after the clock's now, and already recorded attended.
constexpr const char* kRegistrations =
    R"({"type":"person","id":"nia","at":"2026-02-20","by":"ealing-gp","given":"Nia","family":"Example","dob":"2025-12-01"}
{"type":"registration","at":"2026-02-23","by":"ealing-gp","child":"nia","agency":"ealing-gp"}
{"type":"person","id":"ned","at":"2026-02-20","by":"ealing-gp","given":"Ned","family":"Example","dob":"2025-11-01"}
{"type":"registration","at":"2026-02-24","by":"ealing-gp","child":"ned","agency":"ealing-gp"}
{"type":"contact","at":"2026-02-26T10:00","by":"ealing-hv","persons":["ned"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"person","id":"noa","at":"2026-02-20","by":"ealing-gp","given":"Noa","family":"Example","dob":"2025-11-15"}
{"type":"registration","at":"2026-02-25","by":"ealing-gp","child":"noa","agency":"ealing-gp"}
{"type":"appointment","at":"2026-03-04T10:00","by":"ealing-hv","child":"noa","kind":"new_birth_visit","outcome":"attended"}
)";

class RegistrationNoticesTest : public NoticesApiTest {
 protected:
  std::string extra_feed() const override { return kRegistrations; }
  json notice_about(TestClient& c, const Browser& b, const std::string& child) {
    const HttpReply r = get(c, b, "?limit=200");
    EXPECT_EQ(r.status, 200) << r.body;
    const json page = json::parse(r.body);
    for (const json& n : page["notices"]) {
      if (n["child"] == child && n["rule"] == "hv-new-registration") return n;
    }
    ADD_FAILURE() << r.body;
    return json();
  }
};

TEST_F(RegistrationNoticesTest, TheNotifiedAgencyOpensTheChildWithoutBreakGlassAuditedByNotice) {
  ASSERT_FALSE(store_->with([](Store& s) { return s.involved("ealing-hv", "nia"); }));
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");  // ealing-hv
  const HttpReply r = c.request("GET", "/api/v1/children/nia", "", alice.cookie());
  ASSERT_EQ(r.status, 200) << r.body;
  const json access = json::parse(r.body)["access"];
  EXPECT_EQ(access["basis"], "relationship");
  EXPECT_EQ(access["by_notice"], "hv-new-registration");
  bool by_notice = false;
  for (const auto& rec : audit_->records_about("nia")) {
    if (rec.entry.action == "child.read" && rec.entry.user == "alice") {
      by_notice = rec.entry.detail.find("by notice (hv-new-registration)") != std::string::npos;
    }
  }
  EXPECT_TRUE(by_notice);
  for (const auto& rec : audit_->records_about("nia")) {
    EXPECT_NE(rec.entry.action, "child.break_glass");
  }
  // An agency the notice was not sent to still may not.
  const Browser bob = sign_in(c, "bob");  // ealing-csc
  EXPECT_EQ(c.request("GET", "/api/v1/children/nia", "", bob.cookie()).status, 403);
}

TEST_F(RegistrationNoticesTest, ANoticeIsDoneOnceHealthVisitingHasSeenTheChild) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  const json nia = notice_about(c, alice, "nia");
  ASSERT_TRUE(nia.is_object());
  EXPECT_EQ(nia["done"], false);
  EXPECT_TRUE(nia["seen"].is_null());
  const json ned = notice_about(c, alice, "ned");
  ASSERT_TRUE(ned.is_object());
  EXPECT_EQ(ned["done"], true);
  EXPECT_EQ(ned["seen"]["by"], "ealing-hv");
  EXPECT_EQ(ned["seen"]["at"].get<std::string>().substr(0, 10), "2026-02-26");
}

TEST_F(RegistrationNoticesTest, ASightingDatedAfterNowDoesNotMakeANoticeDone) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  const json noa = notice_about(c, alice, "noa");
  ASSERT_TRUE(noa.is_object());
  EXPECT_EQ(noa["done"], false);
  EXPECT_TRUE(noa["seen"].is_null());
  // Once its day has come, it is.
  advance(3 * 86400);
  const json later = notice_about(c, sign_in(c, "alice"), "noa");
  EXPECT_EQ(later["done"], true);
  EXPECT_EQ(later["seen"]["at"].get<std::string>().substr(0, 10), "2026-03-04");
}

}  // namespace
}  // namespace sightline
