#include "pages/form.h"

#include <gtest/gtest.h>

namespace sightline::pages {
namespace {

TEST(Form, ReadsRepeatedAndEncodedFields) {
  const Form f =
      Form::parse("a=1&risks=unsafe_sleeping&note=two+words%21&risks=homelessness&empty=&flag");
  EXPECT_EQ(f.get("a"), "1");
  EXPECT_EQ(f.get("note"), "two words!");
  EXPECT_EQ(f.all("risks"), (std::vector<std::string>{"unsafe_sleeping", "homelessness"}));
  EXPECT_TRUE(f.has("empty"));
  EXPECT_TRUE(f.has("flag"));
  EXPECT_EQ(f.get("flag"), "");
  EXPECT_FALSE(f.has("missing"));
  EXPECT_EQ(f.get("missing"), "");
}

TEST(Form, TrimsSingleValuesButKeepsEveryValueAsSent) {
  const Form f = Form::parse("name=+%20alice%09+&pw=+secret+");
  EXPECT_EQ(f.get("name"), "alice");
  EXPECT_EQ(f.all("pw").front(), " secret ");
}

TEST(Form, MalformedInputIsReadAsWellAsItCanBe) {
  const Form f = Form::parse("&&=x&bad=%zz%4&%41=b");
  EXPECT_EQ(f.get("bad"), "%zz%4");
  EXPECT_EQ(f.get("A"), "b");
  EXPECT_EQ(f.get(""), "x");
}

}  // namespace
}  // namespace sightline::pages
