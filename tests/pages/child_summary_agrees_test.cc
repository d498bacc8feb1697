// The API's child summary says what the child's page shows (issue 12, item
// 11): for the Sofia scenario and a demonstration child, the facts at the
// summary's top level (last seen and how, who is involved now) equal those the
// page derives from the chronology the API gives it, because both read the
// one definition of each in chronology/.
#include <gtest/gtest.h>

#include <algorithm>

#include "../support/store_agencies.h"
#include "../web/service_fixture.h"
#include "pages/child_facts.h"

namespace sightline::testing {
namespace {

using nlohmann::json;

class ChildSummaryAgreesTest : public ServiceTest {
 protected:
  // Mia, as `serve --demo` writes her (cli/demo_feed.cc), six weeks before the
  // fixture's clock: under an open assessment, seen at home the day it began.
  std::string extra_feed() const override {
    return R"({"type":"person","id":"demo-mia","at":"2026-01-19","by":"ealing-csc","given":"Mia","family":"Example","dob":"2023-03-03","sex":"F"}
{"type":"assessment_started","id":"demo-mia-assessment","at":"2026-01-19T10:00","by":"ealing-csc","child":"demo-mia","kind":"child_and_family","agency":"ealing-csc"}
{"type":"contact","at":"2026-01-19T15:00","by":"ealing-csc","persons":["demo-mia"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"person","id":"lee","at":"2026-01-05","by":"ealing-csc","given":"Lee","family":"Example","dob":"2025-05-05"}
{"type":"assessment_started","id":"lee-assessment","at":"2026-01-05T09:00","by":"ealing-csc","child":"lee","kind":"child_and_family","agency":"ealing-csc"}
{"type":"address","at":"2026-01-05","by":"ealing-csc","persons":["lee"],"address":{"line1":"9 Uxbridge Road","town":"London","postcode":"W5 9AA","area":"E09000009"}}
{"type":"contact","at":"2026-01-20T11:00","by":"luton-hv","persons":["lee"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"appointment","at":"2026-03-20T09:00","by":"ealing-hv","child":"lee","kind":"immunisation","outcome":"attended"}
{"type":"person","id":"vic","at":"2026-01-05","by":"ealing-csc","given":"Vic","family":"Example","dob":"2025-05-05"}
{"type":"assessment_started","id":"vic-assessment","at":"2026-01-05T09:00","by":"ealing-csc","child":"vic","kind":"child_and_family","agency":"ealing-csc"}
{"type":"address","at":"2026-01-05","by":"ealing-csc","persons":["vic"],"address":{"line1":"7 Uxbridge Road","town":"London","postcode":"W5 7AA","area":"E09000009"}}
{"type":"contact","at":"2026-02-10T10:00","by":"ealing-hv","persons":["vic"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"contact","at":"2026-02-20T10:00","by":"luton-hv","persons":["vic"],"mode":"clinic","child_seen":true,"outcome":"seen","address":{"postcode":"LU1 1AA","area":"E06000032"}}
)";
  }

  struct Both {
    json summary;
    pages::ChildFacts page;
  };
  Both read(const std::string& child) {
    TestClient c(port_);
    const Browser bob = sign_in(c, "bob");  // Ealing children's social care
    const HttpReply s = c.request("GET", "/api/v1/children/" + child, "", bob.cookie());
    const HttpReply chronology =
        c.request("GET", "/api/v1/children/" + child + "/chronology", "", bob.cookie());
    EXPECT_EQ(s.status, 200) << s.body;
    EXPECT_EQ(chronology.status, 200) << chronology.body;
    const StoreAgencies agencies(store_->with([](Store& st) { return st.agencies(); }));
    return {json::parse(s.body), pages::derive_child_facts(json::parse(chronology.body)["entries"],
                                                           child, clock_.now(), agencies)};
  }
  // The page's involvement, one entry per agency in the order each began.
  static std::vector<std::string> page_agencies(const pages::ChildFacts& f) {
    std::vector<std::string> out;
    for (const pages::Involvement& i : f.involved_now) {
      if (std::find(out.begin(), out.end(), i.agency) == out.end()) out.push_back(i.agency);
    }
    return out;
  }
  static std::vector<std::string> api_agencies(const json& summary) {
    std::vector<std::string> out;
    for (const json& i : summary["involved_now"]) out.push_back(i["agency"]);
    return out;
  }
  static void expect_same_last_seen(const json& summary, const pages::ChildFacts& page) {
    ASSERT_TRUE(page.last_seen.has_value());
    EXPECT_EQ(summary["last_seen"], (json{{"at", page.last_seen->at},
                                          {"by", page.last_seen->by},
                                          {"how", page.last_seen->how}}));
  }
};

TEST_F(ChildSummaryAgreesTest, SofiaWhoDiedIsLastSeenInHospitalWithNoLiveWorkOnBoth) {
  const Both b = read("sofia");
  expect_same_last_seen(b.summary, b.page);
  EXPECT_EQ(b.summary["last_seen"]["how"], "hospital");
  EXPECT_EQ(b.summary["deceased"], "2013-10-14");
  EXPECT_EQ(b.summary["age"], (json{{"years", 1}, {"months", 0}}));
  EXPECT_TRUE(b.summary["involved_now"].empty());
  EXPECT_TRUE(b.page.involved_now.empty());
  // Nothing stays active after her death (reading R77): no whereabouts to
  // confirm or find, no active indicator; the catalogue's terms still hold
  // what was active when she died.
  EXPECT_TRUE(b.summary["whereabouts"].is_null());
  EXPECT_TRUE(b.page.whereabouts_unknown_since.empty());
  EXPECT_TRUE(b.page.indicators.empty());
  EXPECT_FALSE(b.summary["terms"]["indicators"].empty());
  // The catalogue's involvement (C8) still counts what was open when she died.
  EXPECT_EQ(b.summary["terms"]["involvement"].size(), 3u);
  EXPECT_EQ(b.summary["sex"], "F");
  ASSERT_FALSE(b.summary["household"].empty());
  EXPECT_EQ(b.summary["household"][0]["relationship"], "mother");
  EXPECT_EQ(b.summary["household"][0]["name"], "Mother Withheld");
  for (const json& c : b.summary["carers"]) EXPECT_FALSE(c["name"].get<std::string>().empty());
}

TEST_F(ChildSummaryAgreesTest, TheDemonstrationChildIsSeenAndInvolvedAlikeOnBoth) {
  const Both b = read("demo-mia");
  expect_same_last_seen(b.summary, b.page);
  EXPECT_EQ(b.summary["last_seen"]["how"], "home_visit");
  EXPECT_EQ(api_agencies(b.summary), page_agencies(b.page));
  EXPECT_EQ(api_agencies(b.summary), std::vector<std::string>{"ealing-csc"});
  EXPECT_EQ(b.summary["involved_now"][0]["kinds"], json::array({"assessment"}));
  EXPECT_FALSE(b.summary["involved_now"][0]["agency_name"].is_null());
  EXPECT_TRUE(b.summary["deceased"].is_null());
  EXPECT_EQ(b.summary["age"], (json{{"years", 2}, {"months", 11}}));
  EXPECT_TRUE(b.summary["whereabouts"].is_null());  // no address recorded
}

TEST_F(ChildSummaryAgreesTest, ALutonHomeVisitIsASightingButDoesNotConfirmTheEalingAddress) {
  const Both b = read("lee");
  // The immunisation recorded "attended" is dated after the clock: not yet.
  expect_same_last_seen(b.summary, b.page);
  EXPECT_EQ(b.summary["last_seen"]["by"], "luton-hv");
  EXPECT_EQ(b.summary["whereabouts"]["state"], "at_address");
  EXPECT_EQ(b.summary["whereabouts"]["confirmed"], false);
  EXPECT_TRUE(b.summary["whereabouts"]["seen_there"].is_null());
}

TEST_F(ChildSummaryAgreesTest,
       AnEalingHomeVisitConfirmsTheEalingAddressALaterSightingElsewhereDoesNotUndoIt) {
  const Both b = read("vic");
  expect_same_last_seen(b.summary, b.page);
  EXPECT_EQ(b.summary["last_seen"]["by"], "luton-hv");  // seen since, but not there
  EXPECT_EQ(b.summary["whereabouts"]["confirmed"], true);
  EXPECT_EQ(b.summary["whereabouts"]["seen_there"],
            (json{{"at", "2026-02-10T10:00:00"}, {"by", "ealing-hv"}}));
}

}  // namespace
}  // namespace sightline::testing
