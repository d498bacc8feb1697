// GET /api/v1/transfers against a running server: transfers awaiting
// acceptance, incoming and outgoing, with whether the receiver has seen the
// child; answered or superseded transfers are left out; each child is audited.
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

// What GET /api/v1/transfers answers the signed-in `browser`.
json transfers(TestClient& c, const Browser& browser) {
  return json::parse(c.request("GET", "/api/v1/transfers", "", browser.cookie()).body);
}

// From Ealing's social care to Luton's: Tia (Luton has seen her since), Uma
// (not seen; an earlier, understated transfer of hers was corrected), Vic
// (declined) and Wyn (accepted). Luton also sent Xan to Ealing.
constexpr const char* kTransfers =
    R"({"type":"person","id":"tia","at":"2026-01-05","by":"ealing-csc","given":"Tia","family":"Example"}
{"type":"person","id":"uma","at":"2026-01-05","by":"ealing-csc","given":"Uma","family":"Example"}
{"type":"person","id":"vic","at":"2026-01-05","by":"ealing-csc","given":"Vic","family":"Example"}
{"type":"person","id":"wyn","at":"2026-01-05","by":"ealing-csc","given":"Wyn","family":"Example"}
{"type":"person","id":"xan","at":"2026-01-05","by":"luton-csc","given":"Xan","family":"Example"}
{"type":"transfer","id":"tr-tia","at":"2026-02-02","by":"ealing-csc","child":"tia","from":"ealing-csc","to":"luton-csc","status":"child_in_need","risks":["homelessness"],"summary":"Moved to Luton"}
{"type":"contact","at":"2026-02-04T10:00","by":"luton-csc","persons":["tia"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"transfer","id":"tr-uma-1","at":"2026-02-03","by":"ealing-csc","child":"uma","from":"ealing-csc","to":"luton-csc","status":"welfare_check","risks":[]}
{"type":"contact","at":"2026-02-01T10:00","by":"luton-csc","persons":["uma"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"transfer","id":"tr-uma-2","at":"2026-02-05","by":"ealing-csc","child":"uma","from":"ealing-csc","to":"luton-csc","status":"incomplete_s47","risks":["domestic_abuse"],"mode":"verbal"}
{"type":"transfer","id":"tr-vic","at":"2026-02-06","by":"ealing-csc","child":"vic","from":"ealing-csc","to":"luton-csc","status":"child_in_need","risks":[]}
{"type":"transfer_declined","at":"2026-02-07","by":"luton-csc","transfer":"tr-vic","reason":"not in our area"}
{"type":"transfer","id":"tr-wyn","at":"2026-02-06","by":"ealing-csc","child":"wyn","from":"ealing-csc","to":"luton-csc","status":"child_in_need","risks":[]}
{"type":"transfer_accepted","at":"2026-02-09","by":"luton-csc","transfer":"tr-wyn","child_seen":true}
{"type":"transfer","id":"tr-xan","at":"2026-02-10","by":"luton-csc","child":"xan","from":"luton-csc","to":"ealing-csc","status":"child_protection","risks":[]}
)";

class TransfersApiTest : public ServiceTest {
 protected:
  std::string extra_feed() const override { return kTransfers; }
  void SetUp() override {
    ServiceTest::SetUp();
    accounts_->add("lucy", Role::kPractitioner, "luton-csc", kPassword, admin());
    accounts_->add("erin", Role::kPartnershipAnalyst, "lscb-ealing", kPassword, admin());
    accounts_->add("root", Role::kAdministrator, "lscb-ealing", kPassword, admin());
  }
  // "id:seen" for each transfer of a direction, in order.
  static std::vector<std::string> listed(const json& list) {
    std::vector<std::string> out;
    for (const auto& t : list) {
      out.push_back(t["id"].get<std::string>() +
                    (t["child_seen_by_receiver"] ? ":seen" : ":not seen"));
    }
    return out;
  }
};

TEST_F(TransfersApiTest, EachSideSeesWhatAwaitsAcceptance) {
  TestClient c(port_);
  struct Case {
    const char* user;
    std::vector<std::string> incoming, outgoing;
  };
  const std::vector<Case> cases = {
      {"lucy", {"tr-tia:seen", "tr-uma-2:not seen"}, {"tr-xan:not seen"}},
      {"bob", {"tr-xan:not seen"}, {"tr-tia:seen", "tr-uma-2:not seen"}},
      // Sofia's verbal health-visiting handover was never answered, but she
      // died: a transfer of a child who has died awaits nothing.
      {"alice", {}, {}},
  };
  for (const Case& k : cases) {
    const Browser b = sign_in(c, k.user);
    const HttpReply r = c.request("GET", "/api/v1/transfers", "", b.cookie());
    ASSERT_EQ(r.status, 200) << k.user << ": " << r.body;
    const json body = json::parse(r.body);
    EXPECT_EQ(listed(body["incoming"]), k.incoming) << k.user;
    EXPECT_EQ(listed(body["outgoing"]), k.outgoing) << k.user;
  }
}

TEST_F(TransfersApiTest, ATransferCarriesWhatTheReceiverNeeds) {
  TestClient c(port_);
  const Browser lucy = sign_in(c, "lucy");
  const json body = transfers(c, lucy);
  ASSERT_EQ(body["incoming"].size(), 2u);
  const json uma = body["incoming"][1];
  EXPECT_EQ(uma["child"], "uma");
  EXPECT_EQ(uma["child_name"], "Uma Example");
  EXPECT_EQ(uma["from"], "ealing-csc");
  EXPECT_EQ(uma["to"], "luton-csc");
  EXPECT_EQ(uma["status"], "incomplete_s47");
  EXPECT_EQ(uma["risks"], json::array({"domestic_abuse"}));
  EXPECT_EQ(uma["mode"], "verbal");
  EXPECT_EQ(uma["sent"], "2026-02-05");
  // Seen on 1 February, before either transfer: not a sighting since.
  EXPECT_EQ(uma["child_seen_by_receiver"], false);
  EXPECT_EQ(body["agency"], "luton-csc");
}

TEST_F(TransfersApiTest, EachChildListedIsAuditedAndOthersSeeNothing) {
  TestClient c(port_);
  const Browser lucy = sign_in(c, "lucy");
  ASSERT_EQ(c.request("GET", "/api/v1/transfers", "", lucy.cookie()).status, 200);
  std::set<std::string> audited;
  for (const auto& r : audit_->records()) {
    if (r.entry.action == "child.transfers_read" && r.entry.user == "lucy")
      audited.insert(r.entry.child);
  }
  // Not Sofia: Luton accepted her transfer without seeing her (finding F7),
  // but she died, and it awaits no sighting now.
  EXPECT_EQ(audited, (std::set<std::string>{"tia", "uma", "xan"}));
  for (const char* user : {"erin", "root"}) {
    const Browser b = sign_in(c, user);
    const HttpReply r = c.request("GET", "/api/v1/transfers", "", b.cookie());
    EXPECT_EQ(r.status, 403) << user;
    EXPECT_EQ(r.body.find("tia"), std::string::npos);
  }
  EXPECT_EQ(c.request("GET", "/api/v1/transfers").status, 401);
}

TEST_F(TransfersApiTest, AcceptingATransferTakesItOffBothLists) {
  TestClient c(port_);
  const Browser lucy = sign_in(c, "lucy");
  const json accepted = {{"type", "transfer_accepted"},
                         {"at", "2026-03-02T10:00"},
                         {"by", "luton-csc"},
                         {"transfer", "tr-uma-2"},
                         {"child_seen", false}};
  ASSERT_EQ(
      c.request("POST", "/api/v1/events", json::array({accepted}).dump(), lucy.cookie_and_csrf())
          .status,
      201);
  const json mine = transfers(c, lucy);
  EXPECT_EQ(listed(mine["incoming"]), std::vector<std::string>{"tr-tia:seen"});
  const Browser bob = sign_in(c, "bob");
  const json theirs = transfers(c, bob);
  EXPECT_EQ(listed(theirs["outgoing"]), std::vector<std::string>{"tr-tia:seen"});
}

TEST_F(TransfersApiTest, AcceptedWithoutTheChildSeenItAwaitsTheSightingOnBothSidesUntilRecorded) {
  TestClient c(port_);
  const Browser lucy = sign_in(c, "lucy");
  const Browser bob = sign_in(c, "bob");
  json accepted = {{"type", "transfer_accepted"},
                   {"at", "2026-03-02T08:00"},
                   {"by", "luton-csc"},
                   {"transfer", "tr-uma-2"},
                   {"child_seen", false}};
  ASSERT_EQ(
      c.request("POST", "/api/v1/events", json::array({accepted}).dump(), lucy.cookie_and_csrf())
          .status,
      201);
  // Sofia's, accepted by Luton without her seen (finding F7), is not listed:
  // she died, and a child who has died awaits no sighting.
  const auto unseen = [&](const Browser& b) {
    return transfers(c, b).value("accepted_unseen", json::array());
  };
  json mine = unseen(lucy);
  ASSERT_EQ(mine.size(), 1u) << mine;
  EXPECT_EQ(mine[0]["id"], "tr-uma-2");
  EXPECT_EQ(mine[0]["direction"], "incoming");
  EXPECT_EQ(mine[0]["accepted"], "2026-03-02T08:00:00");
  EXPECT_EQ(mine[0]["child_name"], "Uma Example");
  json theirs = unseen(bob);
  ASSERT_EQ(theirs.size(), 1u) << theirs;
  EXPECT_EQ(theirs[0]["id"], "tr-uma-2");
  EXPECT_EQ(theirs[0]["direction"], "outgoing");
  // Wyn's, accepted with the child seen, and Vic's, declined, await nothing.
  // A second acceptance, now with the child seen, takes it off.
  accepted["child_seen"] = true;
  accepted["at"] = "2026-03-02T08:30";
  ASSERT_EQ(
      c.request("POST", "/api/v1/events", json::array({accepted}).dump(), lucy.cookie_and_csrf())
          .status,
      201);
  EXPECT_EQ(unseen(lucy), json::array());
  EXPECT_EQ(unseen(bob), json::array());
}

TEST_F(TransfersApiTest, OnlyTheReceivingAgencyAcceptsOrDeclinesATransfer) {
  TestClient c(port_);
  // Bob's agency sent Uma's transfer: accepting it itself would end its
  // responsibility with no one having taken her on.
  const Browser bob = sign_in(c, "bob");
  const json accepted = {{"type", "transfer_accepted"},
                         {"at", "2026-03-02T10:00"},
                         {"by", "ealing-csc"},
                         {"transfer", "tr-uma-2"},
                         {"child_seen", true}};
  HttpReply r =
      c.request("POST", "/api/v1/events", json::array({accepted}).dump(), bob.cookie_and_csrf());
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(json::parse(r.body)["faults"][0]["field"], "transfer_accepted.transfer");
  EXPECT_NE(r.body.find("only the receiving agency"), std::string::npos);
  json declined = {{"type", "transfer_declined"},
                   {"at", "2026-03-02T10:00"},
                   {"by", "ealing-csc"},
                   {"transfer", "tr-uma-2"},
                   {"reason", "changed our mind"}};
  r = c.request("POST", "/api/v1/events", json::array({declined}).dump(), bob.cookie_and_csrf());
  EXPECT_EQ(r.status, 403) << r.body;
  // Nor may it answer a transfer it defines in the same batch to another agency.
  const json own = {{"type", "transfer"},    {"id", "tr-uma-3"},
                    {"at", "2026-03-02"},    {"by", "ealing-csc"},
                    {"child", "uma"},        {"from", "ealing-csc"},
                    {"to", "luton-csc"},     {"status", "incomplete_s47"},
                    {"risks", json::array()}};
  declined["transfer"] = "tr-uma-3";
  r = c.request("POST", "/api/v1/events", json::array({own, declined}).dump(),
                bob.cookie_and_csrf());
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(json::parse(r.body)["faults"][0]["item"], 2);
  const json theirs = transfers(c, bob);
  EXPECT_EQ(listed(theirs["outgoing"]),
            (std::vector<std::string>{"tr-tia:seen", "tr-uma-2:not seen"}));
  // Luton, the receiver, may.
  const Browser lucy = sign_in(c, "lucy");
  declined["by"] = "luton-csc";
  declined["transfer"] = "tr-uma-2";
  r = c.request("POST", "/api/v1/events", json::array({declined}).dump(), lucy.cookie_and_csrf());
  EXPECT_EQ(r.status, 201) << r.body;
}

// Yan: Westminster's social care handed him to Luton's, which accepted with
// him seen on 12 February; Ealing's handover of him to Luton, sent on
// 11 February, awaits an answer. Luton has seen him since it was sent: an
// accepted transfer with the child seen is a sighting by the receiver (C5).
constexpr const char* kYan =
    R"({"type":"person","id":"yan","at":"2026-01-05","by":"ealing-csc","given":"Yan","family":"Example"}
{"type":"transfer","id":"tr-yan-w","at":"2026-02-10","by":"westminster-csc","child":"yan","from":"westminster-csc","to":"luton-csc","status":"child_in_need","risks":[]}
{"type":"transfer","id":"tr-yan-e","at":"2026-02-11","by":"ealing-csc","child":"yan","from":"ealing-csc","to":"luton-csc","status":"child_in_need","risks":[]}
{"type":"transfer_accepted","at":"2026-02-12","by":"luton-csc","transfer":"tr-yan-w","child_seen":true}
)";

class TransfersSeenTest : public ServiceTest {
 protected:
  std::string extra_feed() const override { return kYan; }
};

TEST_F(TransfersSeenTest, AnAcceptedTransferWithTheChildSeenCountsAsTheReceiverSeeingTheChild) {
  accounts_->add("lucy", Role::kPractitioner, "luton-csc", kPassword, admin());
  TestClient c(port_);
  const Browser lucy = sign_in(c, "lucy");
  const HttpReply r = c.request("GET", "/api/v1/transfers", "", lucy.cookie());
  ASSERT_EQ(r.status, 200) << r.body;
  const json incoming = json::parse(r.body)["incoming"];
  ASSERT_EQ(incoming.size(), 1u) << r.body;
  EXPECT_EQ(incoming[0]["id"], "tr-yan-e");
  EXPECT_EQ(incoming[0]["child_seen_by_receiver"], true);
}

// Zoe: Ealing's social care handed her to Luton's on 20 February; Luton's
// home visit to her is dated 5 March, after the clock's now (2 March), and
// already says she was seen.
constexpr const char* kZoe =
    R"({"type":"person","id":"zoe","at":"2026-01-05","by":"ealing-csc","given":"Zoe","family":"Example"}
{"type":"transfer","id":"tr-zoe","at":"2026-02-20","by":"ealing-csc","child":"zoe","from":"ealing-csc","to":"luton-csc","status":"child_in_need","risks":[]}
{"type":"contact","at":"2026-03-05T10:00","by":"luton-csc","persons":["zoe"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
)";

class TransfersFutureSightingTest : public ServiceTest {
 protected:
  std::string extra_feed() const override { return kZoe; }
};

TEST_F(TransfersFutureSightingTest, AContactDatedAfterNowIsNotYetASighting) {
  accounts_->add("lucy", Role::kPractitioner, "luton-csc", kPassword, admin());
  TestClient c(port_);
  const auto seen_now = [&] {
    const Browser lucy = sign_in(c, "lucy");  // afresh: a session ends after days
    const json incoming = transfers(c, lucy)["incoming"];
    EXPECT_EQ(incoming.size(), 1u);
    return incoming.empty() ? json() : incoming[0]["child_seen_by_receiver"];
  };
  EXPECT_EQ(seen_now(), false);
  advance(4 * 86400);  // 6 March: the visit has happened
  EXPECT_EQ(seen_now(), true);
}

}  // namespace
}  // namespace sightline
