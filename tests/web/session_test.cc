// Signing in and out over HTTP: cookies, CSRF, expiry, lockout, throttling,
// disabled accounts and refused bodies, against a running server.
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

constexpr const char* kSession = "/api/v1/session";

using SessionTest = ServiceTest;

TEST_F(SessionTest, SignInSetsAHostOnlySecureCookieAndGivesTheCsrfToken) {
  TestClient client(port_);
  const HttpReply r = post_json(client, kSession, {{"username", "alice"}, {"password", kPassword}});
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie = r.header("set-cookie");
  EXPECT_EQ(cookie.rfind("__Host-sightline=", 0), 0u) << cookie;
  for (const char* attribute : {"; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict"}) {
    EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute;
  }
  EXPECT_EQ(cookie.find("Domain"), std::string::npos);
  const json body = json::parse(r.body);
  EXPECT_EQ(body["username"], "alice");
  EXPECT_EQ(body["role"], "practitioner");
  EXPECT_EQ(body["agency"], "ealing-hv");
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 43u);

  Browser b = sign_in(client, "alice");
  const HttpReply me = client.request("GET", kSession, "", b.cookie());
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(json::parse(me.body)["csrf_token"], b.csrf);
  EXPECT_EQ(audit_actions().back(), "session.login");
}

TEST_F(SessionTest, OnlyHashesAreStored) {
  TestClient client(port_);
  const Browser b = sign_in(client, "alice");
  ASSERT_FALSE(b.token.empty());
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db().c_str(), &handle), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(handle, "SELECT password_hash FROM users WHERE username = 'alice'", -1, &s,
                     nullptr);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(
      std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))).rfind("$argon2id$", 0),
      0u);
  sqlite3_finalize(s);
  sqlite3_close(handle);
  // Neither the token nor the password appears anywhere in the file.
  const std::string file = testing::read_file(db()) + testing::read_file(db() + "-wal");
  EXPECT_EQ(file.find(b.token), std::string::npos);
  EXPECT_EQ(file.find(kPassword), std::string::npos);
}

TEST_F(SessionTest, AWrongPasswordAndAnUnknownNameLookTheSame) {
  TestClient client(port_);
  const HttpReply wrong =
      post_json(client, kSession, {{"username", "alice"}, {"password", "nope"}});
  const HttpReply unknown =
      post_json(client, kSession, {{"username", "zed"}, {"password", kPassword}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_TRUE(wrong.header("set-cookie").empty());
  const auto records = audit_->records();
  EXPECT_EQ(records[records.size() - 2].entry.action, "session.login_failed");
  EXPECT_NE(records.back().entry.detail.find("unknown user"), std::string::npos);
}

TEST_F(SessionTest, WithoutALiveSessionTheAnswerIs401AndRevealsNothing) {
  TestClient client(port_);
  const Browser b = sign_in(client, "alice");
  std::string tampered = b.token;
  tampered[5] = tampered[5] == 'A' ? 'B' : 'A';
  for (const auto& headers : std::vector<std::vector<std::pair<std::string, std::string>>>{
           {},
           {{"Cookie", "__Host-sightline=" + tampered}},
           {{"Cookie", "__Host-sightline=" + b.token + "x"}},
           {{"Cookie", "__Host-sightline="}},
           {{"Cookie", "sightline=" + b.token}},
       }) {
    const HttpReply r = client.request("GET", kSession, "", headers);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.body.find("alice"), std::string::npos);
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "unauthenticated");
  }
}

TEST_F(SessionTest, StateChangesNeedTheSessionsCsrfToken) {
  TestClient client(port_);
  const Browser alice = sign_in(client, "alice");
  const Browser bob = sign_in(client, "bob");
  EXPECT_EQ(client.request("DELETE", kSession, "", alice.cookie()).status, 403);
  auto with_token = [&](const std::string& token) {
    auto h = alice.cookie();
    h.emplace_back("X-CSRF-Token", token);
    return h;
  };
  EXPECT_EQ(client.request("DELETE", kSession, "", with_token("")).status, 403);
  EXPECT_EQ(client.request("DELETE", kSession, "", with_token(bob.csrf)).status, 403);
  EXPECT_EQ(client.request("GET", kSession, "", alice.cookie()).status, 200);

  const HttpReply out = client.request("DELETE", kSession, "", alice.cookie_and_csrf());
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(client.request("GET", kSession, "", alice.cookie()).status, 401);
  EXPECT_EQ(client.request("GET", kSession, "", bob.cookie()).status, 200);
  EXPECT_EQ(audit_actions().back(), "session.logout");
}

TEST_F(SessionTest, AnIdleSessionExpires) {
  TestClient client(port_);
  const Browser b = sign_in(client, "alice");
  advance(29 * 60);
  EXPECT_EQ(client.request("GET", kSession, "", b.cookie()).status, 200);
  advance(29 * 60);  // 58 minutes after sign-in, but used 29 minutes ago
  EXPECT_EQ(client.request("GET", kSession, "", b.cookie()).status, 200);
  advance(30 * 60);
  EXPECT_EQ(client.request("GET", kSession, "", b.cookie()).status, 401);
  advance(-30 * 60);  // gone for good, even if the clock were to go back
  EXPECT_EQ(client.request("GET", kSession, "", b.cookie()).status, 401);
}

TEST_F(SessionTest, ExpiredSessionsAreRemovedAsOthersBegin) {
  TestClient client(port_);
  sign_in(client, "alice");
  sign_in(client, "alice");
  advance(31 * 60);
  sign_in(client, "bob");
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db().c_str(), &handle), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(handle, "SELECT count(*) FROM sessions", -1, &s, nullptr);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(s, 0), 1);
  sqlite3_finalize(s);
  sqlite3_close(handle);
}

TEST_F(SessionTest, ASessionEndsAfterTwelveHoursHoweverBusy) {
  TestClient client(port_);
  const Browser b = sign_in(client, "alice");
  for (int i = 0; i < 12 * 3 - 1; ++i) {
    advance(20 * 60);
    ASSERT_EQ(client.request("GET", kSession, "", b.cookie()).status, 200) << i;
  }
  advance(20 * 60);
  EXPECT_EQ(client.request("GET", kSession, "", b.cookie()).status, 401);
}

TEST_F(SessionTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  TestClient client(port_);
  for (int i = 0; i < 5; ++i)
    EXPECT_TRUE(sign_in(client, "alice", "wrong password!").token.empty());
  EXPECT_TRUE(sign_in(client, "alice").token.empty());  // locked: even the right one
  EXPECT_TRUE(accounts_->find("alice")->locked_until > 0);
  const auto actions = audit_actions();
  EXPECT_NE(std::find(actions.begin(), actions.end(), "account.locked"), actions.end());
  advance(14 * 60);
  EXPECT_TRUE(sign_in(client, "alice").token.empty());
  advance(60);
  EXPECT_FALSE(sign_in(client, "alice").token.empty());
  // Bob was never affected.
  EXPECT_FALSE(sign_in(client, "bob").token.empty());
}

TEST_F(SessionTest, DisablingAnAccountEndsItsLiveSessions) {
  TestClient client(port_);
  const Browser b = sign_in(client, "alice");
  const Browser b2 = sign_in(client, "alice");
  accounts_->disable("alice", admin());
  EXPECT_EQ(client.request("GET", kSession, "", b.cookie()).status, 401);
  EXPECT_EQ(client.request("GET", kSession, "", b2.cookie()).status, 401);
  EXPECT_TRUE(sign_in(client, "alice").token.empty());
  accounts_->reset_password("alice", "a brand new passphrase", admin());
  EXPECT_FALSE(sign_in(client, "alice", "a brand new passphrase").token.empty());
}

TEST_F(SessionTest, ResettingAPasswordEndsLiveSessions) {
  TestClient client(port_);
  const Browser b = sign_in(client, "alice");
  accounts_->reset_password("alice", "a brand new passphrase", admin());
  EXPECT_EQ(client.request("GET", kSession, "", b.cookie()).status, 401);
  EXPECT_TRUE(sign_in(client, "alice").token.empty());
}

TEST_F(SessionTest, SigningInAgainReplacesTheBrowsersSession) {
  TestClient client(port_);
  const Browser first = sign_in(client, "alice");
  const HttpReply again =
      post_json(client, kSession, {{"username", "alice"}, {"password", kPassword}}, first.cookie());
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(client.request("GET", kSession, "", first.cookie()).status, 401);
}

TEST_F(SessionTest, RefusesBodiesThatAreNotASignIn) {
  TestClient client(port_);
  EXPECT_EQ(client
                .request("POST", kSession, "username=alice&password=x",
                         {{"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            415);
  EXPECT_EQ(client.request("POST", kSession, "{\"username\":").status, 400);
  EXPECT_EQ(client.request("POST", kSession, "[1,2]").status, 400);
  EXPECT_EQ(post_json(client, kSession, {{"username", "alice"}}).status, 400);
  EXPECT_EQ(post_json(client, kSession, {{"username", "alice"}, {"password", 5}}).status, 400);
  const HttpReply extra = post_json(
      client, kSession, {{"username", "alice"}, {"password", kPassword}, {"admin", true}});
  EXPECT_EQ(extra.status, 400);
  EXPECT_NE(extra.body.find("admin: unknown field"), std::string::npos);
}

class ThrottledSessionTest : public ServiceTest {
 protected:
  web::ServiceOptions service_options() const override {
    web::ServiceOptions o;
    o.max_failures_per_address = 3;
    return o;
  }
};

TEST_F(ThrottledSessionTest, ManyFailuresFromOneAddressAreThrottled) {
  TestClient client(port_);
  for (const char* user : {"alice", "bob", "carol"}) {
    EXPECT_EQ(
        post_json(client, kSession, {{"username", user}, {"password", "guess guess guess"}}).status,
        401);
  }
  const HttpReply r = post_json(client, kSession, {{"username", "bob"}, {"password", kPassword}});
  EXPECT_EQ(r.status, 429);
  EXPECT_FALSE(r.header("retry-after").empty());
  advance(15 * 60);
  EXPECT_FALSE(sign_in(client, "bob").token.empty());
}

}  // namespace
}  // namespace sightline
