// The typed model: persons_named, domains, agency and status classes, and the
// address matching key.
#include "feed/event.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace sightline {
namespace {

// (field, person id) pairs, for comparison.
std::vector<std::pair<std::string, std::string>> named(const Event& event) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const PersonRef& ref : persons_named(event)) {
    out.emplace_back(std::string(ref.field), *ref.person);
  }
  return out;
}

template <class Body>
Event event_of(Body body, EventType type, Id id = {}) {
  Event e;
  e.type = type;
  e.id = std::move(id);
  e.body = std::move(body);
  return e;
}

using Named = std::vector<std::pair<std::string, std::string>>;

TEST(PersonsNamedTest, NamesEveryPersonFieldInOrder) {
  EXPECT_EQ(named(event_of(PersonEvent{}, EventType::kPerson, "p1")), (Named{{"id", "p1"}}));
  EXPECT_EQ(named(event_of(PregnancyEvent{"m1", "c1", Date{}}, EventType::kPregnancy)),
            (Named{{"mother", "m1"}, {"child", "c1"}}));
  EXPECT_EQ(named(event_of(RelationshipEvent{"f1", "c1", RelationshipRole::kFather, {}},
                           EventType::kRelationship)),
            (Named{{"person", "f1"}, {"other", "c1"}}));
  EXPECT_EQ(
      named(event_of(ContactEvent{{"c1", "m1"}, ContactMode::kPhone, false, ContactOutcome::kSeen},
                     EventType::kContact)),
      (Named{{"persons", "c1"}, {"persons", "m1"}}));
  EXPECT_EQ(named(event_of(AddressEvent{{"c1", "m1", "f1"}, {}, AddressNotice::kPlanned},
                           EventType::kAddress)),
            (Named{{"persons", "c1"}, {"persons", "m1"}, {"persons", "f1"}}));
  EXPECT_EQ(named(event_of(
                TransferEvent{
                    "c1", "a", "b", TransferStatus::kChildInNeed, {}, {}, TransferMode::kWritten},
                EventType::kTransfer)),
            (Named{{"child", "c1"}}));
  EXPECT_EQ(named(event_of(OptionsReviewEvent{"m1", "csc1", {}}, EventType::kOptionsReview)),
            (Named{{"person", "m1"}}));
}

TEST(PersonsNamedTest, OptionalPersonsOnlyWhenGiven) {
  ReferralEvent referral{"c1", std::nullopt, "a", "b", {}};
  EXPECT_EQ(named(event_of(referral, EventType::kReferral)), (Named{{"child", "c1"}}));
  referral.mother = "m1";
  EXPECT_EQ(named(event_of(referral, EventType::kReferral)),
            (Named{{"child", "c1"}, {"mother", "m1"}}));
}

TEST(PersonsNamedTest, ReferenceAndCaseEventsNameNobody) {
  EXPECT_TRUE(named(event_of(AgencyEvent{"X", AgencyKind::kSchool, "E09000033", std::nullopt},
                             EventType::kAgency, "sch1"))
                  .empty());
  EXPECT_TRUE(
      named(event_of(PremisesEvent{{}, PremisesKind::kHostel}, EventType::kPremises)).empty());
  EXPECT_TRUE(named(event_of(ReferralOutcomeEvent{"r1", ReferralOutcomeKind::kAssessment, {}},
                             EventType::kReferralOutcome))
                  .empty());
  EXPECT_TRUE(named(event_of(PlanEndedEvent{"plan-1"}, EventType::kPlanEnded)).empty());
}

TEST(PersonsNamedTest, PointsIntoTheEvent) {
  const Event e = event_of(DeathEvent{"f1"}, EventType::kDeath);
  const std::vector<PersonRef> refs = persons_named(e);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].person, &e.as<DeathEvent>().person);
}

TEST(DomainTest, GroupsIndicatorsAsTheFormatDoes) {
  EXPECT_EQ(domain_of(Indicator::kPoorWeightGain), Domain::kPhysicalCare);
  EXPECT_EQ(domain_of(Indicator::kUnsafeSleeping), Domain::kPhysicalCare);
  EXPECT_EQ(domain_of(Indicator::kMissedHealthAppointments), Domain::kHealth);
  EXPECT_EQ(domain_of(Indicator::kParentalIllness), Domain::kHealth);
  EXPECT_EQ(domain_of(Indicator::kHomelessness), Domain::kHomeAndStability);
  EXPECT_EQ(domain_of(Indicator::kUnsuitableAccommodation), Domain::kHomeAndStability);
  EXPECT_EQ(domain_of(Indicator::kNoRecourseToPublicFunds), Domain::kMeans);
  EXPECT_EQ(domain_of(Indicator::kHiddenAdult), Domain::kEngagement);
  EXPECT_EQ(domain_of(Indicator::kDomesticAbuse), Domain::kParentalFactors);
  EXPECT_EQ(domain_of(Indicator::kParentalSubstanceMisuse), Domain::kParentalFactors);
  EXPECT_EQ(domain_of(Indicator::kInadequateSupervision), Domain::kEmotionalAndSupervision);
  EXPECT_EQ(domain_of(Indicator::kPregnancy), Domain::kOther);
  EXPECT_EQ(domain_of(Indicator::kOther), Domain::kOther);
  // 5 + 4 + 4 + 2 + 3 + 3 + 2 indicators in the seven counted domains.
  int counted = 0;
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (domain_of(static_cast<Indicator>(i)) != Domain::kOther) ++counted;
  }
  EXPECT_EQ(counted, 23);
}

TEST(AgencyKindTest, HealthAgencies) {
  for (std::size_t i = 0; i < names_of<AgencyKind>().size(); ++i) {
    const auto kind = static_cast<AgencyKind>(i);
    const bool health = kind == AgencyKind::kGpPractice || kind == AgencyKind::kHealthVisiting ||
                        kind == AgencyKind::kMidwifery || kind == AgencyKind::kHospital ||
                        kind == AgencyKind::kPaediatrics;
    EXPECT_EQ(is_health_agency(kind), health) << to_string(kind);
  }
}

TEST(TransferStatusTest, HealthVisitingStatuses) {
  EXPECT_TRUE(is_health_visiting_status(TransferStatus::kUniversal));
  EXPECT_TRUE(is_health_visiting_status(TransferStatus::kEnhanced));
  EXPECT_FALSE(is_health_visiting_status(TransferStatus::kWelfareCheck));
  EXPECT_FALSE(is_health_visiting_status(TransferStatus::kChildProtection));
}

// Reading R58: postcode letters and digits upper-cased; the first line's
// words lower-cased, apostrophes dropped, any other run of punctuation or
// space one word break.
struct NormalisedCase {
  const char* postcode;
  const char* line1;
  const char* key;
};

TEST(AddressTest, NormalisedKey) {
  const NormalisedCase cases[] = {
      {"", "", "|"},
      {"se11 5aa", "  Flat 2,  10 Hostel Way ", "SE115AA|flat 2 10 hostel way"},
      {"SE115AA", "flat 2, 10 HOSTEL WAY", "SE115AA|flat 2 10 hostel way"},
      {"W2 1DC", "1, Day Centre Road", "W21DC|1 day centre road"},
      {"w2-1dc.", "1 Day Centre Road.", "W21DC|1 day centre road"},
      {" W2  1DC ", "1 - Day Centre Road", "W21DC|1 day centre road"},
      {"W2 1DC", "Flat 2/10 High St.", "W21DC|flat 2 10 high st"},
      {"W2 1DC", "St.John's Court", "W21DC|st johns court"},
      {"W2 1DC", "St John\u2019s Court", "W21DC|st johns court"},
      {"W2 1DC", "\tFlat\n3 (rear)", "W21DC|flat 3 rear"},
      {"W2 1DC", "10-12 Smith-Jones House", "W21DC|10 12 smith jones house"},
      {"W2 1DC", "12 Caf\u00e9 Row", "W21DC|12 caf\u00e9 row"},
      {"W2 1DC", "10A High Rd", "W21DC|10a high rd"},
      {"W2 1DC", ",.;", "W21DC|"},
  };
  for (const NormalisedCase& c : cases) {
    Address a;
    a.postcode = c.postcode;
    a.line1 = c.line1;
    EXPECT_EQ(a.normalised_key(), c.key)
        << "postcode \"" << c.postcode << "\", line1 \"" << c.line1 << "\"";
  }
}

TEST(AddressTest, NormalisedKeyKeepsWhatTellsAddressesApart) {
  const auto key = [](const char* postcode, const char* line1) {
    Address a;
    a.postcode = postcode;
    a.line1 = line1;
    return a.normalised_key();
  };
  EXPECT_NE(key("SE11 5AA", "Flat 2, 10 Hostel Way"), key("SE11 5AA", "Flat 3, 10 Hostel Way"));
  EXPECT_NE(key("SE11 5AA", "1012 High Street"), key("SE11 5AA", "10-12 High Street"));
  EXPECT_NE(key("SE11 5AA", "10A High Street"), key("SE11 5AA", "10 A High Street"));
  EXPECT_NE(key("SE11 5AA", "1 High Street"), key("SE11 5AB", "1 High Street"));
  // Only the postcode and the first line count: town and line2 are not compared.
  Address a;
  a.postcode = "SE11 5AA";
  a.line1 = "1 High Street";
  Address b = a;
  b.town = "Lambeth";
  b.line2 = "Kennington";
  EXPECT_EQ(a.normalised_key(), b.normalised_key());
}

}  // namespace
}  // namespace sightline
