// Whether a sighting confirms the child's current address
// (chronology/address_confirmation.h; docs/safeguards-readings.md, R70),
// case by case.
#include "chronology/address_confirmation.h"

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sightline {
namespace {

constexpr const char* kEaling = "E09000009";
constexpr const char* kLuton = "E06000032";
constexpr const char* kKent = "E10000016";       // a county: the upper tier
constexpr const char* kMaidstone = "E07000110";  // one of its districts

// Where each agency of these cases works.
class Agencies final : public AgencyFacts {
 public:
  std::optional<AgencyKind> kind(std::string_view) const override {
    return AgencyKind::kHealthVisiting;
  }
  std::string area(std::string_view agency) const override {
    static const std::map<std::string_view, std::string> kAreas = {
        {"ealing-hv", kEaling}, {"luton-hv", kLuton}, {"kent-hv", kKent}};
    const auto it = kAreas.find(agency);
    return it == kAreas.end() ? std::string() : it->second;
  }
};

Address place(std::string postcode, std::string area) {
  Address a;
  a.postcode = std::move(postcode);
  a.area = std::move(area);
  return a;
}

struct Case {
  std::string what;
  std::string by;
  ContactMode mode = ContactMode::kHomeVisit;
  std::optional<Address> where = std::nullopt;  // the contact's `address`
  std::string at = "2025-07-01T10:00";
  bool child_seen = true;
  std::vector<Id> persons = {"c1"};
  bool confirms;
};

// The current address: 1 High Street, W5 1AA, Ealing, given on 2025-06-01; the
// old one was LU1 1AA in Luton.
std::vector<Case> cases() {
  return {
      {.what = "an Ealing HV home visit with no address", .by = "ealing-hv", .confirms = true},
      {.what = "a Luton home visit with no address does not confirm the Ealing address",
       .by = "luton-hv",
       .confirms = false},
      {.what = "a Luton home visit recorded at the Ealing address",
       .by = "luton-hv",
       .where = place("w51aa", kEaling),
       .confirms = true},
      {.what = "a visit recorded at the old address does not confirm the new one",
       .by = "ealing-hv",
       .where = place("LU1 1AA", kLuton),
       .confirms = false},
      {.what = "a clinic contact recorded at the home postcode",
       .by = "ealing-hv",
       .mode = ContactMode::kClinic,
       .where = place(" W5  1AA ", kEaling),
       .confirms = true},
      {.what = "a clinic contact with no address",
       .by = "ealing-hv",
       .mode = ContactMode::kClinic,
       .confirms = false},
      {.what = "a video call at the home postcode is not in person",
       .by = "ealing-hv",
       .mode = ContactMode::kVideo,
       .where = place("W5 1AA", kEaling),
       .confirms = false},
      {.what = "a phone call cannot see the child (R69)",
       .by = "ealing-hv",
       .mode = ContactMode::kPhone,
       .confirms = false},
      {.what = "a home visit that did not see the child",
       .by = "ealing-hv",
       .child_seen = false,
       .confirms = false},
      {.what = "a home visit before the address was given",
       .by = "ealing-hv",
       .at = "2025-05-31T10:00",
       .confirms = false},
      {.what = "a home visit on the day the address was given",
       .by = "ealing-hv",
       .at = "2025-06-01",
       .confirms = true},
      {.what = "a home visit that saw someone else",
       .by = "ealing-hv",
       .persons = {"c2"},
       .confirms = false},
      {.what = "a home visit by an agency whose area is not known",
       .by = "unknown-hv",
       .confirms = false},
  };
}

class AddressConfirmationTest : public ::testing::TestWithParam<Case> {};

TEST_P(AddressConfirmationTest, ConfirmsOnlyAnInPersonSightingThereSinceTheAddressWasGiven) {
  const Case& c = GetParam();
  Address home;
  home.line1 = "1 High Street";
  home.town = "London";
  home.postcode = "W5 1AA";
  home.area = kEaling;
  Event e;
  e.type = EventType::kContact;
  e.at = *Timestamp::parse(c.at);
  e.by = c.by;
  ContactEvent contact{c.persons, c.mode, c.child_seen,
                       c.child_seen ? ContactOutcome::kSeen : ContactOutcome::kNoAccess};
  contact.address = c.where;
  e.body = contact;
  const CurrentAddress current{home, *Timestamp::parse("2025-06-01")};
  EXPECT_EQ(confirms_address(e, "c1", current, Agencies()), c.confirms) << c.what;
  const std::vector<Event> chronology = {e};
  EXPECT_EQ(address_confirmed_by(chronology, "c1", current, *Timestamp::parse("2099-01-01"),
                                 Agencies()) != nullptr,
            c.confirms)
      << c.what;
}

INSTANTIATE_TEST_SUITE_P(Contacts, AddressConfirmationTest, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           std::string name;
                           for (const char ch : param.param.what) {
                             if (std::isalnum(static_cast<unsigned char>(ch))) name += ch;
                           }
                           return name;
                         });

TEST(AddressConfirmation, ACountysHealthVisitorsConfirmAnAddressInOneOfItsDistricts) {
  EXPECT_TRUE(same_upper_tier_area(kMaidstone, kKent));
  EXPECT_TRUE(same_upper_tier_area(kEaling, kEaling));
  EXPECT_FALSE(same_upper_tier_area(kEaling, kLuton));
  EXPECT_FALSE(same_upper_tier_area("", ""));
}

TEST(AddressConfirmation, TheLatestConfirmingVisitNotOneStillToCome) {
  Address home = place("W5 1AA", kEaling);
  const auto visit = [](const std::string& at) {
    Event e;
    e.type = EventType::kContact;
    e.at = *Timestamp::parse(at);
    e.by = "ealing-hv";
    e.body = ContactEvent{{"c1"}, ContactMode::kHomeVisit, true, ContactOutcome::kSeen};
    return e;
  };
  const std::vector<Event> chronology = {visit("2025-07-01"), visit("2025-09-01"),
                                         visit("2025-08-01")};
  const CurrentAddress current{home, *Timestamp::parse("2025-06-01")};
  Agencies agencies;
  EXPECT_EQ(
      address_confirmed_by(chronology, "c1", current, *Timestamp::parse("2025-12-01"), agencies),
      &chronology[1]);
  EXPECT_EQ(
      address_confirmed_by(chronology, "c1", current, *Timestamp::parse("2025-08-15"), agencies),
      &chronology[2]);
  EXPECT_EQ(
      address_confirmed_by(chronology, "c1", current, *Timestamp::parse("2025-06-30"), agencies),
      nullptr);
}

}  // namespace
}  // namespace sightline
