// Request bodies are read with a bound on nesting (issue 13, finding 1).
#include "web/json_body.h"

#include <gtest/gtest.h>

#include <string>

namespace sightline::web {
namespace {

std::string arrays(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonBodyTest, ReadsABodyNestedUpToTheBound) {
  const auto at_bound = parse_json_body(arrays(kMaxJsonBodyDepth));
  ASSERT_FALSE(at_bound.is_discarded());
  EXPECT_TRUE(at_bound.is_array());
  const auto objects = parse_ordered_json_body(R"({"a":{"b":{"c":[1,2,{"d":true}]}}})");
  ASSERT_FALSE(objects.is_discarded());
  EXPECT_EQ(objects["a"]["b"]["c"][2]["d"], true);
}

TEST(JsonBodyTest, RefusesABodyNestedOneLevelDeeper) {
  EXPECT_TRUE(parse_json_body(arrays(kMaxJsonBodyDepth + 1)).is_discarded());
  EXPECT_TRUE(parse_ordered_json_body(arrays(kMaxJsonBodyDepth + 1)).is_discarded());
  const std::string deep_object = "{\"note\":" + arrays(kMaxJsonBodyDepth) + "}";
  EXPECT_TRUE(parse_json_body(deep_object).is_discarded());
}

TEST(JsonBodyTest, RefusesAHundredThousandLevelsWithoutExhaustingTheStack) {
  EXPECT_TRUE(parse_json_body(arrays(100000)).is_discarded());
  EXPECT_TRUE(parse_ordered_json_body("[{\"x\":" + arrays(100000) + "}]").is_discarded());
}

TEST(JsonBodyTest, BracketsInsideStringsAreText) {
  const auto body = parse_json_body("{\"note\":\"" + arrays(1000) + "\"}");
  ASSERT_FALSE(body.is_discarded());
  EXPECT_EQ(body["note"].get<std::string>().size(), 2000u);
}

TEST(JsonBodyTest, TextThatIsNotJsonIsDiscarded) {
  EXPECT_TRUE(parse_json_body("{\"a\":").is_discarded());
  EXPECT_TRUE(parse_json_body("").is_discarded());
}

}  // namespace
}  // namespace sightline::web
