#include "core/json_string.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace sightline {
namespace {

std::string as_json(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonString, EscapesWhatJsonRequiresAndNothingElse) {
  EXPECT_EQ(as_json(""), "\"\"");
  EXPECT_EQ(as_json("plain"), "\"plain\"");
  EXPECT_EQ(as_json("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(as_json("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(as_json("line\none\ttab\r"), "\"line\\none\\ttab\\r\"");
  EXPECT_EQ(as_json(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(as_json("Zoë → café"), "\"Zoë → café\"");
}

TEST(JsonString, ContentLeavesOutTheQuotes) {
  std::string out = "x";
  append_json_string_content(out, "a\"b");
  EXPECT_EQ(out, "xa\\\"b");
}

// Text written by hand must compare equal, byte for byte, with the same text
// written by the JSON library (replay output is compared across both).
TEST(JsonString, WritesEveryByteAsTheJsonLibraryDoes) {
  for (int c = 1; c < 0x80; ++c) {
    const std::string text = std::string("a") + static_cast<char>(c) + "b";
    EXPECT_EQ(as_json(text), nlohmann::json(text).dump()) << "byte " << c;
  }
  const std::string nul("x\0y", 3);
  EXPECT_EQ(as_json(nul), nlohmann::json(nul).dump());
}

}  // namespace
}  // namespace sightline
