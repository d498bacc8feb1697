#include "feed/field_checks.h"

#include <gtest/gtest.h>

namespace sightline::feed_checks {
namespace {

TEST(NhsNumberTest, ChecksTheModulus11Digit) {
  EXPECT_TRUE(is_valid_nhs_number("9434765919"));
  EXPECT_TRUE(is_valid_nhs_number("4010232137"));
  EXPECT_FALSE(is_valid_nhs_number("9434765918"));  // wrong check digit
  EXPECT_FALSE(is_valid_nhs_number("943476591"));   // nine digits
  EXPECT_FALSE(is_valid_nhs_number("94347659190"));
  EXPECT_FALSE(is_valid_nhs_number("943 476 5919"));
  EXPECT_FALSE(is_valid_nhs_number("943476591X"));
  // Weighted sum 12, remainder 1, check value 10: no valid number starts so.
  for (const char* none : {"0000000060", "0000000061", "0000000069"}) {
    EXPECT_FALSE(is_valid_nhs_number(none)) << none;
  }
  EXPECT_TRUE(is_valid_nhs_number("1000000001"));  // remainder 10 -> check digit 1
}

TEST(PostcodeTest, AcceptsEveryUkShape) {
  for (const char* ok : {"M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB",
                         "ec1a1bb", "sw1a 1aa", "SE115AA"}) {
    EXPECT_TRUE(looks_like_postcode(ok)) << ok;
  }
  for (const char* bad : {"", "W2 1A", "W2  1AA", "1W2 1AA", "W 1AA", "ABC1 1AA", "W2 AAA",
                          "W21 1A1", "SW1A-1AA", " W2 1AA"}) {
    EXPECT_FALSE(looks_like_postcode(bad)) << bad;
  }
}

TEST(NationalityTest, TwoUpperCaseLettersOrEeaGroups) {
  EXPECT_TRUE(is_nationality("GB"));
  EXPECT_TRUE(is_nationality("EEA"));
  EXPECT_TRUE(is_nationality("non-EEA"));
  EXPECT_FALSE(is_nationality("gb"));
  EXPECT_FALSE(is_nationality("GBR"));
  EXPECT_FALSE(is_nationality("eea"));
  EXPECT_FALSE(is_nationality(""));
}

TEST(SnakeCaseTest, LowerCaseWordsJoinedByUnderscores) {
  EXPECT_TRUE(is_snake_case("physical_care"));
  EXPECT_TRUE(is_snake_case("safety"));
  EXPECT_TRUE(is_snake_case("domain2"));
  EXPECT_FALSE(is_snake_case("Physical_care"));
  EXPECT_FALSE(is_snake_case("physical care"));
  EXPECT_FALSE(is_snake_case("_care"));
  EXPECT_FALSE(is_snake_case(""));
}

TEST(TimestampShapeTest, TellsLayoutFromValue) {
  EXPECT_TRUE(has_timestamp_shape("2023-02-29"));
  EXPECT_TRUE(has_timestamp_shape("2024-03-01T24:00"));
  EXPECT_TRUE(has_timestamp_shape("2024-03-01T10:00:99"));
  EXPECT_FALSE(has_timestamp_shape("2024-3-01"));
  EXPECT_FALSE(has_timestamp_shape("2024-03-01 10:00"));
  EXPECT_FALSE(has_timestamp_shape("2024-03-01T10:00Z"));
}

}  // namespace
}  // namespace sightline::feed_checks
