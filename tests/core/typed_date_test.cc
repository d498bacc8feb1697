// Dates as people type them: day first, as in the UK, or ISO.
#include "core/typed_date.h"

#include <gtest/gtest.h>

namespace sightline {
namespace {

struct Readable {
  const char* typed;
  const char* date;  // YYYY-MM-DD
};

TEST(TypedDate, ReadsTheWaysPeopleTypeADate) {
  const Readable cases[] = {
      {"2012-10-02", "2012-10-02"},       {"02/10/2012", "2012-10-02"},
      {"2/10/2012", "2012-10-02"},        {"2.10.2012", "2012-10-02"},
      {"02.10.2012", "2012-10-02"},       {"2-10-2012", "2012-10-02"},
      {"2 Oct 2012", "2012-10-02"},       {"2 October 2012", "2012-10-02"},
      {"2 october 2012", "2012-10-02"},   {"02 OCT 2012", "2012-10-02"},
      {"2nd October 2012", "2012-10-02"}, {"2 Oct. 2012", "2012-10-02"},
      {"2-Oct-2012", "2012-10-02"},       {"2 Sept 2012", "2012-09-02"},
      {"  29/02/2012 ", "2012-02-29"},    {"1 May 2013", "2013-05-01"},
      {"31/12/1999", "1999-12-31"},       {"2012-1-2", "2012-01-02"},
      {"21st March 2015", "2015-03-21"},  {"3rd Jan 2020", "2020-01-03"},
  };
  for (const Readable& c : cases) {
    SCOPED_TRACE(c.typed);
    const auto read = read_typed_date(c.typed);
    ASSERT_TRUE(read.has_value());
    ASSERT_TRUE(read->has_value()) << read->error().message;
    EXPECT_EQ((*read)->to_string(), c.date);
  }
}

struct Wrong {
  const char* typed;
  const char* message;
};

TEST(TypedDate, SaysWhatIsWrongWithAnImpossibleDate) {
  const Wrong cases[] = {
      {"31/02/2012", "31/02/2012 is not a real date: February 2012 has 29 days"},
      {"29/02/2013", "29/02/2013 is not a real date: February 2013 has 28 days"},
      {"31 April 2012", "31 April 2012 is not a real date: April 2012 has 30 days"},
      {"0/10/2012", "0/10/2012 is not a real date: October 2012 has 31 days"},
      {"10/13/2012", "10/13/2012 is not a real date: there is no month 13 (the day comes first)"},
      {"2012-13-01", "2012-13-01 is not a real date: there is no month 13 (the day comes first)"},
      {"02/10/12", "02/10/12 is not a date we can read: give the year in full, like 02/10/2012"},
      {"2 Oct 12", "2 Oct 12 is not a date we can read: give the year in full, like 2 Oct 2012"},
      {"1/1/0012", "1/1/0012 is not a real date: the year 12 is not right"},
  };
  for (const Wrong& c : cases) {
    SCOPED_TRACE(c.typed);
    const auto read = read_typed_date(c.typed);
    ASSERT_TRUE(read.has_value());
    ASSERT_FALSE(read->has_value());
    EXPECT_EQ(read->error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(read->error().message, c.message);
  }
}

TEST(TypedDate, LeavesWhatIsNotShapedLikeADate) {
  for (const char* typed :
       {"", "  ", "Sofia", "Sofia W", "May Smith", "943 476 5919", "9434765919", "W13 9ZZ",
        "SW1A 1AA", "12345", "2 10 2012", "2 Smith 2012", "123/10/2012", "2012/10", "02/10/20123",
        "O'Neil", "2//10/2012", "x' OR 1=1 --"}) {
    SCOPED_TRACE(typed);
    EXPECT_FALSE(read_typed_date(typed).has_value());
  }
}

}  // namespace
}  // namespace sightline
