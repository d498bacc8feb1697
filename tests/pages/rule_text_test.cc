// Every rule the safeguards engine knows has plain-English text for the
// pages, and every finding a rule cites has a title.
#include "pages/rule_text.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "../safeguards/catalogue_doc.h"
#include "safeguards/catalogue.h"
#include "safeguards/rule.h"

namespace sightline::testing {
namespace {

TEST(RuleTextTest, EveryRuleOfTheEngineHasText) {
  std::size_t rules = 0;
  for (const safeguards::Rule* rule : safeguards::catalogue()) {
    ++rules;
    const std::string id(rule->info().id);
    const pages::RuleText* t = pages::rule_text(id);
    ASSERT_NE(t, nullptr) << id;
    EXPECT_FALSE(t->title.empty()) << id;
    EXPECT_FALSE(t->meaning.empty()) << id;
    EXPECT_FALSE(t->resolves.empty()) << id;
  }
  // As many as the catalogue's table has rows (27 today).
  EXPECT_EQ(rules, testing::catalogue_doc_rule_ids().size());
  EXPECT_EQ(pages::rule_texts().size(), rules);
}

TEST(RuleTextTest, EveryFindingARuleCitesHasATitle) {
  for (const safeguards::Rule* rule : safeguards::catalogue()) {
    std::string f(rule->info().finding);
    std::size_t pos = 0;
    while ((pos = f.find('F', pos)) != std::string::npos) {
      const std::string code = f.substr(pos, 2);
      EXPECT_FALSE(pages::finding_title(code).empty()) << rule->info().id << " " << code;
      pos += 2;
    }
  }
  EXPECT_TRUE(pages::finding_title("F9").empty());
  EXPECT_EQ(pages::rule_text("no-such-rule"), nullptr);
}

}  // namespace
}  // namespace sightline::testing
