#include "core/csv_rows.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace sightline::csv {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvRows, SplitsFieldsAndSkipsCommentsAndBlankLines) {
  const auto rows = read_rows(
      "# a comment\n"
      "a,b,c\r\n"
      "\n"
      "\"Bristol, City of\",,\"say \"\"hi\"\"\"\n"
      ",\n"
      "last",
      "t");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(rows[1].line, 4);
  EXPECT_EQ(rows[1].fields, (Fields{"Bristol, City of", "", "say \"hi\""}));
  EXPECT_EQ(rows[2].fields, (Fields{"", ""}));
  EXPECT_EQ(rows[3].line, 6);
  EXPECT_EQ(rows[3].fields, (Fields{"last"}));
}

TEST(CsvRows, MalformedQuotesNameTheTableAndLine) {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"a\n\"open,b\n", "t, line 2: malformed quoted field"},
      {"a\n\"closed\"x,b\n", "t, line 2: malformed quoted field"},
      {"# c\n\na\"b\n", "t, line 3: malformed quoted field"},
  };
  for (const auto& c : cases) {
    try {
      read_rows(c.text, "t");
      ADD_FAILURE() << "accepted: " << c.text;
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()), c.message);
    }
  }
}

}  // namespace
}  // namespace sightline::csv
