// Looking persons up by name, date of birth, NHS number and postcode.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../support/test_support.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline {
namespace {

using testing::TempDir;

class FindPersons : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_sqlite_store(dir_.file("s.db"));
    std::ifstream feed(testing::scenario("sofia.jsonl"));
    ASSERT_TRUE(import_feed(*store_, feed, "sofia", {}).committed);
    std::istringstream extra(
        R"({"type":"person","id":"kit","at":"2013-01-01","by":"ealing-gp","given":"Kit","family":"O'Neil","dob":"2012-12-01","nhs_number":"9434765919","aliases":["Kitty Smith"]})"
        "\n");
    ASSERT_TRUE(import_feed(*store_, extra, "extra", {}).committed);
  }
  std::vector<Id> find(PersonQuery q) { return store_->find_persons(q, 50); }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(FindPersons, MatchesEveryGivenCriterion) {
  using V = std::vector<Id>;
  EXPECT_EQ(find({.name = "sofia"}), V{"sofia"});
  EXPECT_EQ(find({.name = "  SOFIA   withheld "}), V{"sofia"});
  EXPECT_EQ(find({.name = "withheld"}), (V{"father", "mother", "sofia"}));
  EXPECT_EQ(find({.name = "o'neil"}), V{"kit"});
  EXPECT_EQ(find({.name = "smith"}), V{"kit"});  // an alias
  EXPECT_EQ(find({.dob = Date::parse("2012-10-02")}), V{"sofia"});
  EXPECT_EQ(find({.nhs_number = "943 476 5919"}), V{"kit"});
  EXPECT_EQ(find({.postcode = "w13 9zz"}), V{"mother"});  // any address ever held
  EXPECT_EQ(find({.name = "withheld", .postcode = "W13 9ZZ"}), V{"mother"});
  EXPECT_EQ(find({.name = "sofia", .dob = Date::parse("2012-10-03")}), V{});
  EXPECT_EQ(find({.name = "x' OR 1=1 --"}), V{});
  EXPECT_EQ(find({}), V{});
  EXPECT_EQ(store_->find_persons({.name = "withheld"}, 2).size(), 2u);
}

TEST_F(FindPersons, EachWordIsTheStartOfAGivenOrFamilyNameInAnyOrder) {
  using V = std::vector<Id>;
  EXPECT_EQ(find({.name = "Sofia W"}), V{"sofia"});
  EXPECT_EQ(find({.name = "w sofia"}), V{"sofia"});
  EXPECT_EQ(find({.name = "SOF with"}), V{"sofia"});
  EXPECT_EQ(find({.name = "o'n"}), V{"kit"});
  EXPECT_EQ(find({.name = "ofia"}), V{});  // the start of a name, not any part of it
  EXPECT_EQ(find({.name = "sofia k"}), V{});
  EXPECT_EQ(find({.name = "%"}), V{});
  EXPECT_EQ(find({.name = "_"}), V{});
}

TEST_F(FindPersons, OnlyChildrenWhenAskedForChildren) {
  using V = std::vector<Id>;
  const auto on = [](const char* day) { return Date::parse(day); };
  // Sofia's mother and father are never named as a child and are adults; Kit
  // has a date of birth (13 in 2026) but no event names him as a child: a
  // child known only by a person record is still a child.
  EXPECT_EQ(find({.name = "withheld", .children_on = on("2026-03-02")}), V{"sofia"});
  EXPECT_EQ(find({.name = "kit", .children_on = on("2026-03-02")}), V{"kit"});
  EXPECT_EQ(find({.name = "kit", .children_on = on("2030-12-01")}), V{});  // 18 that day
  // Sofia (born 2012-10-02) is a child until her eighteenth birthday.
  EXPECT_EQ(find({.name = "sofia", .children_on = on("2030-10-01")}), V{"sofia"});
  EXPECT_EQ(find({.name = "sofia", .children_on = on("2030-10-02")}), V{});
  EXPECT_EQ(find({.children_on = on("2026-03-02")}), V{});  // not a criterion of its own
}

}  // namespace
}  // namespace sightline
