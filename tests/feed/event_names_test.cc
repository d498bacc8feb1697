// Every enum's names: one table per enum serves both directions.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "feed/event.h"

namespace sightline {
namespace {

template <class E>
class EnumNamesTest : public ::testing::Test {};

using AllEnums =
    ::testing::Types<EventType, AgencyKind, PremisesKind, AddressKind, Sex, RelationshipRole,
                     Housing, Income, Immigration, AddressNotice, MissingAlert, ClaimKind,
                     DeregistrationReason, HvLevel, AppointmentKind, AppointmentOutcome, Concern,
                     ContactMode, ContactOutcome, ReferralOutcomeKind, IndicatorStatus,
                     NotificationSubject, AssessmentKind, AssessmentOutcome, DiscussionFormat,
                     StrategyDecision, S47Outcome, ConferenceKind, ConferenceDecision, PlanKind,
                     TransferStatus, TransferMode, ClosureReason, SupportOption, Indicator, Domain>;
TYPED_TEST_SUITE(EnumNamesTest, AllEnums);

TYPED_TEST(EnumNamesTest, RoundTripsEveryName) {
  const auto names = names_of<TypeParam>();
  ASSERT_FALSE(names.empty());
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto value = static_cast<TypeParam>(i);
    EXPECT_EQ(to_string(value), names[i]);
    EXPECT_EQ(parse_name<TypeParam>(names[i]), value) << names[i];
    EXPECT_TRUE(seen.insert(names[i]).second) << "named twice: " << names[i];
    EXPECT_FALSE(names[i].empty());
  }
}

TYPED_TEST(EnumNamesTest, RefusesNamesNotInTheFormat) {
  EXPECT_EQ(parse_name<TypeParam>(""), std::nullopt);
  EXPECT_EQ(parse_name<TypeParam>("no_such_name"), std::nullopt);
  const std::string first(names_of<TypeParam>()[0]);
  EXPECT_EQ(parse_name<TypeParam>(first + " "), std::nullopt);
}

TEST(EnumNamesTest, SpellsNamesAsTheFormatDoes) {
  EXPECT_EQ(to_string(EventType::kReferralOutcome), "referral_outcome");
  EXPECT_EQ(to_string(EventType::kS47Concluded), "s47_concluded");
  EXPECT_EQ(to_string(AgencyKind::kChildrensSocialCare), "childrens_social_care");
  EXPECT_EQ(to_string(AppointmentKind::kReview68Week), "review_6_8_week");
  EXPECT_EQ(to_string(Immigration::kEeaNoWorkHistory), "eea_no_work_history");
  EXPECT_EQ(to_string(Indicator::kNoRecourseToPublicFunds), "no_recourse_to_public_funds");
  EXPECT_EQ(to_string(SupportOption::kS17Support), "s17_support");
  EXPECT_EQ(to_string(Sex::kX), "X");
  EXPECT_EQ(names_of<EventType>().size(), static_cast<std::size_t>(kEventTypeCount));
  EXPECT_EQ(names_of<Indicator>().size(), static_cast<std::size_t>(kIndicatorCount));
  EXPECT_EQ(parse_event_type("transfer_accepted"), EventType::kTransferAccepted);
  EXPECT_EQ(parse_event_type("Transfer_accepted"), std::nullopt);
  EXPECT_EQ(parse_name<Sex>("f"), std::nullopt);
}

}  // namespace
}  // namespace sightline
