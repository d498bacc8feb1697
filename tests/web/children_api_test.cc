// Children's records over HTTP: the legitimate-relationship check on every
// route (search included), break-glass with its audit and notice, who looked,
// and aggregate figures, against a running server.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <sstream>
#include <thread>

#include "service_fixture.h"
#include "web/children_api.h"

namespace sightline {
namespace {

using nlohmann::json;
using testing::Browser;
using testing::HttpReply;
using testing::ServiceTest;
using testing::TestClient;
using web::Role;

class ChildrenApiTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    // A child only Luton health visiting knows.
    std::istringstream extra(
        R"({"type":"person","id":"zara","at":"2013-02-01","by":"luton-hv","given":"Zara","family":"Withheld","dob":"2013-01-20"})"
        "\n"
        R"({"type":"hv_level","at":"2013-02-01","by":"luton-hv","child":"zara","level":"universal"})"
        "\n");
    ASSERT_TRUE(
        store_->with([&](Store& s) { return import_feed(s, extra, "extra", {}); }).committed);
    accounts_->add("carol", Role::kPractitioner, "luton-hv", kPassword, admin());
    accounts_->add("dave", Role::kSafeguardingLead, "luton-hv", kPassword, admin());
    accounts_->add("erin", Role::kPartnershipAnalyst, "lscb-ealing", kPassword, admin());
    accounts_->add("root", Role::kAdministrator, "lscb-ealing", kPassword, admin());
  }

  HttpReply get(TestClient& c, const Browser& b, const std::string& target) {
    return c.request("GET", target, "", b.cookie());
  }
  HttpReply break_glass(TestClient& c, const Browser& b, const std::string& child,
                        const json& body) {
    return c.request("POST", "/api/v1/children/" + child + "/break-glass", body.dump(),
                     b.cookie_and_csrf());
  }
  std::vector<std::string> ids_found(TestClient& c, const Browser& b, const std::string& query) {
    const HttpReply r = get(c, b, "/api/v1/children?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    const json body = json::parse(r.body);
    for (const auto& child : body["children"]) ids.push_back(child["id"]);
    return ids;
  }
  std::vector<web::AuditRecord> audit_about(const std::string& child) {
    return audit_->records_about(child);
  }
};

TEST_F(ChildrenApiTest, AnInvolvedAgencySeesTheSummaryAndChronologyAndEachReadIsAudited) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");  // Ealing health visiting
  const HttpReply summary = get(c, alice, "/api/v1/children/sofia");
  ASSERT_EQ(summary.status, 200) << summary.body;
  const json s = json::parse(summary.body);
  EXPECT_EQ(s["name"], "Sofia Withheld");
  EXPECT_EQ(s["dob"], "2012-10-02");
  EXPECT_EQ(s["access"]["basis"], "relationship");
  EXPECT_GT(s["events"].get<int>(), 10);

  const HttpReply all = get(c, alice, "/api/v1/children/sofia/chronology");
  ASSERT_EQ(all.status, 200);
  const HttpReply then = get(c, alice, "/api/v1/children/sofia/chronology?as_known_at=2012-12-31");
  ASSERT_EQ(then.status, 200);
  const auto n_all = json::parse(all.body)["entries"].size();
  const auto n_then = json::parse(then.body)["entries"].size();
  EXPECT_GT(n_all, n_then);
  EXPECT_GT(n_then, 0u);
  EXPECT_EQ(json::parse(then.body)["as_known_at"], "2012-12-31T23:59:59");
  EXPECT_EQ(get(c, alice, "/api/v1/children/sofia/chronology?as_known_at=last+year").status, 400);

  const auto records = audit_about("sofia");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].entry.action, "child.read");
  EXPECT_EQ(records[0].entry.user, "alice");
  EXPECT_EQ(records[0].entry.role, "practitioner");
  EXPECT_EQ(records[0].entry.agency, "ealing-hv");
  EXPECT_EQ(records[1].entry.action, "child.chronology");
  EXPECT_EQ(get(c, alice, "/api/v1/children/nobody").status, 403);  // no relationship with nobody
}

TEST_F(ChildrenApiTest, TheSummaryGivesTheCataloguesTermsOfTheChild) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  const HttpReply summary = get(c, alice, "/api/v1/children/sofia");
  ASSERT_EQ(summary.status, 200) << summary.body;
  const json t = json::parse(summary.body)["terms"];
  // Sofia was last seen at Hammersmith Hospital, where she died (a medical).
  EXPECT_EQ(t["last_seen"], (json{{"at", "2013-10-14T04:40:00"}, {"by", "hammersmith-hospital"}}));
  EXPECT_TRUE(t["whereabouts_unknown_since"].is_null());
  EXPECT_EQ(t["area"], "E09000013");
  EXPECT_EQ(t["date_of_birth"], "2012-10-02");
  EXPECT_EQ(t["hv_level"], "universal_plus");
  EXPECT_EQ(t["hv_enhanced"], true);
  // Westminster's and Ealing's assessments were never completed (C8).
  ASSERT_EQ(t["involvement"].size(), 3u);
  EXPECT_EQ(t["involvement"][0]["agency"], "westminster-csc");
  EXPECT_EQ(t["involvement"][0]["kind"], "assessment");
  EXPECT_EQ(t["involvement"][1]["kind"], "enhanced_health_visiting");
  EXPECT_TRUE(t["involvement"][1]["ref"].is_null());
  EXPECT_EQ(t["involvement"][2]["ref"], "ealing-assessment-2012-12");
  EXPECT_EQ(t["indicators"].size(), 5u);  // five of the seven domains (C7)
  EXPECT_EQ(t["indicators"]["physical_care"][0]["indicator"], "no_baby_equipment");
}

TEST_F(ChildrenApiTest, WithoutARelationshipNothingIsRevealedSearchIncluded) {
  TestClient c(port_);
  const Browser carol = sign_in(c, "carol");  // Luton health visiting: never involved with Sofia
  const HttpReply sofia = get(c, carol, "/api/v1/children/sofia");
  const HttpReply nobody = get(c, carol, "/api/v1/children/no-such-child");
  EXPECT_EQ(sofia.status, 403);
  EXPECT_EQ(sofia.body, nobody.body);  // existence is not revealed either
  EXPECT_EQ(sofia.body.find("Withheld"), std::string::npos);
  EXPECT_EQ(get(c, carol, "/api/v1/children/sofia/chronology").status, 403);
  EXPECT_EQ(get(c, carol, "/api/v1/children/sofia/audit").status, 403);
  // Each refusal is audited.
  const auto refused = audit_about("sofia");
  ASSERT_EQ(refused.size(), 3u);
  for (const auto& r : refused) {
    EXPECT_EQ(r.entry.action, "child.refused");
    EXPECT_EQ(r.entry.user, "carol");
  }
  EXPECT_NE(refused[1].entry.detail.find("child.chronology refused (403)"), std::string::npos);
  EXPECT_TRUE(ids_found(c, carol, "q=sofia").empty());
  EXPECT_EQ(ids_found(c, carol, "q=withheld"), std::vector<std::string>{"zara"});
  EXPECT_EQ(ids_found(c, carol, "dob=2012-10-02").size(), 0u);

  const Browser alice = sign_in(c, "alice");
  const auto seen = ids_found(c, alice, "q=Withheld");
  EXPECT_NE(std::find(seen.begin(), seen.end(), "sofia"), seen.end());
  EXPECT_EQ(std::find(seen.begin(), seen.end(), "zara"), seen.end());
  EXPECT_EQ(ids_found(c, alice, "q=2012-10-02"), std::vector<std::string>{"sofia"});
  EXPECT_EQ(get(c, alice, "/api/v1/children").status, 400);
  EXPECT_EQ(get(c, alice, "/api/v1/children?dob=yesterday").status, 400);
  // What search showed is audited, child by child.
  EXPECT_EQ(audit_about("zara").back().entry.action, "child.found_in_search");
}

TEST_F(ChildrenApiTest, SearchFindsPartialNamesInAnyOrderAndNeverListsAdults) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");  // Ealing health visiting: involved with the family
  using V = std::vector<std::string>;
  EXPECT_EQ(ids_found(c, alice, "q=Sofia+W"), V{"sofia"});
  EXPECT_EQ(ids_found(c, alice, "q=w+sofia"), V{"sofia"});
  EXPECT_EQ(ids_found(c, alice, "q=sof"), V{"sofia"});
  EXPECT_EQ(ids_found(c, alice, "name=Sofia+W"), V{"sofia"});
  // Sofia's mother and father are known to Ealing health visiting too, but
  // no event names them as a child: they are never listed.
  EXPECT_EQ(ids_found(c, alice, "q=Withheld"), V{"sofia"});
  EXPECT_TRUE(ids_found(c, alice, "q=mother").empty());
  // Luton health visiting knows Zara, named as a child by its own record.
  const Browser carol = sign_in(c, "carol");
  EXPECT_EQ(ids_found(c, carol, "q=z+with"), V{"zara"});
}

TEST_F(ChildrenApiTest, AnalystsAndAdministratorsSeeNoIdentities) {
  TestClient c(port_);
  for (const char* user : {"erin", "root"}) {
    const Browser b = sign_in(c, user);
    EXPECT_EQ(get(c, b, "/api/v1/children/sofia").status, 403) << user;
    EXPECT_EQ(get(c, b, "/api/v1/children/sofia/chronology").status, 403) << user;
    EXPECT_EQ(get(c, b, "/api/v1/children?q=sofia").status, 403) << user;
    EXPECT_EQ(break_glass(c, b, "sofia", {{"reason", "I would like to see it please"}}).status, 403)
        << user;
  }
  const Browser erin = sign_in(c, "erin");
  const HttpReply stats = get(c, erin, "/api/v1/statistics");
  ASSERT_EQ(stats.status, 200);
  EXPECT_GT(json::parse(stats.body)["events"].get<int>(), 100);
  EXPECT_EQ(stats.body.find("sofia"), std::string::npos);
  EXPECT_EQ(stats.body.find("Withheld"), std::string::npos);
}

TEST_F(ChildrenApiTest, BreakGlassNeedsAReasonIsAuditedNotifiesTheLeadAndExpires) {
  TestClient c(port_);
  const Browser carol = sign_in(c, "carol");
  EXPECT_EQ(break_glass(c, carol, "sofia", json::object()).status, 400);
  EXPECT_EQ(break_glass(c, carol, "sofia", {{"reason", "   urgent  "}}).status, 400);
  EXPECT_EQ(c.request("POST", "/api/v1/children/sofia/break-glass",
                      json{{"reason", "baby brought to A&E by ambulance"}}.dump(), carol.cookie())
                .status,
            403);  // no CSRF token
  EXPECT_EQ(get(c, carol, "/api/v1/children/sofia").status, 403);

  const HttpReply granted =
      break_glass(c, carol, "sofia", {{"reason", "baby brought to A&E by ambulance"}});
  ASSERT_EQ(granted.status, 201) << granted.body;
  const HttpReply summary = get(c, carol, "/api/v1/children/sofia");
  ASSERT_EQ(summary.status, 200);
  EXPECT_EQ(json::parse(summary.body)["access"]["basis"], "break_glass");

  const auto records = audit_about("sofia");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].entry.action, "child.refused");  // the look before breaking the glass
  EXPECT_EQ(records[1].entry.action, "child.break_glass");
  EXPECT_EQ(records[1].entry.reason, "baby brought to A&E by ambulance");
  EXPECT_EQ(records[2].entry.action, "child.read");
  EXPECT_EQ(records[2].entry.reason, "baby brought to A&E by ambulance");

  // Luton's safeguarding lead is told; Ealing's is not.
  const Browser dave = sign_in(c, "dave");
  const json notices = json::parse(get(c, dave, "/api/v1/notices").body)["notices"];
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0]["user"], "carol");
  EXPECT_EQ(notices[0]["child"], "sofia");
  EXPECT_EQ(notices[0]["reason"], "baby brought to A&E by ambulance");
  const Browser bob = sign_in(c, "bob");
  EXPECT_TRUE(json::parse(get(c, bob, "/api/v1/notices").body)["notices"].empty());
  EXPECT_EQ(get(c, carol, "/api/v1/notices").status, 403);

  advance(61 * 60);
  const Browser carol_later = sign_in(c, "carol");
  EXPECT_EQ(get(c, carol_later, "/api/v1/children/sofia").status, 403);
}

// Ivy is under an assessment by Ealing's social care (open involvement):
// when a professional of another area (Luton) needs her record, the family
// may have moved, so Ealing's leads are told; one of Ealing's own agencies
// breaking the glass tells only its own leads.
TEST_F(ChildrenApiTest, BreakGlassFromAnotherAreaTellsTheLeadsOfTheAgenciesInvolved) {
  std::istringstream ivy(
      R"({"type":"person","id":"ivy","at":"2026-01-05","by":"ealing-csc","given":"Ivy","family":"Example","dob":"2024-03-01"})"
      "\n"
      R"({"type":"assessment_started","id":"ivy-assessment","at":"2026-01-06T10:00","by":"ealing-csc","child":"ivy","kind":"child_and_family","agency":"ealing-csc"})"
      "\n");
  ASSERT_TRUE(store_->with([&](Store& s) { return import_feed(s, ivy, "ivy", {}); }).committed);
  accounts_->add("paula", Role::kPractitioner, "ealing-paediatrics", kPassword, admin());
  TestClient c(port_);
  const Browser bob = sign_in(c, "bob");  // ealing-csc's safeguarding lead
  const auto ealing_notices = [&] {
    return json::parse(get(c, bob, "/api/v1/notices").body)["notices"];
  };
  ASSERT_TRUE(ealing_notices().empty());

  const Browser paula = sign_in(c, "paula");  // Ealing too: no sign of a move
  ASSERT_EQ(break_glass(c, paula, "ivy", {{"reason", "seen in clinic with a bruise"}}).status, 201);
  EXPECT_TRUE(ealing_notices().empty());

  const Browser carol = sign_in(c, "carol");  // Luton health visiting
  ASSERT_EQ(break_glass(c, carol, "ivy", {{"reason", "family registered with us in Luton"}}).status,
            201);
  const json notices = ealing_notices();
  ASSERT_EQ(notices.size(), 1u) << notices;
  EXPECT_EQ(notices[0]["kind"], "break_glass_elsewhere");
  EXPECT_EQ(notices[0]["child"], "ivy");
  EXPECT_EQ(notices[0]["child_name"], "Ivy Example");
  EXPECT_EQ(notices[0]["user"], "carol");
  EXPECT_EQ(notices[0]["user_agency"], "luton-hv");
  EXPECT_EQ(notices[0]["reason"], "family registered with us in Luton");
  // Luton's own lead is told as before, and names the child too.
  const json luton = json::parse(get(c, sign_in(c, "dave"), "/api/v1/notices").body)["notices"];
  ASSERT_EQ(luton.size(), 1u);
  EXPECT_EQ(luton[0]["kind"], "break_glass");
  EXPECT_EQ(luton[0]["child_name"], "Ivy Example");
  EXPECT_EQ(luton[0]["user_agency"], "luton-hv");
  // Naming the child is a read of the record, audited.
  std::size_t read = 0;
  for (const auto& r : audit_about("ivy")) {
    read += r.entry.action == "child.notices_read" && r.entry.user == "bob";
  }
  EXPECT_GE(read, 1u);
}

TEST_F(ChildrenApiTest, ASafeguardingLeadSeesWhoLookedAtARecord) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  ASSERT_EQ(get(c, alice, "/api/v1/children/sofia").status, 200);
  const Browser carol = sign_in(c, "carol");
  ASSERT_EQ(break_glass(c, carol, "sofia", {{"reason", "police request at the door"}}).status, 201);
  EXPECT_EQ(get(c, alice, "/api/v1/children/sofia/audit").status, 403);  // not a lead

  const Browser bob = sign_in(c, "bob");  // Ealing CSC lead: involved with Sofia
  const HttpReply r = get(c, bob, "/api/v1/children/sofia/audit");
  ASSERT_EQ(r.status, 200) << r.body;
  const json records = json::parse(r.body)["records"];
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["user"], "alice");
  EXPECT_EQ(records[1]["user"], "carol");
  EXPECT_EQ(records[1]["reason"], "police request at the door");
  EXPECT_EQ(records[2]["user"], "alice");
  EXPECT_EQ(records[2]["action"], "child.refused");
  // Looking at who looked is itself recorded.
  EXPECT_EQ(audit_about("sofia").back().entry.action, "child.audit_read");
}

TEST_F(ChildrenApiTest, EveryChildRouteNeedsASession) {
  TestClient c(port_);
  for (const char* target :
       {"/api/v1/children?q=sofia", "/api/v1/children/sofia", "/api/v1/children/sofia/chronology",
        "/api/v1/children/sofia/audit", "/api/v1/notices", "/api/v1/statistics"}) {
    const HttpReply r = c.request("GET", target);
    EXPECT_EQ(r.status, 401) << target;
    EXPECT_EQ(r.body.find("Withheld"), std::string::npos);
  }
  EXPECT_EQ(c.request("POST", "/api/v1/children/sofia/break-glass",
                      json{{"reason", "no session at all here"}}.dump())
                .status,
            401);
}

TEST(SearchText, ReadsDatesNhsNumbersPostcodesAndNames) {
  EXPECT_EQ(web::read_search_text("2012-10-02")->dob, Date::parse("2012-10-02"));
  EXPECT_EQ(web::read_search_text("943 476 5919")->nhs_number, "943 476 5919");
  EXPECT_EQ(web::read_search_text("w13 9zz")->postcode, "w13 9zz");
  EXPECT_EQ(web::read_search_text("SW1A 1AA")->postcode, "SW1A 1AA");
  EXPECT_EQ(web::read_search_text("Sofia")->name, "Sofia");
  EXPECT_EQ(web::read_search_text("Ann Lee")->name, "Ann Lee");
  EXPECT_EQ(web::read_search_text("12345")->name, "12345");
  // Dates as people type them (core/typed_date.h has the full table).
  for (const char* typed :
       {"02/10/2012", "2/10/2012", "2.10.2012", "2 Oct 2012", "2 October 2012"}) {
    EXPECT_EQ(web::read_search_text(typed)->dob, Date::parse("2012-10-02")) << typed;
  }
  EXPECT_EQ(web::read_search_text("May Lee")->name, "May Lee");
  const auto impossible = web::read_search_text("31/02/2012");
  ASSERT_FALSE(impossible.has_value());
  EXPECT_EQ(impossible.error().message, "31/02/2012 is not a real date: February 2012 has 29 days");
}

TEST_F(ChildrenApiTest, SearchReadsDatesAsPeopleTypeThemAndSaysWhatIsWrongWithAnImpossibleOne) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  for (const char* q : {"q=02%2F10%2F2012", "q=2%2F10%2F2012", "q=2.10.2012", "q=2+Oct+2012",
                        "q=2+October+2012", "q=2012-10-02", "dob=02%2F10%2F2012"}) {
    EXPECT_EQ(ids_found(c, alice, q), std::vector<std::string>{"sofia"}) << q;
  }
  const HttpReply bad = get(c, alice, "/api/v1/children?q=31%2F02%2F2012");
  EXPECT_EQ(bad.status, 400);
  const json error = json::parse(bad.body)["error"];
  EXPECT_EQ(error["code"], "bad_request");
  EXPECT_EQ(error["message"],
            "q: 31/02/2012 is not a real date: February 2012 has 29 days; type a date of birth "
            "like 02/10/2012, 2 Oct 2012 or 2012-10-02");
  const HttpReply bad_dob = get(c, alice, "/api/v1/children?dob=2012-13-01");
  EXPECT_EQ(bad_dob.status, 400);
  EXPECT_NE(bad_dob.body.find("there is no month 13"), std::string::npos) << bad_dob.body;
}

// A search of thousands of words was a 500 (each word is a condition of the
// store's query, past SQLite's limits): it is refused, saying why, and eight
// words are still a search.
TEST_F(ChildrenApiTest, ASearchOfTooManyWordsIsRefusedSayingHowManyAreAllowed) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  std::string words;
  for (int i = 0; i < 3000; ++i) words += i ? "+s" : "s";  // 6 KB: within the header limit
  for (const std::string& param : {std::string("q"), std::string("name")}) {
    const HttpReply r = get(c, alice, "/api/v1/children?" + param + "=" + words);
    EXPECT_EQ(r.status, 400) << param;
    EXPECT_EQ(
        json::parse(r.body)["error"]["message"],
        param + ": Search by at most 8 words of a name; a given and a family name are enough");
  }
  EXPECT_EQ(
      get(c, alice, "/api/v1/children?q=sofia+sofia+sofia+sofia+sofia+sofia+sofia+sofia").status,
      200);
  EXPECT_EQ(name_words(" Sofia \t Walker  "), 2u);
  EXPECT_EQ(name_words(""), 0u);
}

}  // namespace
}  // namespace sightline

namespace sightline {
namespace {

TEST_F(ChildrenApiTest, ConcurrentReadsAreEachAnsweredAndAuditedInOneIntactChain) {
  constexpr int kClients = 4;
  constexpr int kReads = 15;
  std::vector<std::thread> clients;
  std::atomic<int> answered{0};
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      TestClient c(port_);
      const Browser b = sign_in(c, i % 2 == 0 ? "alice" : "bob");
      for (int n = 0; n < kReads; ++n) {
        if (c.request("GET", "/api/v1/children/sofia", "", b.cookie()).status == 200) ++answered;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(answered.load(), kClients * kReads);
  EXPECT_EQ(audit_about("sofia").size(), static_cast<std::size_t>(kClients * kReads));
  const web::AuditVerification v = verify_audit_log();
  EXPECT_TRUE(v.ok()) << (v.problems.empty() ? "" : v.problems[0]);
}

}  // namespace
}  // namespace sightline

namespace sightline {
namespace {

TEST_F(ChildrenApiTest, WhenTheAuditCannotBeWrittenNothingIsShown) {
  TestClient c(port_);
  const Browser alice = sign_in(c, "alice");
  // Break the audit log behind the service's back: every append now fails.
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db().c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "ALTER TABLE audit_log RENAME TO audit_log_gone", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(handle);
  for (const char* target : {"/api/v1/children/sofia", "/api/v1/children/sofia/chronology",
                             "/api/v1/children?q=sofia"}) {
    const HttpReply r = c.request("GET", target, "", alice.cookie());
    EXPECT_EQ(r.status, 500) << target;
    EXPECT_EQ(r.body.find("Withheld"), std::string::npos) << target;
  }
  const Browser again = sign_in(c, "alice");
  EXPECT_TRUE(again.token.empty());  // a sign-in that cannot be audited does not happen
}

// A child in Ealing whom Ealing's health visitors were refused twice, 20 days
// apart, before today (2 March 2026): non-cooperation within the national 60
// days, not within the 15 Ealing configures.
class ChildSummaryWindowsTest : public ServiceTest {
 protected:
  std::string extra_feed() const override {
    return R"({"type":"person","id":"nina","at":"2025-06-01","by":"ealing-hv","given":"Nina","family":"Refused","dob":"2025-06-01"}
{"type":"address","at":"2025-06-01","by":"ealing-hv","persons":["nina"],"address":{"line1":"1 High Street","town":"London","postcode":"W5 1AA","area":"E09000009"}}
{"type":"contact","at":"2026-02-01T10:00","by":"ealing-hv","persons":["nina"],"mode":"home_visit","child_seen":false,"outcome":"declined"}
{"type":"contact","at":"2026-02-21T10:00","by":"ealing-hv","persons":["nina"],"mode":"home_visit","child_seen":false,"outcome":"declined"}
)";
  }
  json indicators() {
    TestClient c(port_);
    const Browser alice = sign_in(c, "alice");
    const HttpReply summary = c.request("GET", "/api/v1/children/nina", "", alice.cookie());
    EXPECT_EQ(summary.status, 200) << summary.body;
    return json::parse(summary.body)["terms"]["indicators"];
  }
};

TEST_F(ChildSummaryWindowsTest, TheNationalWindowsApplyWithoutConfiguration) {
  const json active = indicators();
  ASSERT_EQ(active.size(), 1u) << active.dump();
  EXPECT_EQ(active["engagement"][0]["indicator"], "non_cooperation");
}

class ChildSummaryAreaWindowsTest : public ChildSummaryWindowsTest {
 protected:
  IndicatorWindowsOfArea indicator_windows() const override {
    return [](std::string_view area) {
      IndicatorWindows w;
      if (area == "E09000009") w.non_cooperation_days = 15;
      return w;
    };
  }
};

TEST_F(ChildSummaryAreaWindowsTest, TheSummarysIndicatorsLapseAfterTheWindowsOfTheChildsArea) {
  EXPECT_EQ(indicators(), json::object());
}

}  // namespace
}  // namespace sightline
