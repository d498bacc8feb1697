// The demonstration's agency directory: one name per agency, the scenario's
// services standing for the synthetic world's in the scenario's areas, and
// schools and education services for the demonstration's areas.
#include "cli/demo_agencies.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "synth/synth.h"

namespace sightline::cli {
namespace {

using nlohmann::json;

AgencyView agency(const std::string& id, AgencyKind kind, const std::string& area) {
  return {id, id + " name", kind, area, std::nullopt};
}

TEST(DemoAgencies, AFeedAgencyOfAnExistingKindAndAreaIsDroppedAndItsIdReplaced) {
  const std::string feed =
      R"({"type":"agency","id":"A-hv","at":"2025-01-01","name":"Ealing health visiting","kind":"health_visiting","area":"A","parent":"A-lscp"})"
      "\n"
      R"({"type":"agency","id":"A-hv2","at":"2025-01-01","name":"Ealing health visiting 2","kind":"health_visiting","area":"A"})"
      "\n"
      R"({"type":"agency","id":"A-gp1","at":"2025-01-01","name":"Ealing GP practice 1","kind":"gp_practice","area":"A"})"
      "\n"
      R"({"type":"agency","id":"B-hv","at":"2025-01-01","name":"Brent health visiting","kind":"health_visiting","area":"B"})"
      "\n"
      R"({"type":"contact","at":"2025-02-01","by":"A-hv","persons":["c1"],"note":"A-hv saw \"A-hv\""})"
      "\n"
      R"({"type":"transfer","at":"2025-03-01","by":"A-hv","from":"A-hv","to":"B-hv","child":"c1"})"
      "\n";
  const std::string merged =
      merge_duplicate_agencies(feed, {agency("ealing-hv", AgencyKind::kHealthVisiting, "A"),
                                      agency("ealing-csc", AgencyKind::kChildrensSocialCare, "A"),
                                      agency("nowhere", AgencyKind::kHealthVisiting, "")});
  std::vector<json> lines;
  std::istringstream in(merged);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  ASSERT_EQ(lines.size(), 5u) << merged;
  // The first of its kind and area is the existing one; the second is kept.
  EXPECT_EQ(lines[0]["id"], "A-hv2");
  EXPECT_EQ(lines[1]["id"], "A-gp1");
  EXPECT_EQ(lines[2]["id"], "B-hv");
  EXPECT_EQ(lines[3]["by"], "ealing-hv");
  EXPECT_EQ(lines[3]["note"], "A-hv saw \"A-hv\"");  // words are not ids
  EXPECT_EQ(lines[4]["by"], "ealing-hv");
  EXPECT_EQ(lines[4]["from"], "ealing-hv");
  EXPECT_EQ(lines[4]["to"], "B-hv");
}

AgencyKind kind_named(const std::string& name) {
  for (int k = 0; k <= static_cast<int>(AgencyKind::kSafeguardingPartnership); ++k) {
    if (to_string(static_cast<AgencyKind>(k)) == name) return static_cast<AgencyKind>(k);
  }
  ADD_FAILURE() << "no agency kind " << name;
  return AgencyKind::kGpPractice;
}

std::vector<json> agency_lines(const std::string& feed) {
  std::vector<json> out;
  std::istringstream in(feed);
  for (std::string line; std::getline(in, line);) {
    if (line.find("\"agency\"") == std::string::npos) continue;
    const json j = json::parse(line);
    if (j.value("type", "") == "agency") out.push_back(j);
  }
  return out;
}

TEST(DemoAgencies, TheDemonstrationNamesEachAgencyOnceAndHasSchoolsInItsAreas) {
  std::ifstream file(std::string(SIGHTLINE_SOURCE_DIR) + "/tests/scenarios/sofia.jsonl");
  std::stringstream scenario;
  scenario << file.rdbuf();
  const std::vector<json> sofia = agency_lines(scenario.str());
  ASSERT_FALSE(sofia.empty());
  std::vector<AgencyView> existing;
  for (const json& a : sofia) {
    existing.push_back(
        {a["id"], a["name"], kind_named(a["kind"]), a.value("area", ""), std::nullopt});
  }
  synth::Options options;
  options.children = 20;
  options.seed = 1;
  std::string lines;
  synth::generate(options, [&](std::string_view chunk) { lines.append(chunk); });
  const std::string merged = merge_duplicate_agencies(lines, existing);
  std::vector<json> all = sofia;
  for (const json& a : agency_lines(merged)) all.push_back(a);
  for (const json& a : agency_lines(demo_education_agencies("2012-01-01"))) all.push_back(a);

  std::set<std::string> ids, names;
  std::map<std::pair<std::string, std::string>, int> of_kind_in_area;
  for (const json& a : all) {
    EXPECT_TRUE(ids.insert(a["id"]).second) << a["id"];
    std::string lower = a["name"];
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(names.insert(lower).second) << "named twice: " << a["name"];
    ++of_kind_in_area[{a["kind"], a.value("area", "")}];
  }
  // The synthetic world has two GP practices an area, the demonstration a
  // school and an education service; of anything else, one.
  for (const auto& [key, n] : of_kind_in_area) {
    const int most = key.first == "gp_practice" || key.first == "school" ? 2 : 1;
    EXPECT_LE(n, most) << key.first << " in " << key.second;
  }
  // The caseload names the scenario's agency where it dropped its own.
  EXPECT_EQ(merged.find("\"E09000009-hv\""), std::string::npos);
  EXPECT_EQ(merged.find("\"E09000009-csc\""), std::string::npos);
  for (const char* area : {"E09000009", "E09000033", "E09000007", "E09000014", "E09000017",
                           "E06000032", "E09000013", "E08000025"}) {
    EXPECT_EQ((of_kind_in_area[{"school", area}]), 2) << area;
    EXPECT_EQ((of_kind_in_area[{"early_years", area}]), 1) << area;
  }
}

}  // namespace
}  // namespace sightline::cli
