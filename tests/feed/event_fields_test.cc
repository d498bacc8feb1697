// The fields that hold person ids (feed/event_fields.h) name the persons
// persons_named reads from typed events: over every line of the scenarios,
// the ids in those fields of the line are exactly the persons it names (a
// `person` line's own id aside; a `registration` may give its child as
// `person`).
#include "feed/event_fields.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "feed/parser.h"

namespace sightline {
namespace {

TEST(EventFields, PersonsNamedReadsExactlyThePersonFields) {
  std::int64_t checked = 0;
  for (const auto& file : std::filesystem::directory_iterator(std::string(SIGHTLINE_SOURCE_DIR) +
                                                              "/tests/scenarios")) {
    if (file.path().extension() != ".jsonl") continue;
    std::ifstream in(file.path());
    FeedParser parser;
    parser.trust_references(true);
    std::vector<Fault> faults;
    std::string line;
    std::int64_t n = 0;
    while (std::getline(in, line)) {
      const auto e = parser.parse_line(line, ++n, faults);
      if (!e) continue;
      const auto j = nlohmann::json::parse(line);
      std::set<std::string> from_fields;
      for (const std::string_view f : person_id_fields()) {
        const std::string field(f);
        if (j.contains(field) && j[field].is_string())
          from_fields.insert(j[field].get<std::string>());
      }
      for (const std::string_view f : person_list_fields()) {
        const std::string field(f);
        if (!j.contains(field)) continue;
        for (const auto& p : j[field]) from_fields.insert(p.get<std::string>());
      }
      std::set<std::string> named;
      for (const PersonRef& r : persons_named(*e)) {
        if (r.field != "id") named.insert(*r.person);
      }
      EXPECT_EQ(named, from_fields) << file.path() << ":" << n;
      ++checked;
    }
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace sightline
