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

}  // namespace
}  // namespace sightline
