// GET /api/v1/dashboard and GET /api/v1/dashboard/{figure}.csv against a
// running server on the Sofia scenario plus a little more: who may see the
// figures, the CSV's header, quoting and headers, the same numbers in both
// answers, the audit of each view and download, and that no child's id or
// name ever leaves.
#include <gtest/gtest.h>

#include <algorithm>

#include "service_fixture.h"
#include "web/dashboard_api.h"

namespace sightline {
namespace {

using nlohmann::json;
using testing::Browser;
using testing::HttpReply;
using testing::ServiceTest;
using testing::TestClient;
using web::Role;

// A strategy discussion in Bristol ("Bristol, City of": a name with a comma)
// about a child with no address, convened by Bristol's social care without
// health; and one in Ealing with health, for a child living there.
constexpr const char* kExtra =
    R"({"type":"agency","id":"bristol-csc","at":"2020-01-01","name":"Bristol CSC","kind":"childrens_social_care","area":"E06000023"}
{"type":"person","id":"zed-secret","at":"2026-01-05","by":"bristol-csc","given":"Zed","family":"Quietname","dob":"2025-06-01"}
{"type":"strategy_discussion","id":"sd-zed","at":"2026-02-03T10:00","by":"bristol-csc","child":"zed-secret","format":"meeting","participants":[],"decision":"no_s47"}
{"type":"person","id":"yan-secret","at":"2026-01-05","by":"ealing-csc","given":"Yan","family":"Hiddenname","dob":"2025-04-01"}
{"type":"address","at":"2026-01-05","by":"ealing-csc","persons":["yan-secret"],"address":{"line1":"9 Elm Road","town":"London","postcode":"W13 9ZZ","area":"E09000009"}}
{"type":"strategy_discussion","id":"sd-yan","at":"2026-02-04T10:00","by":"ealing-csc","child":"yan-secret","format":"meeting","participants":["ealing-hv","met-police"],"decision":"no_s47"}
)";

class DashboardApiTest : public ServiceTest {
 protected:
  std::string extra_feed() const override { return kExtra; }
  void SetUp() override {
    ServiceTest::SetUp();
    accounts_->add("erin", Role::kPartnershipAnalyst, "lscb-ealing", kPassword, admin());
    accounts_->add("mia", Role::kManager, "luton-csc", kPassword, admin());
    accounts_->add("root", Role::kAdministrator, "lscb-ealing", kPassword, admin());
  }
  HttpReply get(TestClient& c, const Browser& b, const std::string& target) {
    return c.request("GET", target, "", b.cookie());
  }
  // The CSV's lines (CRLF-separated), the trailing empty one dropped.
  static std::vector<std::string> lines(const std::string& body) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < body.size()) {
      const auto end = body.find("\r\n", start);
      out.push_back(body.substr(start, end - start));
      if (end == std::string::npos) break;
      start = end + 2;
    }
    return out;
  }
};

TEST_F(DashboardApiTest, AnalystsManagersAndLeadsSeeItPractitionersAndAdministratorsDoNot) {
  TestClient c(port_);
  struct Case {
    const char* user;
    int status;
  };
  for (const Case& k : {Case{"erin", 200}, Case{"mia", 200}, Case{"bob", 200}, Case{"alice", 403},
                        Case{"root", 403}}) {
    const Browser b = sign_in(c, k.user);
    ASSERT_FALSE(b.token.empty()) << k.user;
    EXPECT_EQ(get(c, b, "/api/v1/dashboard").status, k.status) << k.user;
    EXPECT_EQ(get(c, b, "/api/v1/dashboard/gp-registrations-seen.csv").status, k.status) << k.user;
  }
  EXPECT_EQ(c.request("GET", "/api/v1/dashboard").status, 401);
  EXPECT_EQ(c.request("GET", "/api/v1/dashboard/gp-registrations-seen.csv").status, 401);
}

TEST_F(DashboardApiTest, TheAnalystSeesEveryFigureForTheirAreaByDefault) {
  TestClient c(port_);
  const Browser b = sign_in(c, "erin");
  const HttpReply r = get(c, b, "/api/v1/dashboard");
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = json::parse(r.body);
  EXPECT_EQ(body["area"], "E09000009");  // lscb-ealing's area
  EXPECT_EQ(body["area_name"], "Ealing");
  ASSERT_EQ(body["figures"].size(), web::figure_definitions().size());
  bool bristol_listed = false;
  for (const json& a : body["areas"]) bristol_listed |= a["name"] == "Bristol, City of";
  EXPECT_TRUE(bristol_listed);
  for (const json& f : body["figures"]) {
    if (f["id"] != "strategy-discussions-with-health") continue;
    EXPECT_EQ(f["kind"], "share");
    EXPECT_EQ(f["finding"], "F4");
    ASSERT_EQ(f["months"].size(), 12u);
    // The last month with a strategy discussion anywhere is February 2026;
    // in Ealing that month: yan's, with health.
    const json& latest = f["months"].back();
    EXPECT_EQ(latest["month"], "2026-02");
    EXPECT_EQ(latest["numerator"], 1);
    EXPECT_EQ(latest["denominator"], 1);
    EXPECT_EQ(latest["percent"], "100.0");
    EXPECT_EQ(f["csv"], "/api/v1/dashboard/strategy-discussions-with-health.csv?area=E09000009");
  }
  const HttpReply bristol = get(c, b, "/api/v1/dashboard?area=E06000023");
  ASSERT_EQ(bristol.status, 200);
  const json bristol_figures = json::parse(bristol.body)["figures"];
  for (const json& f : bristol_figures) {
    if (f["id"] != "strategy-discussions-with-health") continue;
    EXPECT_EQ(f["months"].back()["numerator"], 0);
    EXPECT_EQ(f["months"].back()["denominator"], 1);
    EXPECT_EQ(f["months"].back()["percent"], "0.0");
  }
  EXPECT_EQ(get(c, b, "/api/v1/dashboard?area=Ealing").status, 400);
  EXPECT_EQ(get(c, b, "/api/v1/dashboard?area=all").status, 200);
}

TEST_F(DashboardApiTest, TheCsvIsRfc4180WithAHeaderOneRowPerAreaAndMonthAndQuotedNames) {
  TestClient c(port_);
  const Browser b = sign_in(c, "erin");
  const HttpReply r = get(c, b, "/api/v1/dashboard/strategy-discussions-with-health.csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type").rfind("text/csv", 0), 0u) << r.header("content-type");
  EXPECT_EQ(r.header("content-disposition"),
            "attachment; filename=\"strategy-discussions-with-health-all.csv\"");
  const auto rows = lines(r.body);
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0], "area_code,area_name,month,numerator,denominator,percent");
  EXPECT_NE(std::find(rows.begin(), rows.end(), "E06000023,\"Bristol, City of\",2026-02,0,1,0.0"),
            rows.end())
      << r.body;
  EXPECT_NE(std::find(rows.begin(), rows.end(), "E09000009,Ealing,2026-02,1,1,100.0"), rows.end())
      << r.body;
  // One area: only its rows.
  const HttpReply one =
      get(c, b, "/api/v1/dashboard/strategy-discussions-with-health.csv?area=E06000023");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(lines(one.body),
            (std::vector<std::string>{"area_code,area_name,month,numerator,denominator,percent",
                                      "E06000023,\"Bristol, City of\",2026-02,0,1,0.0"}));
  EXPECT_EQ(one.header("content-disposition"),
            "attachment; filename=\"strategy-discussions-with-health-E06000023.csv\"");
  // A count figure leaves the denominator and percentage empty.
  const HttpReply counts = get(c, b, "/api/v1/dashboard/children-not-seen.csv");
  ASSERT_EQ(counts.status, 200);
  for (const std::string& line : lines(counts.body)) {
    if (line.rfind("area_code", 0) == 0) continue;
    EXPECT_TRUE(line.ends_with(",,")) << line;
  }
  EXPECT_EQ(get(c, b, "/api/v1/dashboard/no-such-figure.csv").status, 404);
  EXPECT_EQ(get(c, b, "/api/v1/dashboard/strategy-discussions-with-health").status, 404);
  EXPECT_EQ(get(c, b, "/api/v1/dashboard/children-not-seen.csv?area=x,y").status, 400);
}

TEST_F(DashboardApiTest, CsvFieldsAreQuotedOnlyWhenTheyMustBe) {
  EXPECT_EQ(web::csv_field("Ealing"), "Ealing");
  EXPECT_EQ(web::csv_field("Bristol, City of"), "\"Bristol, City of\"");
  EXPECT_EQ(web::csv_field("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(web::csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(web::csv_field("cr\r"), "\"cr\r\"");
  EXPECT_EQ(web::csv_field(""), "");
}

TEST_F(DashboardApiTest, TheJsonAndTheCsvGiveTheSameNumbers) {
  TestClient c(port_);
  const Browser b = sign_in(c, "bob");
  const json body = json::parse(get(c, b, "/api/v1/dashboard?area=E09000009").body);
  for (const json& f : body["figures"]) {
    const HttpReply csv = get(c, b, f["csv"].get<std::string>());
    ASSERT_EQ(csv.status, 200) << f["id"];
    const auto rows = lines(csv.body);
    for (const json& m : f["months"]) {
      const bool share = f["kind"] == "share";
      const std::int64_t n =
          share ? m["numerator"].get<std::int64_t>() : m["count"].get<std::int64_t>();
      const std::int64_t d = share ? m["denominator"].get<std::int64_t>() : 0;
      const std::string prefix = "E09000009,Ealing," + m["month"].get<std::string>() + ",";
      const auto it = std::find_if(rows.begin(), rows.end(),
                                   [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
      if (n == 0 && d == 0) {
        EXPECT_EQ(it, rows.end()) << *it;  // nothing to count: no row
        continue;
      }
      ASSERT_NE(it, rows.end()) << f["id"] << " " << m.dump();
      const std::string expected =
          prefix + std::to_string(n) + "," +
          (share ? std::to_string(d) + "," + m["percent"].get<std::string>() : ",");
      EXPECT_EQ(*it, expected);
    }
  }
}

TEST_F(DashboardApiTest, NoChildLeavesAndEachViewAndDownloadIsAuditedWithoutAChild) {
  TestClient c(port_);
  const Browser b = sign_in(c, "erin");
  std::string everything = get(c, b, "/api/v1/dashboard?area=all").body;
  for (const web::FigureDefinition& f : web::figure_definitions()) {
    everything += get(c, b, "/api/v1/dashboard/" + std::string(f.id) + ".csv").body;
  }
  // Sofia's scenario raises alerts of several figures' rules, so the answers
  // are not empty, and they name nobody.
  EXPECT_NE(everything.find("E09000009"), std::string::npos);
  for (const char* secret : {"sofia", "Sofia", "mother", "Withheld", "zed-secret", "Quietname",
                             "yan-secret", "Hiddenname"}) {
    EXPECT_EQ(everything.find(secret), std::string::npos) << secret;
  }
  int reads = 0, downloads = 0;
  for (const auto& r : audit_->records()) {
    if (r.entry.action == "dashboard.read") {
      ++reads;
      EXPECT_EQ(r.entry.user, "erin");
      EXPECT_TRUE(r.entry.child.empty());
      EXPECT_EQ(r.entry.detail.rfind("area all;", 0), 0u) << r.entry.detail;
    }
    if (r.entry.action == "dashboard.csv") {
      ++downloads;
      EXPECT_TRUE(r.entry.child.empty());
      EXPECT_EQ(r.entry.detail.rfind("figure ", 0), 0u) << r.entry.detail;
    }
  }
  EXPECT_EQ(reads, 1);
  EXPECT_EQ(downloads, static_cast<int>(web::figure_definitions().size()));
}

}  // namespace
}  // namespace sightline
