// `sightline serve` as the real binary: it prints its port, answers, logs,
// and stops gracefully on SIGTERM.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../support/test_support.h"
#include "http_client.h"
#include "run_binary.h"
#include "serve_process.h"

namespace sightline {
namespace {

using testing::HttpReply;
using testing::ServeProcess;
using testing::TempDir;
using testing::TestClient;

TEST(ServeCommand, AnswersHealthAndStopsOnSigterm) {
  TempDir dir;
  ServeProcess serve({"--db", dir.file("s.db")}, dir.file("err"));
  {
    TestClient client(serve.port());
    const HttpReply r = client.request("GET", "/api/v1/health");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(nlohmann::json::parse(r.body)["status"], "ok");
  }
  EXPECT_EQ(serve.stop(SIGTERM), 0);
  const std::string err = testing::read_file(dir.file("err"));
  EXPECT_NE(err.find(R"("path":"/api/v1/health")"), std::string::npos) << err;
  EXPECT_NE(err.find("stopped"), std::string::npos) << err;
}

}  // namespace
}  // namespace sightline

namespace sightline {
namespace {

TEST(ServeCommand, DemoLoadsSofiaAndOneAccountPerRole) {
  TempDir dir;
  std::string password;
  {
    ServeProcess serve({"--db", dir.file("demo.db"), "--demo"}, dir.file("err"));
    const std::string& printed = serve.before_listening();
    EXPECT_NE(printed.find("imported the Sofia scenario"), std::string::npos) << printed;
    const auto at = printed.find("demo.hv (practitioner, ealing-hv): password ");
    ASSERT_NE(at, std::string::npos) << printed;
    password = printed.substr(at + 44, 24);
    TestClient client(serve.port());
    const HttpReply login =
        client.request("POST", "/api/v1/session",
                       nlohmann::json{{"username", "demo.hv"}, {"password", password}}.dump());
    ASSERT_EQ(login.status, 200) << login.body;
    const std::string cookie = login.header("set-cookie");
    const HttpReply sofia = client.request("GET", "/api/v1/children/sofia", "",
                                           {{"Cookie", cookie.substr(0, cookie.find(';'))}});
    EXPECT_EQ(sofia.status, 200);
    // A synthetic caseload too, run through the safeguards: open alerts.
    EXPECT_NE(printed.find("imported a synthetic caseload of 3000 children"), std::string::npos)
        << printed;
    const std::string prefix = "demo.analyst (partnership_analyst, lscb-ealing): password ";
    const auto analyst_at = printed.find(prefix);
    ASSERT_NE(analyst_at, std::string::npos) << printed;
    const std::string analyst_password = printed.substr(analyst_at + prefix.size(), 24);
    TestClient other(serve.port());
    const HttpReply analyst = other.request(
        "POST", "/api/v1/session",
        nlohmann::json{{"username", "demo.analyst"}, {"password", analyst_password}}.dump());
    ASSERT_EQ(analyst.status, 200) << analyst.body;
    const std::string analyst_cookie = analyst.header("set-cookie");
    const HttpReply counts =
        other.request("GET", "/api/v1/alerts", "",
                      {{"Cookie", analyst_cookie.substr(0, analyst_cookie.find(';'))}});
    ASSERT_EQ(counts.status, 200) << counts.body;
    std::int64_t open_alerts = 0;
    const nlohmann::json by_status = nlohmann::json::parse(counts.body);
    for (const auto& row : by_status["counts"]) {
      if (row["status"] == "open") open_alerts += row["count"].get<std::int64_t>();
    }
    EXPECT_GT(open_alerts, 0);
    // Accounts for every role, at the agencies involved with Sofia.
    for (const char* account :
         {"demo.gp (practitioner, ealing-gp)", "demo.police (practitioner, met-police)",
          "demo.housing (practitioner, westminster-housing)", "demo.manager (manager, ealing-csc)",
          "demo.lead (safeguarding_lead, ealing-csc)", "demo.admin (administrator, lscb-ealing)"}) {
      EXPECT_NE(printed.find(account), std::string::npos) << account;
    }
    EXPECT_EQ(serve.stop(SIGTERM), 0);
  }
  {
    // Started again, it keeps the data and the accounts.
    ServeProcess again({"--db", dir.file("demo.db"), "--demo"}, dir.file("err"));
    EXPECT_EQ(again.before_listening().find("password"), std::string::npos);
    EXPECT_EQ(again.stop(SIGTERM), 0);
  }
}

TEST(ServeCommand, DemoRefusesADatabaseWithOtherData) {
  TempDir dir;
  const auto imported = testing::run_sightline(
      {"import", testing::scenario("sofia.jsonl").string(), "--db", dir.file("real.db")});
  ASSERT_EQ(imported.exit_code, 0);
  const auto r = testing::run_sightline({"serve", "--db", dir.file("real.db"), "--demo"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--demo needs an empty database"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sightline
