// The one definition of "seen" and "located" (catalogue Terms "seen", C5,
// R11), row by row over every event type.
#include "chronology/sightings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace sightline {
namespace {

// c1 and c2 are born children, u1 an unborn one, m1 their mother; the
// transfer tr1 sent c1 to hv-b.
class Known final : public SightingContext {
 public:
  Childhood childhood(std::string_view person) const override {
    static const std::map<std::string_view, Childhood> kPeople = {
        {"c1", Childhood::kBorn}, {"c2", Childhood::kBorn}, {"u1", Childhood::kUnborn}};
    const auto it = kPeople.find(person);
    return it == kPeople.end() ? Childhood::kNotAChild : it->second;
  }
  std::optional<TransferParties> transfer(std::string_view id) const override {
    if (id == "tr1") return TransferParties{"c1", "hv-b"};
    return std::nullopt;
  }
};

Address at(std::string line1, std::string postcode, AddressKind kind = AddressKind::kResidential) {
  Address a;
  a.line1 = std::move(line1);
  a.postcode = std::move(postcode);
  a.kind = kind;
  return a;
}

// An event body with the fields `fill` sets, the rest left as defaults.
template <class T, class F>
EventBody with(F&& fill) {
  T body{};
  fill(body);
  return body;
}

struct Row {
  std::string what;
  EventType type;
  EventBody body;
  std::vector<std::pair<std::string, std::string>> seen;  // child, by
  std::vector<std::string> located;
};

// Reported by "rep" throughout, so that a sighting by anyone else shows.
std::vector<Row> rows() {
  using K = AddressKind;
  using N = AddressNotice;
  const std::vector<std::pair<std::string, std::string>> c1_by_rep = {{"c1", "rep"}};
  const std::vector<std::string> c1 = {"c1"};
  return {
      {"agency", EventType::kAgency, AgencyEvent{}, {}, {}},
      {"premises", EventType::kPremises, PremisesEvent{}, {}, {}},
      {"person", EventType::kPerson, PersonEvent{}, {}, {}},
      {"pregnancy",
       EventType::kPregnancy,
       with<PregnancyEvent>([](PregnancyEvent& b) {
         b.mother = "m1";
         b.child = "u1";
       }),
       {},
       {}},
      {"birth: seen by the recording agency", EventType::kBirth,
       with<BirthEvent>([](BirthEvent& b) {
         b.child = "c1";
         b.mother = "m1";
       }),
       c1_by_rep, c1},
      {"relationship",
       EventType::kRelationship,
       with<RelationshipEvent>([](RelationshipEvent& b) {
         b.person = "m1";
         b.other = "c1";
       }),
       {},
       {}},
      {"circumstances",
       EventType::kCircumstances,
       with<CircumstancesEvent>([](CircumstancesEvent& b) { b.person = "c1"; }),
       {},
       {}},
      {"death", EventType::kDeath, DeathEvent{"c1"}, {}, {}},
      {"address planned with a first line: locates each born child",
       EventType::kAddress,
       AddressEvent{{"m1", "c1", "u1", "c2"}, at("1 High St", ""), N::kPlanned},
       {},
       {"c1", "c2"}},
      {"address planned, temporary, with a postcode",
       EventType::kAddress,
       AddressEvent{{"c1"}, at("", "LU1 1AA", K::kTemporary), N::kPlanned},
       {},
       c1},
      {"address without notice",
       EventType::kAddress,
       AddressEvent{{"c1"}, at("1 High St", "LU1 1AA"), N::kWithoutNotice},
       {},
       {}},
      {"address reported by another",
       EventType::kAddress,
       AddressEvent{{"c1"}, at("1 High St", "LU1 1AA"), N::kReportedByOther},
       {},
       {}},
      {"address of no fixed abode",
       EventType::kAddress,
       AddressEvent{{"c1"}, at("", "", K::kNoFixedAbode), N::kPlanned},
       {},
       {}},
      {"address unknown, even with a line",
       EventType::kAddress,
       AddressEvent{{"c1"}, at("1 High St", "", K::kUnknown), N::kPlanned},
       {},
       {}},
      {"address with neither line nor postcode",
       EventType::kAddress,
       AddressEvent{{"c1"}, at("", ""), N::kPlanned},
       {},
       {}},
      {"whereabouts_unknown",
       EventType::kWhereaboutsUnknown,
       with<WhereaboutsUnknownEvent>([](WhereaboutsUnknownEvent& b) { b.child = "c1"; }),
       {},
       {}},
      {"missing",
       EventType::kMissing,
       MissingEvent{"c1", MissingAlert::kPoliceMissingPerson},
       {},
       {}},
      {"found: seen by the finder", EventType::kFound,
       with<FoundEvent>([](FoundEvent& b) { b.child = "c1"; }), c1_by_rep, c1},
      {"claim verified: located, not seen",
       EventType::kClaim,
       ClaimEvent{"c1", ClaimKind::kWithRelatives, "", true},
       {},
       c1},
      {"claim not verified",
       EventType::kClaim,
       ClaimEvent{"c1", ClaimKind::kAbroad, "", false},
       {},
       {}},
      {"registration", EventType::kRegistration, RegistrationEvent{"c1", "gp"}, {}, {}},
      {"deregistration",
       EventType::kDeregistration,
       DeregistrationEvent{"c1", "gp", DeregistrationReason::kMoved},
       {},
       {}},
      {"hv_level", EventType::kHvLevel, HvLevelEvent{"c1", HvLevel::kUniversalPlus}, {}, {}},
      {"appointment attended", EventType::kAppointment,
       AppointmentEvent{"c1", AppointmentKind::kImmunisation, AppointmentOutcome::kAttended},
       c1_by_rep, c1},
      {"appointment was not brought",
       EventType::kAppointment,
       AppointmentEvent{"c1", AppointmentKind::kImmunisation, AppointmentOutcome::kWasNotBrought},
       {},
       {}},
      {"appointment cancelled",
       EventType::kAppointment,
       AppointmentEvent{"c1", AppointmentKind::kPaediatric, AppointmentOutcome::kCancelled},
       {},
       {}},
      {"medical", EventType::kMedical, MedicalEvent{"c1", "{}", Concern::kNone}, c1_by_rep, c1},
      {"records_transfer",
       EventType::kRecordsTransfer,
       RecordsTransferEvent{"c1", "gp", "gp2", true},
       {},
       {}},
      {"contact with the child seen: every child named, unborn too, not the mother",
       EventType::kContact,
       ContactEvent{{"m1", "c1", "u1", "c2"}, ContactMode::kHomeVisit, true, ContactOutcome::kSeen},
       {{"c1", "rep"}, {"u1", "rep"}, {"c2", "rep"}},
       {"c1", "u1", "c2"}},
      {"contact without the child seen",
       EventType::kContact,
       ContactEvent{{"m1", "c1"}, ContactMode::kHomeVisit, false, ContactOutcome::kSeen},
       {},
       {}},
      // R69: a mode that cannot show the child is no sighting, whatever it says.
      {"contact by phone, child seen (as recorded): no sighting",
       EventType::kContact,
       ContactEvent{{"c1"}, ContactMode::kPhone, true, ContactOutcome::kSeen},
       {},
       {}},
      {"contact by sms, child seen (as recorded): no sighting",
       EventType::kContact,
       ContactEvent{{"c1"}, ContactMode::kSms, true, ContactOutcome::kSeen},
       {},
       {}},
      {"contact by letter, child seen (as recorded): no sighting",
       EventType::kContact,
       ContactEvent{{"c1"}, ContactMode::kLetter, true, ContactOutcome::kSeen},
       {},
       {}},
      {"contact by video, child seen", EventType::kContact,
       ContactEvent{{"c1"}, ContactMode::kVideo, true, ContactOutcome::kSeen}, c1_by_rep, c1},
      {"referral",
       EventType::kReferral,
       with<ReferralEvent>([](ReferralEvent& b) {
         b.child = "c1";
         b.from = "gp";
         b.to = "csc";
       }),
       {},
       {}},
      {"referral_outcome", EventType::kReferralOutcome, ReferralOutcomeEvent{}, {}, {}},
      {"indicator",
       EventType::kIndicator,
       IndicatorEvent{"c1", Indicator::kPoorHygiene, IndicatorStatus::kPresent},
       {},
       {}},
      {"notification",
       EventType::kNotification,
       NotificationEvent{"gp", "hv", NotificationSubject::kBirth, {"c1"}},
       {},
       {}},
      {"assessment_started",
       EventType::kAssessmentStarted,
       AssessmentStartedEvent{"c1", AssessmentKind::kS47, "csc"},
       {},
       {}},
      {"assessment_completed", EventType::kAssessmentCompleted, AssessmentCompletedEvent{}, {}, {}},
      {"strategy_discussion",
       EventType::kStrategyDiscussion,
       with<StrategyDiscussionEvent>([](StrategyDiscussionEvent& b) { b.child = "c1"; }),
       {},
       {}},
      {"s47_concluded", EventType::kS47Concluded, S47ConcludedEvent{}, {}, {}},
      {"conference",
       EventType::kConference,
       with<ConferenceEvent>([](ConferenceEvent& b) { b.child = "c1"; }),
       {},
       {}},
      {"plan_started",
       EventType::kPlanStarted,
       PlanStartedEvent{"c1", PlanKind::kChildProtection, "csc"},
       {},
       {}},
      {"plan_ended", EventType::kPlanEnded, PlanEndedEvent{"p1"}, {}, {}},
      {"transfer",
       EventType::kTransfer,
       with<TransferEvent>([](TransferEvent& b) {
         b.child = "c1";
         b.from = "a";
         b.to = "hv-b";
       }),
       {},
       {}},
      {"transfer_accepted with the child seen: by the receiver, not the recorder",
       EventType::kTransferAccepted,
       TransferAcceptedEvent{"tr1", true},
       {{"c1", "hv-b"}},
       c1},
      {"transfer_accepted without the child seen",
       EventType::kTransferAccepted,
       TransferAcceptedEvent{"tr1", false},
       {},
       {}},
      {"transfer_accepted of a transfer not known",
       EventType::kTransferAccepted,
       TransferAcceptedEvent{"tr9", true},
       {},
       {}},
      {"transfer_declined",
       EventType::kTransferDeclined,
       TransferDeclinedEvent{"tr1", "no"},
       {},
       {}},
      {"case_closed",
       EventType::kCaseClosed,
       CaseClosedEvent{"c1", "csc", ClosureReason::kMovedOut},
       {},
       {}},
      {"options_review",
       EventType::kOptionsReview,
       with<OptionsReviewEvent>([](OptionsReviewEvent& b) { b.person = "m1"; }),
       {},
       {}},
      {"allocation", EventType::kAllocation, AllocationEvent{"c1", "csc", "Jo Bloggs"}, {}, {}},
  };
}

Event event_of(const Row& row) {
  Event e;
  e.type = row.type;
  e.by = "rep";
  e.body = row.body;
  return e;
}

TEST(Sightings, EveryEventTypeHasARowOfItsOwnBody) {
  std::set<EventType> covered;
  for (const Row& row : rows()) {
    EXPECT_EQ(row.body.index(), static_cast<std::size_t>(row.type)) << row.what;
    covered.insert(row.type);
  }
  EXPECT_EQ(covered.size(), static_cast<std::size_t>(kEventTypeCount));
}

TEST(Sightings, EachRowShowsSeenWhomTheCatalogueSaysAndByWhom) {
  const Known known;
  for (const Row& row : rows()) {
    const Event event = event_of(row);  // the sightings are views into it
    std::vector<std::pair<std::string, std::string>> seen;
    for (const Sighting& s : sightings_in(event, known)) {
      seen.emplace_back(std::string(s.child), std::string(s.by));
    }
    EXPECT_EQ(seen, row.seen) << row.what;
  }
}

TEST(Sightings, OnlyTheTypesThatMayShowSeenDo) {
  std::set<EventType> showing;
  for (const Row& row : rows()) {
    if (!row.seen.empty()) showing.insert(row.type);
  }
  for (int t = 0; t < kEventTypeCount; ++t) {
    const auto type = static_cast<EventType>(t);
    EXPECT_EQ(may_show_seen(type), showing.contains(type)) << to_string(type);
  }
}

TEST(Sightings, EachRowLocatesWhomTheCatalogueSays) {
  const Known known;
  for (const Row& row : rows()) {
    const Event event = event_of(row);
    std::vector<std::string> located;
    for (const std::string_view child : located_by(event, known)) {
      located.emplace_back(child);
    }
    EXPECT_EQ(located, row.located) << row.what;
  }
}

TEST(Sightings, EveryChildSeenIsLocated) {
  const Known known;
  for (const Row& row : rows()) {
    const Event event = event_of(row);
    const std::vector<std::string_view> located = located_by(event, known);
    for (const Sighting& s : sightings_in(event, known)) {
      EXPECT_NE(std::find(located.begin(), located.end(), s.child), located.end()) << row.what;
    }
  }
}

TEST(Sightings, AppendingKeepsWhatTheCallerAlreadyHeld) {
  const Known known;
  const Event found = event_of(Row{
      "found", EventType::kFound, with<FoundEvent>([](FoundEvent& b) { b.child = "c1"; }), {}, {}});
  std::vector<Sighting> seen = {{"c2", "earlier"}};
  append_sightings(found, known, seen);
  EXPECT_EQ(seen, (std::vector<Sighting>{{"c2", "earlier"}, {"c1", "rep"}}));
  std::vector<std::string_view> located = {"c2"};
  append_located(found, known, located);
  EXPECT_EQ(located, (std::vector<std::string_view>{"c2", "c1"}));
}

TEST(Sightings, AKnownLocationIsAResidentialOrTemporaryAddressWithALineOrPostcode) {
  EXPECT_TRUE(has_known_location(at("1 High St", "")));
  EXPECT_TRUE(has_known_location(at("", "LU1 1AA", AddressKind::kTemporary)));
  EXPECT_FALSE(has_known_location(at("", "")));
  EXPECT_FALSE(has_known_location(at("1 High St", "LU1 1AA", AddressKind::kNoFixedAbode)));
  EXPECT_FALSE(has_known_location(at("1 High St", "LU1 1AA", AddressKind::kUnknown)));
}

Event dated(EventType type, EventBody body, const std::string& when, const std::string& by,
            const std::string& id = "") {
  Event e;
  e.type = type;
  e.body = std::move(body);
  e.at = *Timestamp::parse(when);
  e.by = by;
  e.id = id;
  return e;
}

// Well after every event of these tests: all of them have happened.
const Timestamp kLongAfter = *Timestamp::parse("2099-01-01");

Event seen_at_home(const std::string& when, const std::string& by) {
  return dated(EventType::kContact,
               ContactEvent{{"m1", "c1"}, ContactMode::kHomeVisit, true, ContactOutcome::kSeen},
               when, by);
}

TEST(LatestSighting, IsTheLatestByAtWhateverTheOrderOfTheList) {
  const std::vector<Event> chronology = {
      seen_at_home("2024-03-05", "hv"),
      dated(EventType::kMedical, MedicalEvent{"c1", "{}", Concern::kNone}, "2024-03-09", "paeds"),
      seen_at_home("2024-03-01", "gp"),
  };
  const auto latest = latest_sighting(chronology, "c1", kLongAfter);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->event, &chronology[1]);
  EXPECT_EQ(latest->sighting, (Sighting{"c1", "paeds"}));
}

TEST(LatestSighting, OfTwoAtTheSameInstantTheLaterInTheListWins) {
  const std::vector<Event> chronology = {seen_at_home("2024-03-05", "hv"),
                                         seen_at_home("2024-03-05T12:00", "csc")};
  const auto latest = latest_sighting(chronology, "c1", kLongAfter);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->sighting.by, "csc");
}

TEST(LatestSighting, AnAcceptanceIsASightingByTheReceiverOfTheTransferInTheChronology) {
  std::vector<Event> chronology = {
      seen_at_home("2024-03-01", "hv"),
      dated(EventType::kTransfer, with<TransferEvent>([](TransferEvent& b) {
              b.child = "c1";
              b.from = "csc-a";
              b.to = "csc-b";
            }),
            "2024-03-02", "csc-a", "tr-1"),
      dated(EventType::kTransferAccepted, TransferAcceptedEvent{"tr-1", true}, "2024-03-04",
            "csc-b-admin"),
  };
  auto latest = latest_sighting(chronology, "c1", kLongAfter);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->sighting, (Sighting{"c1", "csc-b"}));
  // Without its transfer, the acceptance shows no one seen.
  chronology.erase(chronology.begin() + 1);
  latest = latest_sighting(chronology, "c1", kLongAfter);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->sighting.by, "hv");
}

TEST(LatestSighting, OnlyTheChildsOwnSightingsCount) {
  const std::vector<Event> chronology = {
      seen_at_home("2024-03-01", "hv"),
      dated(EventType::kFound, with<FoundEvent>([](FoundEvent& b) { b.child = "c2"; }),
            "2024-03-09", "police"),
  };
  EXPECT_EQ(latest_sighting(chronology, "c1", kLongAfter)->sighting.by, "hv");
  EXPECT_EQ(latest_sighting(chronology, "c2", kLongAfter)->sighting.by, "police");
  EXPECT_FALSE(latest_sighting({}, "c1", kLongAfter).has_value());
}

TEST(LatestSighting, APhoneCallMarkedSeenIsNotTheLastSighting) {  // R69
  const std::vector<Event> chronology = {
      seen_at_home("2024-03-01", "hv"),
      dated(EventType::kContact,
            ContactEvent{{"c1"}, ContactMode::kPhone, true, ContactOutcome::kSeen}, "2024-03-09",
            "csc"),
  };
  const auto latest = latest_sighting(chronology, "c1", kLongAfter);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->sighting.by, "hv");
  EXPECT_FALSE(latest_sighting({chronology[1]}, "c1", kLongAfter).has_value());
}

TEST(LatestSighting, AnAppointmentRecordedAttendedBeforeItsDateIsNotASightingYet) {
  const std::vector<Event> chronology = {
      seen_at_home("2024-03-01", "hv"),
      dated(EventType::kAppointment,
            AppointmentEvent{"c1", AppointmentKind::kImmunisation, AppointmentOutcome::kAttended},
            "2024-04-10T09:30", "gp"),
  };
  struct Case {
    std::string as_of;
    std::string by;  // the agency of the latest sighting then
  };
  for (const Case& c : std::vector<Case>{{"2024-04-09T23:59", "hv"},
                                         {"2024-04-10T09:29", "hv"},
                                         {"2024-04-10T09:30", "gp"},
                                         {"2024-05-01", "gp"}}) {
    const auto latest = latest_sighting(chronology, "c1", *Timestamp::parse(c.as_of));
    ASSERT_TRUE(latest.has_value()) << c.as_of;
    EXPECT_EQ(latest->sighting.by, c.by) << "as of " << c.as_of;
  }
  EXPECT_FALSE(latest_sighting({chronology[1]}, "c1", *Timestamp::parse("2024-04-09")).has_value());
}

TEST(Sightings, OnlyAPhoneCallATextOrALetterCannotShowTheChild) {  // R69
  for (const ContactMode m : {ContactMode::kPhone, ContactMode::kSms, ContactMode::kLetter}) {
    EXPECT_FALSE(mode_can_show_child(m));
    EXPECT_FALSE(contact_shows_child(ContactEvent{{"c1"}, m, true, ContactOutcome::kSeen}));
  }
  for (const ContactMode m : {ContactMode::kHomeVisit, ContactMode::kClinic, ContactMode::kDropIn,
                              ContactMode::kOffice, ContactMode::kHospital, ContactMode::kVideo}) {
    EXPECT_TRUE(mode_can_show_child(m));
    EXPECT_TRUE(contact_shows_child(ContactEvent{{"c1"}, m, true, ContactOutcome::kSeen}));
    EXPECT_FALSE(contact_shows_child(ContactEvent{{"c1"}, m, false, ContactOutcome::kSeen}));
  }
}

}  // namespace
}  // namespace sightline
