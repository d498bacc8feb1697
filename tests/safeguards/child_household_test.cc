// The child's household as the terms link it (chronology/child_household.h),
// and the child's area read through it agreeing with the engine's.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chronology/child_area.h"
#include "chronology/child_household.h"
#include "feed/parser.h"
#include "safeguards/engine.h"

namespace sightline::safeguards {
namespace {

class Agencies final : public AgencyFacts {
 public:
  std::optional<AgencyKind> kind(std::string_view) const override { return std::nullopt; }
  std::string area(std::string_view a) const override {
    if (a == "ealing-hv" || a == "ealing-csc") return "E09000009";
    return {};
  }
};

std::vector<Event> parse(const std::vector<std::string>& lines) {
  FeedParser parser;
  parser.trust_references(true);  // as a stored chronology
  std::vector<Event> out;
  std::vector<Fault> faults;
  std::int64_t n = 0;
  for (const std::string& line : lines) {
    auto e = parser.parse_line(line, ++n, faults);
    EXPECT_TRUE(e.has_value()) << (faults.empty() ? line : faults.back().to_string());
    if (e) out.push_back(std::move(*e));
  }
  return out;
}

const std::vector<std::string> kAgencies{
    R"({"type":"agency","id":"ealing-hv","at":"2012-01-01","name":"HV","kind":"health_visiting","area":"E09000009"})",
    R"({"type":"agency","id":"ealing-csc","at":"2012-01-01","name":"CSC","kind":"childrens_social_care","area":"E09000009"})",
};

TEST(ChildHousehold, LinksMotherCarersAndUnbornAsTheEventsSayInReplayOrder) {
  const std::vector<Event> events = parse({
      R"({"type":"pregnancy","at":"2025-10-01","by":"ealing-hv","mother":"mum","child":"kai","edd":"2026-04-01"})",
      R"({"type":"relationship","at":"2025-10-02","by":"ealing-hv","person":"dad","other":"kai","role":"father"})",
      R"({"type":"relationship","at":"2025-10-03","by":"ealing-hv","person":"gran","other":"kai","role":"carer"})",
      R"({"type":"relationship","at":"2025-10-04","by":"ealing-hv","person":"aunt","other":"kai","role":"mother"})",
      R"({"type":"referral","id":"r1","at":"2025-10-05","by":"ealing-hv","child":"kai","from":"ealing-hv","to":"ealing-csc","mother":"mum2","concerns":["unsafe_sleeping"]})",
      R"({"type":"relationship","at":"2025-10-06","by":"ealing-hv","person":"x","other":"someone-else","role":"carer"})",
      R"({"type":"birth","at":"2026-03-30","by":"ealing-hv","child":"kai","mother":"mum"})",
  });
  ChildHousehold household("kai");
  std::vector<bool> unborn;
  for (const Event& e : events) {
    household.note(e);
    unborn.push_back(household.unborn());
  }
  EXPECT_EQ(household.mother(), "mum");  // the birth names her; a later "mother" link does not
  EXPECT_EQ(household.carers(), (std::vector<Id>{"mum", "dad", "gran", "aunt", "mum2"}));
  EXPECT_EQ(unborn, (std::vector<bool>{true, true, true, true, true, true, false}));

  ChildHousehold born("tia");
  for (
      const Event& e : parse({
          R"({"type":"person","id":"tia","at":"2025-06-01","by":"ealing-hv","given":"Tia","family":"E","dob":"2025-06-01"})",
          R"({"type":"pregnancy","at":"2025-10-01","by":"ealing-hv","mother":"mum","child":"tia","edd":"2026-04-01"})",
      })) {
    born.note(e);
  }
  EXPECT_FALSE(born.unborn());  // a known date of birth: not unborn
  EXPECT_EQ(born.carers(), (std::vector<Id>{"mum"}));
}

// A referral's mother is a carer of the child for the engine (add_carer), so
// a child placed by nothing else of its own is in her area, not the last
// reporter's: the chronology's child's area said the reporter's.
TEST(ChildHousehold, AReferralsMotherPlacesTheChildInHerAreaAsForTheEngine) {
  std::vector<std::string> lines = kAgencies;
  for (
      const char* l : {
          R"({"type":"person","id":"kai","at":"2025-06-01","by":"ealing-hv","given":"Kai","family":"E","dob":"2025-06-01"})",
          R"({"type":"address","at":"2025-06-02","by":"ealing-hv","persons":["mum"],"address":{"line1":"2 Low Road","town":"Luton","postcode":"LU1 1AA","area":"E06000032"}})",
          R"({"type":"referral","id":"r1","at":"2025-07-01","by":"ealing-hv","child":"kai","from":"ealing-hv","to":"ealing-csc","mother":"mum","concerns":["unsafe_sleeping"]})",
      }) {
    lines.emplace_back(l);
  }
  const std::vector<Event> events = parse(lines);
  SafeguardsEngine engine;
  for (const Event& e : events) engine.apply(e);
  const auto facts = engine.facts("kai");
  ASSERT_TRUE(facts.has_value());
  EXPECT_EQ(facts->area, "E06000032");
  EXPECT_EQ(child_area(events, "kai", Agencies()), facts->area);
}

}  // namespace
}  // namespace sightline::safeguards
