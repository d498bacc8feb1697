// What adding a rule takes (docs/adding-a-rule.md), held by tests: each rule
// of the engine's catalogue is a row of the catalogue's table in
// docs/safeguards-v1.md, in the same order, has its folder of cases under
// tests/safeguards/rules/ (at least `fires`, `near-miss` and `resolved`), and
// carries its own words for the pages; and nothing else claims to be a rule.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "safeguards/catalogue.h"
#include "safeguards/catalogue_doc.h"
#include "safeguards/rule.h"
#include "support/test_support.h"

namespace sightline::safeguards {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> engine_rule_ids() {
  std::vector<std::string> ids;
  for (const Rule* r : catalogue()) ids.emplace_back(r->info().id);
  return ids;
}

TEST(Catalogue, IsTheTableOfTheCatalogueDocumentInItsOrder) {
  const std::vector<std::string> documented = testing::catalogue_doc_rule_ids();
  ASSERT_FALSE(documented.empty()) << "no rows read from docs/safeguards-v1.md";
  EXPECT_EQ(engine_rule_ids(), documented);
}

TEST(Catalogue, EveryRuleHasItsFolderOfCases) {
  const fs::path root = testing::source_dir() / "tests" / "safeguards" / "rules";
  for (const std::string& id : engine_rule_ids()) {
    for (const char* c : {"fires", "near-miss", "resolved"}) {
      EXPECT_TRUE(fs::exists(root / id / (std::string(c) + ".expected.json")))
          << id << " has no case " << c;
      EXPECT_TRUE(fs::exists(root / id / (std::string(c) + ".jsonl"))) << id << " " << c;
    }
  }
  const std::vector<std::string> ids = engine_rule_ids();
  const std::set<std::string> rules(ids.begin(), ids.end());
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    EXPECT_TRUE(rules.contains(dir.path().filename().string()))
        << dir.path() << " names no rule of the catalogue";
  }
}

TEST(Catalogue, EveryRuleCarriesItsWordsForPeople) {
  for (const Rule* r : catalogue()) {
    EXPECT_FALSE(r->info().title.empty()) << r->info().id;
    EXPECT_FALSE(r->info().meaning.empty()) << r->info().id;
    EXPECT_FALSE(r->info().resolves.empty()) << r->info().id;
  }
}

}  // namespace
}  // namespace sightline::safeguards
