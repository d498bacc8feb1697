// The differential test's reference rules (reference_rules.h) against the
// hand-written rule cases of their three rules (tests/safeguards/rules/): a
// reference that disagreed with the catalogue's own worked examples would
// only find its own faults.
#include "safeguards/differential/reference_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace sightline::safeguards::differential {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string text(const json& alert) {
  auto field = [&](const char* name) {
    return alert.contains(name) && !alert[name].is_null()
               ? (alert[name].is_string() ? alert[name].get<std::string>() : alert[name].dump())
               : std::string("null");
  };
  return field("rule") + " " + field("child") + " " + field("owner") + " raised " +
         field("raised") + " due " + field("due") + " resolved " + field("resolved") + " by " +
         field("resolved_by");
}

TEST(ReferenceRules, AgreeWithTheRuleCasesOfTheirRules) {
  const std::vector<std::string> rules = {"child-not-seen", "whereabouts-unknown",
                                          "hv-handover-missing"};
  int cases = 0;
  for (const std::string& rule : rules) {
    const fs::path dir = testing::source_dir() / "tests" / "safeguards" / "rules" / rule;
    for (const auto& f : fs::directory_iterator(dir)) {
      const std::string name = f.path().filename().string();
      const std::string suffix = ".expected.json";
      if (name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix) {
        continue;
      }
      const json expected = json::parse(testing::read_file(f.path()));
      std::vector<std::string> wanted_rules{rule};
      if (expected.contains("rules"))
        wanted_rules = expected["rules"].get<std::vector<std::string>>();
      if (!std::all_of(wanted_rules.begin(), wanted_rules.end(), [&](const std::string& r) {
            return std::find(rules.begin(), rules.end(), r) != rules.end();
          })) {
        continue;
      }
      ASSERT_TRUE(expected.contains("until")) << name;
      const Date until = *Date::parse(expected["until"].get<std::string>());
      std::vector<std::string> lines;
      std::istringstream in(
          testing::read_file(dir / (name.substr(0, name.size() - suffix.size()) + ".jsonl")));
      for (std::string l; std::getline(in, l);) lines.push_back(l);
      std::vector<std::string> want, got;
      for (const json& a : expected["alerts"]) want.push_back(text(a));
      for (const ReferenceAlert& a : reference_alerts(lines, until)) {
        if (a.raised > until ||
            std::find(wanted_rules.begin(), wanted_rules.end(), a.rule) == wanted_rules.end()) {
          continue;
        }
        json j = {{"rule", a.rule},
                  {"child", a.child},
                  {"owner", a.owner},
                  {"raised", a.raised.to_string()}};
        j["due"] = a.due ? json(a.due->to_string()) : json(nullptr);
        const bool resolved = a.resolved && *a.resolved <= until;
        j["resolved"] = resolved ? json(a.resolved->to_string()) : json(nullptr);
        j["resolved_by"] = resolved ? json(a.resolved_by) : json(nullptr);
        got.push_back(text(j));
      }
      std::sort(want.begin(), want.end());
      std::sort(got.begin(), got.end());
      EXPECT_EQ(got, want) << rule << "/" << name;
      ++cases;
    }
  }
  EXPECT_GT(cases, 30);
}

}  // namespace
}  // namespace sightline::safeguards::differential
