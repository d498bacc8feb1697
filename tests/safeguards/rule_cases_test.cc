// The data-driven cases of tests/safeguards/rules/<rule-id>/ (format in
// tests/safeguards/rules/README.md): each `<case>.expected.json` beside its
// `<case>.jsonl` is one named test. The feed is replayed as
// `sightline replay FEED [--until DATE]` would, and the alerts of the case's
// rules must be exactly the expected ones, in order, on every field given.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "safeguards/alert_json.h"
#include "safeguards/catalogue.h"
#include "safeguards/replay.h"
#include "safeguards/rule.h"
#include "support/test_support.h"

namespace sightline::safeguards {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct RuleCase {
  std::string rule;   // the folder
  fs::path expected;  // <case>.expected.json
  fs::path feed;      // <case>.jsonl
  std::string name;   // a valid test name
};

std::vector<RuleCase> all_cases() {
  std::vector<RuleCase> cases;
  const fs::path root = testing::source_dir() / "tests" / "safeguards" / "rules";
  if (!fs::is_directory(root)) return cases;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      const std::string file = f.path().filename().string();
      const std::string suffix = ".expected.json";
      if (file.size() <= suffix.size() || file.substr(file.size() - suffix.size()) != suffix)
        continue;
      RuleCase c;
      c.rule = dir.path().filename().string();
      c.expected = f.path();
      c.feed = dir.path() / (file.substr(0, file.size() - suffix.size()) + ".jsonl");
      c.name = c.rule + "__" + file.substr(0, file.size() - suffix.size());
      for (char& ch : c.name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      cases.push_back(std::move(c));
    }
  }
  std::sort(cases.begin(), cases.end(),
            [](const RuleCase& a, const RuleCase& b) { return a.name < b.name; });
  return cases;
}

void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.name; }

class RuleCaseTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(RuleCaseTest, ReplaysToExactlyTheExpectedAlerts) {
  const RuleCase& c = GetParam();
  ASSERT_TRUE(fs::exists(c.feed)) << "missing feed " << c.feed;
  const json expected = json::parse(testing::read_file(c.expected));
  ReplayOptions options;
  if (expected.contains("until") && !expected["until"].is_null()) {
    options.until = Date::parse(expected["until"].get<std::string>());
    ASSERT_TRUE(options.until) << "bad until";
  }
  std::vector<std::string> rules{c.rule};
  if (expected.contains("rules")) rules = expected["rules"].get<std::vector<std::string>>();

  std::vector<std::string> faults;
  const ReplayResult result = replay_file(c.feed.string(), SafeguardsConfig(), options,
                                          [&](const Fault& f) { faults.push_back(f.to_string()); });
  ASSERT_TRUE(result.ok()) << "the feed is refused: " << (faults.empty() ? "" : faults.front());
  // No trigger of any rule went without a duty or a documented reason.
  for (const TriggerLedger::Silent& s : result.engine->triggers().silent()) {
    ADD_FAILURE() << "a silent trigger of " << catalogue()[s.rule]->info().id << " at " << s.where;
  }

  std::vector<json> got;
  for (const Alert& a : result.engine->alerts()) {
    if (std::find(rules.begin(), rules.end(), a.rule) != rules.end())
      got.push_back(json::parse(alert_json(a)));
  }
  std::string all_got;
  for (const json& g : got) all_got += "\n  " + g.dump();
  const json& want = expected.at("alerts");
  ASSERT_EQ(got.size(), want.size())
      << (expected.contains("description") ? expected["description"].dump() : "")
      << "\ngot:" << all_got;
  for (std::size_t i = 0; i < want.size(); ++i) {
    for (const auto& [field, value] : want[i].items()) {
      EXPECT_EQ(got[i].contains(field) ? got[i][field] : json(nullptr), value)
          << "alert " << i << " field " << field << "\ngot:" << all_got;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, RuleCaseTest, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<RuleCase>& p) { return p.param.name; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleCaseTest);

}  // namespace
}  // namespace sightline::safeguards
