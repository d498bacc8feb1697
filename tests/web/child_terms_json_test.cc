// The API's child summary "terms" (web/child_terms_json.h) lapse derived
// indicators after the windows configured for the child's area, as the
// safeguards engine does, not after the national ones.
#include "web/child_terms_json.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "../support/store_agencies.h"
#include "../support/test_support.h"
#include "feed/parser.h"
#include "safeguards/config.h"
#include "safeguards/engine.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline {
namespace {

constexpr const char* kEaling = "E09000009";

// c1 lives in Ealing; Ealing's health visitors were refused twice, 20 days
// apart. Nationally (60 days) that is non-cooperation; Ealing configures 15.
constexpr const char* kFeed =
    R"({"type":"agency","id":"ealing-hv","at":"2020-01-01","name":"Ealing HV","kind":"health_visiting","area":"E09000009"}
{"type":"person","id":"c1","at":"2025-06-01","by":"ealing-hv","given":"Ann","family":"One","dob":"2025-06-01"}
{"type":"address","at":"2025-06-01","by":"ealing-hv","persons":["c1"],"address":{"line1":"1 High Street","town":"London","postcode":"W5 1AA","area":"E09000009"}}
{"type":"contact","at":"2026-01-05T10:00","by":"ealing-hv","persons":["c1"],"mode":"home_visit","child_seen":false,"outcome":"declined"}
{"type":"contact","at":"2026-01-25T10:00","by":"ealing-hv","persons":["c1"],"mode":"home_visit","child_seen":false,"outcome":"declined"}
)";

constexpr const char* kNow = "2026-02-01T09:00:00";

IndicatorWindows ealing_windows(std::string_view area) {
  IndicatorWindows w;
  if (area == kEaling) w.non_cooperation_days = 15;
  return w;
}

std::vector<std::string> api_indicators(const nlohmann::json& terms) {
  std::vector<std::string> out;
  for (const auto& [domain, list] : terms["indicators"].items()) {
    for (const auto& i : list) out.push_back(i["indicator"].get<std::string>());
  }
  return out;
}

std::vector<std::string> engine_indicators(const std::string& config_json) {
  const auto config = safeguards::SafeguardsConfig::from_json(config_json);
  EXPECT_TRUE(config.has_value());
  safeguards::SafeguardsEngine engine(*config);
  FeedParser parser;
  std::vector<Fault> faults;
  std::istringstream in(kFeed);
  std::string line;
  std::int64_t n = 0;
  while (std::getline(in, line)) {
    const auto e = parser.parse_line(line, ++n, faults);
    EXPECT_TRUE(e.has_value()) << line;
    if (e) engine.apply(*e);
  }
  engine.advance_to(*Timestamp::parse(kNow));
  const auto facts = engine.facts("c1");
  EXPECT_TRUE(facts.has_value());
  std::vector<std::string> out;
  if (!facts) return out;
  for (const Indicator i : facts->indicators) out.emplace_back(to_string(i));
  return out;
}

class ChildTermsJsonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_sqlite_store(dir_.file("terms.db"));
    std::istringstream feed(kFeed);
    ASSERT_TRUE(import_feed(*store_, feed, "terms", {}).committed);
  }
  nlohmann::json terms(const IndicatorWindowsOfArea& windows) {
    const testing::StoreAgencies agencies(store_->agencies());
    return web::child_terms_json(store_->chronology("c1", std::nullopt), "c1",
                                 *Timestamp::parse(kNow), agencies, windows);
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(ChildTermsJsonTest, WithoutConfigurationTheNationalWindowsApplyAsInTheEngine) {
  const std::vector<std::string> expected = {"non_cooperation"};
  EXPECT_EQ(api_indicators(terms({})), expected);
  EXPECT_EQ(engine_indicators("{}"), expected);
}

TEST_F(ChildTermsJsonTest, IndicatorsLapseAfterTheWindowsConfiguredForTheChildsArea) {
  EXPECT_EQ(api_indicators(terms(ealing_windows)), std::vector<std::string>());
  EXPECT_EQ(engine_indicators(
                R"({"areas": {"E09000009": {"indicators": {"non_cooperation_days": 15}}}})"),
            std::vector<std::string>());
}

TEST_F(ChildTermsJsonTest, AnotherAreasWindowsDoNotApply) {
  const auto luton_only = [](std::string_view area) {
    IndicatorWindows w;
    if (area == "E06000032") w.non_cooperation_days = 15;
    return w;
  };
  EXPECT_EQ(api_indicators(terms(luton_only)), std::vector<std::string>{"non_cooperation"});
}

// The page's facts at the summary's top level (web::child_facts_json), for
// children the Sofia scenario does not cover.
constexpr const char* kFamilies =
    R"({"type":"agency","id":"ealing-hv","at":"2020-01-01","name":"Ealing HV","kind":"health_visiting","area":"E09000009"}
{"type":"agency","id":"ealing-csc","at":"2020-01-01","name":"Ealing Children's Services","kind":"childrens_social_care","area":"E09000009"}
{"type":"person","id":"mum","at":"2024-01-01","by":"ealing-hv","given":"Rose","family":"Two","sex":"F"}
{"type":"person","id":"never","at":"2025-03-31","by":"ealing-hv","given":"Nell","family":"Two","dob":"2025-03-31","sex":"F","nhs_number":"9434765919"}
{"type":"relationship","at":"2025-04-01","by":"ealing-hv","person":"mum","other":"never","role":"mother"}
{"type":"person","id":"bro","at":"2025-04-01","by":"ealing-hv","given":"Ben","family":"Two","dob":"2021-02-01"}
{"type":"relationship","at":"2025-04-01","by":"ealing-hv","person":"never","other":"bro","role":"sibling"}
{"type":"assessment_started","id":"a1","at":"2026-01-10T10:00","by":"ealing-csc","child":"never","kind":"child_and_family","agency":"ealing-csc"}
{"type":"hv_level","at":"2026-01-11","by":"ealing-hv","child":"never","level":"universal_plus"}
{"type":"circumstances","at":"2025-05-01","by":"ealing-hv","person":"mum","housing":"temporary","immigration":"nrpf"}
{"type":"circumstances","at":"2025-09-01","by":"ealing-hv","person":"mum","income":"none"}
{"type":"person","id":"booked","at":"2025-01-01","by":"ealing-hv","given":"Bo","family":"Four","dob":"2025-01-01"}
{"type":"appointment","at":"2026-03-01T09:00","by":"ealing-hv","child":"booked","kind":"review_1_year","outcome":"cancelled"}
{"type":"appointment","at":"2026-03-20T09:00","by":"ealing-hv","child":"booked","kind":"review_1_year","outcome":"attended"}
{"type":"appointment","at":"2026-03-10T09:00","by":"ealing-hv","child":"booked","kind":"immunisation","outcome":"attended"}
{"type":"person","id":"gone","at":"2025-06-01","by":"ealing-hv","given":"Gil","family":"Three","dob":"2025-06-01","sex":"M"}
{"type":"address","at":"2025-06-01","by":"ealing-hv","persons":["gone"],"address":{"line1":"3 High Street","town":"London","postcode":"W5 3AA","area":"E09000009"}}
{"type":"assessment_started","id":"a2","at":"2025-11-01T10:00","by":"ealing-csc","child":"gone","kind":"child_and_family","agency":"ealing-csc"}
{"type":"contact","at":"2025-11-02T10:00","by":"ealing-csc","persons":["gone"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"death","at":"2025-12-20","by":"ealing-hv","person":"gone"}
{"type":"person","id":"home","at":"2025-06-01","by":"ealing-hv","given":"Hal","family":"Seven","dob":"2025-06-01"}
{"type":"address","at":"2025-06-01","by":"ealing-hv","persons":["home"],"address":{"line1":"7 High Street","town":"London","postcode":"W5 7AA","area":"E09000009"}}
{"type":"contact","at":"2025-11-02T10:00","by":"ealing-csc","persons":["home"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"agency","id":"luton-hv","at":"2020-01-01","name":"Luton HV","kind":"health_visiting","area":"E06000032"}
{"type":"person","id":"moved","at":"2025-06-01","by":"ealing-hv","given":"Mo","family":"Five","dob":"2025-06-01"}
{"type":"address","at":"2025-06-01","by":"ealing-hv","persons":["moved"],"address":{"line1":"5 High Street","town":"London","postcode":"W5 5AA","area":"E09000009"}}
{"type":"contact","at":"2025-07-01T10:00","by":"luton-hv","persons":["moved"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"person","id":"visited","at":"2025-06-01","by":"ealing-hv","given":"Vi","family":"Six","dob":"2025-06-01"}
{"type":"address","at":"2025-06-01","by":"ealing-hv","persons":["visited"],"address":{"line1":"6 High Street","town":"London","postcode":"W5 6AA","area":"E09000009"}}
{"type":"contact","at":"2025-07-01T10:00","by":"ealing-hv","persons":["visited"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"contact","at":"2025-08-01T10:00","by":"ealing-hv","persons":["visited"],"mode":"clinic","child_seen":true,"outcome":"seen","address":{"postcode":"W5 9ZZ","area":"E09000009"}}
)";

class ChildFactsJsonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_sqlite_store(dir_.file("facts.db"));
    std::istringstream feed(kFamilies);
    ASSERT_TRUE(import_feed(*store_, feed, "facts", {}).committed);
  }
  nlohmann::json facts(const std::string& child, nlohmann::json whereabouts = nullptr) {
    const testing::StoreAgencies agencies(store_->agencies());
    const web::FactNames names{
        .person =
            [&](const Id& id) {
              const auto p = store_->person(id, std::nullopt);
              return p ? p->display_name() : std::string();
            },
        .agency = [](const Id& id) { return id == "ealing-csc" ? "Ealing CSC" : ""; }};
    const auto person = store_->person(child, std::nullopt);
    const Address* address =
        person && !person->addresses.empty() ? &person->addresses.back().address : nullptr;
    return web::child_facts_json(store_->chronology(child, std::nullopt), child,
                                 *Timestamp::parse(kNow), agencies, names, std::move(whereabouts),
                                 address);
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(ChildFactsJsonTest, ANeverSeenChildWithNoAddressHasNullsNotGuesses) {
  const nlohmann::json f = facts("never");
  EXPECT_TRUE(f["last_seen"].is_null());
  EXPECT_TRUE(f["whereabouts"].is_null());  // nothing recorded about where she lives
  EXPECT_TRUE(f["deceased"].is_null());
  EXPECT_EQ(f["age"], (nlohmann::json{{"years", 0}, {"months", 10}}));  // 31 Mar 2025 to 1 Feb 2026
  EXPECT_EQ(f["nhs_number"], "9434765919");
  EXPECT_EQ(f["sex"], "F");
  // One entry per agency, in the order each became involved, with its name.
  ASSERT_EQ(f["involved_now"].size(), 2u);
  EXPECT_EQ(f["involved_now"][0]["agency"], "ealing-csc");
  EXPECT_EQ(f["involved_now"][0]["agency_name"], "Ealing CSC");
  EXPECT_EQ(f["involved_now"][0]["kinds"], nlohmann::json::array({"assessment"}));
  EXPECT_EQ(f["involved_now"][1]["agency"], "ealing-hv");
  EXPECT_TRUE(f["involved_now"][1]["agency_name"].is_null());
  EXPECT_EQ(f["involved_now"][1]["kinds"], nlohmann::json::array({"enhanced_health_visiting"}));
  // Her mother, and the brother she is named a sibling of.
  ASSERT_EQ(f["household"].size(), 2u);
  EXPECT_EQ(f["household"][0]["id"], "mum");
  EXPECT_EQ(f["household"][0]["name"], "Rose Two");
  EXPECT_EQ(f["household"][0]["relationship"], "mother");
  EXPECT_EQ(f["household"][0]["carer"], true);
  // Her mother's circumstances (F1): the latest of each, as given.
  EXPECT_EQ(f["household"][0]["circumstances"], (nlohmann::json{{"housing", "temporary"},
                                                                {"income", "none"},
                                                                {"immigration", "nrpf"},
                                                                {"health", nlohmann::json::array()},
                                                                {"at", "2025-09-01"}}));
  EXPECT_EQ(f["household"][1], (nlohmann::json{{"id", "bro"},
                                               {"name", "Ben Two"},
                                               {"relationship", "sibling"},
                                               {"carer", false},
                                               {"circumstances", nullptr}}));
  EXPECT_TRUE(f["next_appointment"].is_null());
}

TEST_F(ChildFactsJsonTest, AnAppointmentToComeRecordedAttendedIsNotASightingYet) {
  EXPECT_TRUE(facts("booked")["last_seen"].is_null());  // both attended ones are after kNow
}

TEST_F(ChildFactsJsonTest, ALutonHomeVisitDoesNotConfirmTheEalingAddressAnEalingOneDoes) {
  const nlohmann::json at_home = {{"state", "at_address"}, {"detail", ""}, {"since", "2025-06-01"}};
  const nlohmann::json luton = facts("moved", at_home);
  EXPECT_EQ(luton["last_seen"]["by"], "luton-hv");  // seen, but not at the Ealing address
  EXPECT_EQ(luton["whereabouts"]["confirmed"], false);
  const nlohmann::json ealing = facts("visited", at_home);
  EXPECT_EQ(ealing["whereabouts"]["confirmed"], true);
  EXPECT_EQ(ealing["whereabouts"]["seen_there"],
            (nlohmann::json{{"at", "2025-07-01T10:00:00"}, {"by", "ealing-hv"}}));
  // Seen since at a clinic: still last seen there, still confirmed by the visit.
  EXPECT_EQ(ealing["last_seen"]["how"], "clinic");
}

TEST_F(ChildFactsJsonTest, TheNextPlannedContactIsTheEarliestAppointmentToComeNotCancelled) {
  EXPECT_EQ(facts("booked")["next_appointment"],
            (nlohmann::json{
                {"at", "2026-03-10T09:00:00"}, {"by", "ealing-hv"}, {"kind", "immunisation"}}));
}

TEST_F(ChildFactsJsonTest, AChildWhoHasDiedHasNoLiveWorkAndIsTheAgeTheyWereThen) {
  const nlohmann::json f =
      facts("gone", {{"state", "at_address"}, {"detail", ""}, {"since", "2025-06-01"}});
  EXPECT_EQ(f["deceased"], "2025-12-20");
  EXPECT_TRUE(f["involved_now"].empty());  // the assessment was open when he died
  EXPECT_EQ(f["age"], (nlohmann::json{{"years", 0}, {"months", 6}}));
  EXPECT_EQ(
      f["last_seen"],
      (nlohmann::json{{"at", "2025-11-02T10:00:00"}, {"by", "ealing-csc"}, {"how", "home_visit"}}));
  // Seen at home since the address was given, but a child who has died has no
  // whereabouts to confirm (R5).
  EXPECT_TRUE(f["whereabouts"].is_null());
  EXPECT_TRUE(f["nhs_number"].is_null());
  EXPECT_TRUE(f["next_appointment"].is_null());
}

TEST_F(ChildFactsJsonTest, AnAddressIsConfirmedOnlyByAHomeVisitSinceItWasGiven) {
  const nlohmann::json given =
      facts("home", {{"state", "at_address"}, {"detail", ""}, {"since", "2025-06-01"}});
  EXPECT_EQ(given["whereabouts"]["confirmed"], true);
  EXPECT_EQ(given["whereabouts"]["seen_there"],
            (nlohmann::json{{"at", "2025-11-02T10:00:00"}, {"by", "ealing-csc"}}));
  const nlohmann::json later =
      facts("home", {{"state", "at_address"}, {"detail", ""}, {"since", "2025-11-03"}});
  EXPECT_EQ(later["whereabouts"]["confirmed"], false);
  EXPECT_TRUE(later["whereabouts"]["seen_there"].is_null());
  const nlohmann::json unknown =
      facts("home", {{"state", "unknown"}, {"detail", ""}, {"since", "2025-11-03"}});
  EXPECT_FALSE(unknown["whereabouts"].contains("confirmed"));
}

}  // namespace
}  // namespace sightline
