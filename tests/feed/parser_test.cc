// FeedParser: one valid line of every type, one case per kind of fault, whole
// feeds with faults on several lines, ids from the store, and the rule that a
// faulty line still reserves the ids it defines.
#include "feed/parser.h"

#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "../support/test_support.h"

namespace sightline {
namespace {

using testing::read_file;
using testing::test_data;

// The reference lines most cases build on: five agencies of different kinds, a
// mother, her unborn child and a father, and one referral, one assessment of
// each kind the rules tell apart, a plan and a transfer.
constexpr std::array<std::string_view, 14> kPreamble = {
    R"({"type":"agency","id":"gp1","name":"Hill Street Surgery","kind":"gp_practice","area":"E09000033","at":"2024-01-01"})",
    R"({"type":"agency","id":"hv1","name":"Westminster HV","kind":"health_visiting","area":"E09000033","at":"2024-01-01"})",
    R"({"type":"agency","id":"csc1","name":"Westminster CSC","kind":"childrens_social_care","area":"E09000033","at":"2024-01-01"})",
    R"({"type":"agency","id":"csc2","name":"Lambeth CSC","kind":"childrens_social_care","area":"E09000022","parent":"csc1","at":"2024-01-01"})",
    R"({"type":"agency","id":"mw1","name":"St Mary's Midwifery","kind":"midwifery","area":"E09000033","at":"2024-01-01"})",
    R"({"type":"person","id":"m1","given":"Ann","family":"Smith","at":"2024-01-02","by":"mw1"})",
    R"({"type":"pregnancy","mother":"m1","child":"c1","edd":"2024-06-01","at":"2024-01-03","by":"mw1"})",
    R"({"type":"person","id":"f1","given":"Bob","family":"Jones","at":"2024-01-03","by":"mw1"})",
    R"({"type":"referral","id":"ref-1","child":"c1","from":"mw1","to":"csc1","concerns":[],"at":"2024-02-01","by":"mw1"})",
    R"({"type":"assessment_started","id":"as-s47","child":"c1","kind":"s47","agency":"csc1","at":"2024-02-02","by":"csc1"})",
    R"({"type":"assessment_started","id":"as-neg","child":"c1","kind":"neglect","agency":"csc1","at":"2024-02-02","by":"csc1"})",
    R"({"type":"assessment_started","id":"as-cf","child":"c1","kind":"child_and_family","agency":"csc1","at":"2024-02-02","by":"csc1"})",
    R"({"type":"plan_started","id":"plan-1","child":"c1","kind":"child_in_need","agency":"csc1","at":"2024-02-03","by":"csc1"})",
    R"({"type":"transfer","id":"tr-1","child":"c1","from":"csc1","to":"csc2","status":"child_in_need","at":"2024-02-04","by":"csc1"})",
};

// Every fault, one per line, for failure messages.
std::string describe(const std::vector<Fault>& faults) {
  std::string out;
  for (const Fault& f : faults) out += f.to_string() + "\n";
  return out;
}

// A parser that has read kPreamble without fault.
class PrimedParser {
 public:
  explicit PrimedParser(const KnownIds* stored = nullptr) : parser_(stored) {
    for (const std::string_view line : kPreamble) {
      EXPECT_TRUE(parse(line).has_value()) << line;
    }
    EXPECT_TRUE(faults_.empty()) << describe(faults_);
  }

  // Parses the next line of the feed.
  std::optional<Event> parse(std::string_view line) {
    return parser_.parse_line(line, ++line_, faults_);
  }
  const std::vector<Fault>& faults() const { return faults_; }
  std::int64_t line() const { return line_; }
  ResolvedIds resolved_ids() const { return parser_.resolved_ids(); }

 private:
  FeedParser parser_;
  std::vector<Fault> faults_;
  std::int64_t line_ = 0;
};

// Parses a whole feed file, as import reads one.
struct ParsedFeed {
  std::vector<Event> events;
  std::vector<Fault> faults;
};
ParsedFeed parse_feed(std::string_view text, const KnownIds* stored = nullptr) {
  FeedParser parser(stored);
  ParsedFeed out;
  std::int64_t number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (std::optional<Event> event = parser.parse_line(line, ++number, out.faults)) {
      out.events.push_back(std::move(*event));
    }
  }
  return out;
}

// ----- one valid line of every type -----

struct ValidCase {
  std::string line;
  std::function<void(const Event&)> check;
};

void PrintTo(const ValidCase& c, std::ostream* os) { *os << c.line; }

std::string type_of_line(const std::string& line) {
  const std::size_t at = line.find("\"type\":\"") + 8;
  return line.substr(at, line.find('"', at) - at);
}

const std::vector<ValidCase>& valid_cases() {
  static const std::vector<ValidCase> cases = {
      {R"({"type":"agency","id":"pol1","name":"Met Police CAIT","kind":"police","area":"E09000033","parent":"csc1","at":"2024-03-01"})",
       [](const Event& e) {
         EXPECT_EQ(e.id, "pol1");
         EXPECT_EQ(e.by, "");
         const auto& b = e.as<AgencyEvent>();
         EXPECT_EQ(b.name, "Met Police CAIT");
         EXPECT_EQ(b.kind, AgencyKind::kPolice);
         EXPECT_EQ(b.area, "E09000033");
         EXPECT_EQ(b.parent, "csc1");
       }},
      {R"({"type":"premises","address":{"line1":"1 Canal Walk","line2":"Unit 4","town":"London","postcode":"w2 1aa","area":"E09000033"},"kind":"hostel","at":"2024-03-01"})",
       [](const Event& e) {
         const auto& b = e.as<PremisesEvent>();
         EXPECT_EQ(b.kind, PremisesKind::kHostel);
         EXPECT_EQ(b.address.line1, "1 Canal Walk");
         EXPECT_EQ(b.address.line2, "Unit 4");
         EXPECT_EQ(b.address.town, "London");
         EXPECT_EQ(b.address.postcode, "w2 1aa");
         EXPECT_EQ(b.address.area, "E09000033");
         EXPECT_EQ(b.address.kind, AddressKind::kResidential);
       }},
      {R"({"type":"person","id":"p2","given":"Dee","family":"Khan","dob":"1990-02-28","sex":"X","nhs_number":"9434765919","nationality":"non-EEA","language":"Urdu","interpreter":true,"aliases":["D Khan","Dee K"],"at":"2024-03-01","by":"gp1"})",
       [](const Event& e) {
         EXPECT_EQ(e.id, "p2");
         const auto& b = e.as<PersonEvent>();
         EXPECT_EQ(b.given, "Dee");
         EXPECT_EQ(b.family, "Khan");
         EXPECT_EQ(b.dob, Date::from_ymd(1990, 2, 28));
         EXPECT_EQ(b.sex, Sex::kX);
         EXPECT_EQ(b.nhs_number, "9434765919");
         EXPECT_EQ(b.nationality, "non-EEA");
         EXPECT_EQ(b.language, "Urdu");
         EXPECT_EQ(b.interpreter, true);
         EXPECT_EQ(b.aliases, (std::vector<std::string>{"D Khan", "Dee K"}));
       }},
      {R"({"type":"pregnancy","mother":"m1","child":"c2","edd":"2025-01-15","at":"2024-06-01","by":"mw1"})",
       [](const Event& e) {
         const auto& b = e.as<PregnancyEvent>();
         EXPECT_EQ(b.mother, "m1");
         EXPECT_EQ(b.child, "c2");
         EXPECT_EQ(b.edd, Date::from_ymd(2025, 1, 15));
       }},
      {R"({"type":"birth","child":"c1","mother":"m1","place":"mw1","weight_g":3150,"at":"2024-05-28T03:12","by":"mw1"})",
       [](const Event& e) {
         const auto& b = e.as<BirthEvent>();
         EXPECT_EQ(b.child, "c1");
         EXPECT_EQ(b.mother, "m1");
         EXPECT_EQ(b.place, "mw1");
         EXPECT_EQ(b.weight_g, 3150);
       }},
      {R"({"type":"relationship","person":"f1","other":"c1","role":"father","known_to_professionals":true,"at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<RelationshipEvent>();
         EXPECT_EQ(b.person, "f1");
         EXPECT_EQ(b.other, "c1");
         EXPECT_EQ(b.role, RelationshipRole::kFather);
         EXPECT_EQ(b.known_to_professionals, true);
       }},
      {R"({"type":"circumstances","person":"m1","housing":"sofa_surfing","income":"none","immigration":"nrpf","health":["mental_health","cancer"],"at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<CircumstancesEvent>();
         EXPECT_EQ(b.person, "m1");
         EXPECT_EQ(b.housing, Housing::kSofaSurfing);
         EXPECT_EQ(b.income, Income::kNone);
         EXPECT_EQ(b.immigration, Immigration::kNrpf);
         EXPECT_EQ(b.health, (std::vector<std::string>{"mental_health", "cancer"}));
       }},
      {R"({"type":"death","person":"f1","at":"2024-03-01","by":"gp1"})",
       [](const Event& e) { EXPECT_EQ(e.as<DeathEvent>().person, "f1"); }},
      {R"({"type":"address","persons":["m1","c1"],"address":{"line1":"Room 3, Hope Hostel","town":"London","postcode":"SE115AA","area":"E09000022","kind":"temporary"},"notice":"reported_by_other","at":"2024-03-01","by":"gp1"})",
       [](const Event& e) {
         const auto& b = e.as<AddressEvent>();
         EXPECT_EQ(b.persons, (std::vector<Id>{"m1", "c1"}));
         EXPECT_EQ(b.address.line1, "Room 3, Hope Hostel");
         EXPECT_EQ(b.address.kind, AddressKind::kTemporary);
         EXPECT_EQ(b.notice, AddressNotice::kReportedByOther);
       }},
      {R"({"type":"whereabouts_unknown","child":"c1","last_known":{"line1":"2 Elm Row","town":"London","postcode":"SW1A 1AA","area":"E09000033"},"at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<WhereaboutsUnknownEvent>();
         EXPECT_EQ(b.child, "c1");
         ASSERT_TRUE(b.last_known.has_value());
         EXPECT_EQ(b.last_known->postcode, "SW1A 1AA");
       }},
      {R"({"type":"missing","child":"c1","alert":"children_missing_education","at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<MissingEvent>();
         EXPECT_EQ(b.child, "c1");
         EXPECT_EQ(b.alert, MissingAlert::kChildrenMissingEducation);
       }},
      {R"({"type":"found","child":"c1","address":{"kind":"unknown"},"at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<FoundEvent>();
         EXPECT_EQ(b.child, "c1");
         ASSERT_TRUE(b.address.has_value());
         EXPECT_EQ(b.address->kind, AddressKind::kUnknown);
         EXPECT_EQ(b.address->line1, "");
       }},
      {R"({"type":"claim","child":"c1","claim":"with_relatives","detail":"With an aunt in Leeds","verified":true,"at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<ClaimEvent>();
         EXPECT_EQ(b.claim, ClaimKind::kWithRelatives);
         EXPECT_EQ(b.detail, "With an aunt in Leeds");
         EXPECT_TRUE(b.verified);
       }},
      {R"({"type":"registration","person":"m1","agency":"gp1","at":"2024-03-01","by":"gp1"})",
       [](const Event& e) {
         const auto& b = e.as<RegistrationEvent>();
         EXPECT_EQ(b.child, "m1");
         EXPECT_EQ(b.agency, "gp1");
       }},
      {R"({"type":"deregistration","child":"c1","agency":"gp1","reason":"left_country","at":"2024-03-01","by":"gp1"})",
       [](const Event& e) {
         const auto& b = e.as<DeregistrationEvent>();
         EXPECT_EQ(b.child, "c1");
         EXPECT_EQ(b.agency, "gp1");
         EXPECT_EQ(b.reason, DeregistrationReason::kLeftCountry);
       }},
      {R"({"type":"hv_level","child":"c1","level":"partnership_plus","at":"2024-03-01","by":"hv1"})",
       [](const Event& e) { EXPECT_EQ(e.as<HvLevelEvent>().level, HvLevel::kPartnershipPlus); }},
      {R"({"type":"appointment","child":"c1","kind":"review_6_8_week","outcome":"was_not_brought","at":"2024-03-01","by":"gp1"})",
       [](const Event& e) {
         const auto& b = e.as<AppointmentEvent>();
         EXPECT_EQ(b.kind, AppointmentKind::kReview68Week);
         EXPECT_EQ(b.outcome, AppointmentOutcome::kWasNotBrought);
       }},
      {R"({"type":"medical","child":"c1","findings":{ "weight_centile": 2, "injuries": ["bruise"] },"concern":"significant","at":"2024-03-01","by":"gp1"})",
       [](const Event& e) {
         const auto& b = e.as<MedicalEvent>();
         EXPECT_EQ(b.findings_json, R"({"weight_centile":2,"injuries":["bruise"]})");
         EXPECT_EQ(b.concern, Concern::kSignificant);
       }},
      {R"({"type":"records_transfer","child":"c1","from":"gp1","to":"hv1","accessed":true,"at":"2024-03-01","by":"gp1"})",
       [](const Event& e) {
         const auto& b = e.as<RecordsTransferEvent>();
         EXPECT_EQ(b.from, "gp1");
         EXPECT_EQ(b.to, "hv1");
         EXPECT_TRUE(b.accessed);
       }},
      {R"({"type":"contact","persons":["c1","m1"],"mode":"phone","child_seen":false,"outcome":"no_answer","at":"2024-03-01T14:05:30","by":"hv1"})",
       [](const Event& e) {
         const auto& b = e.as<ContactEvent>();
         EXPECT_EQ(b.persons, (std::vector<Id>{"c1", "m1"}));
         EXPECT_EQ(b.mode, ContactMode::kPhone);
         EXPECT_FALSE(b.child_seen);
         EXPECT_EQ(b.outcome, ContactOutcome::kNoAnswer);
         EXPECT_EQ(e.at.seconds, 14 * 3600 + 5 * 60 + 30);
         EXPECT_FALSE(b.address.has_value());
       }},
      {R"({"type":"referral","id":"ref-2","child":"c1","mother":"m1","from":"hv1","to":"csc1","concerns":["poor_weight_gain","hidden_adult"],"at":"2024-03-01","by":"hv1"})",
       [](const Event& e) {
         EXPECT_EQ(e.id, "ref-2");
         const auto& b = e.as<ReferralEvent>();
         EXPECT_EQ(b.child, "c1");
         EXPECT_EQ(b.mother, "m1");
         EXPECT_EQ(b.from, "hv1");
         EXPECT_EQ(b.to, "csc1");
         EXPECT_EQ(b.concerns,
                   (std::vector<Indicator>{Indicator::kPoorWeightGain, Indicator::kHiddenAdult}));
       }},
      {R"({"type":"referral_outcome","referral":"ref-1","outcome":"passed_to","to":"csc2","at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<ReferralOutcomeEvent>();
         EXPECT_EQ(b.referral, "ref-1");
         EXPECT_EQ(b.outcome, ReferralOutcomeKind::kPassedTo);
         EXPECT_EQ(b.to, "csc2");
       }},
      {R"({"type":"indicator","child":"c1","indicator":"unsafe_sleeping","status":"resolved","at":"2024-03-01","by":"hv1"})",
       [](const Event& e) {
         const auto& b = e.as<IndicatorEvent>();
         EXPECT_EQ(b.indicator, Indicator::kUnsafeSleeping);
         EXPECT_EQ(b.status, IndicatorStatus::kResolved);
       }},
      {R"({"type":"notification","from":"csc1","to":"csc2","subject":"out_of_area_placement","persons":["m1"],"at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<NotificationEvent>();
         EXPECT_EQ(b.from, "csc1");
         EXPECT_EQ(b.to, "csc2");
         EXPECT_EQ(b.subject, NotificationSubject::kOutOfAreaPlacement);
         EXPECT_EQ(b.persons, (std::vector<Id>{"m1"}));
       }},
      {R"({"type":"assessment_started","id":"as-2","child":"c1","kind":"adult_needs","agency":"csc2","at":"2024-03-01","by":"csc2"})",
       [](const Event& e) {
         const auto& b = e.as<AssessmentStartedEvent>();
         EXPECT_EQ(b.kind, AssessmentKind::kAdultNeeds);
         EXPECT_EQ(b.agency, "csc2");
       }},
      {R"({"type":"assessment_completed","assessment":"as-neg","outcome":"early_help","profile":{"physical_care":3,"safety":1},"at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<AssessmentCompletedEvent>();
         EXPECT_EQ(b.assessment, "as-neg");
         EXPECT_EQ(b.outcome, AssessmentOutcome::kEarlyHelp);
         EXPECT_EQ(b.profile, (std::map<std::string, int>{{"physical_care", 3}, {"safety", 1}}));
       }},
      {R"({"type":"strategy_discussion","id":"sd-1","child":"c1","format":"video","participants":["csc1","hv1"],"decision":"s47_single_agency","at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<StrategyDiscussionEvent>();
         EXPECT_EQ(b.format, DiscussionFormat::kVideo);
         EXPECT_EQ(b.participants, (std::vector<Id>{"csc1", "hv1"}));
         EXPECT_EQ(b.decision, StrategyDecision::kS47SingleAgency);
       }},
      {R"({"type":"s47_concluded","assessment":"as-s47","outcome":"substantiated_no_icpc","at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<S47ConcludedEvent>();
         EXPECT_EQ(b.assessment, "as-s47");
         EXPECT_EQ(b.outcome, S47Outcome::kSubstantiatedNoIcpc);
       }},
      {R"({"type":"conference","child":"c1","kind":"transfer_in","participants":["csc2"],"decision":"cin_plan","at":"2024-03-01","by":"csc2"})",
       [](const Event& e) {
         const auto& b = e.as<ConferenceEvent>();
         EXPECT_EQ(b.kind, ConferenceKind::kTransferIn);
         EXPECT_EQ(b.participants, (std::vector<Id>{"csc2"}));
         EXPECT_EQ(b.decision, ConferenceDecision::kCinPlan);
       }},
      {R"({"type":"plan_started","id":"plan-2","child":"c1","kind":"looked_after","agency":"csc2","at":"2024-03-01","by":"csc2"})",
       [](const Event& e) {
         const auto& b = e.as<PlanStartedEvent>();
         EXPECT_EQ(b.kind, PlanKind::kLookedAfter);
         EXPECT_EQ(b.agency, "csc2");
       }},
      {R"({"type":"plan_ended","plan":"plan-1","at":"2024-03-01","by":"csc1"})",
       [](const Event& e) { EXPECT_EQ(e.as<PlanEndedEvent>().plan, "plan-1"); }},
      {R"({"type":"transfer","id":"tr-2","child":"c1","from":"csc1","to":"hv1","status":"enhanced","summary":"Moving to HV caseload","risks":["avoidant"],"at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<TransferEvent>();
         EXPECT_EQ(b.to, "hv1");
         EXPECT_EQ(b.status, TransferStatus::kEnhanced);
         EXPECT_EQ(b.summary, "Moving to HV caseload");
         EXPECT_EQ(b.risks, (std::vector<Indicator>{Indicator::kAvoidant}));
         EXPECT_EQ(b.mode, TransferMode::kWritten);
       }},
      {R"({"type":"transfer_accepted","transfer":"tr-1","child_seen":true,"at":"2024-03-01","by":"csc2"})",
       [](const Event& e) {
         const auto& b = e.as<TransferAcceptedEvent>();
         EXPECT_EQ(b.transfer, "tr-1");
         EXPECT_TRUE(b.child_seen);
       }},
      {R"({"type":"transfer_declined","transfer":"tr-1","reason":"Family not known here","at":"2024-03-01","by":"csc2"})",
       [](const Event& e) {
         EXPECT_EQ(e.as<TransferDeclinedEvent>().reason, "Family not known here");
       }},
      {R"({"type":"case_closed","child":"c1","agency":"csc1","reason":"moved_out","at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<CaseClosedEvent>();
         EXPECT_EQ(b.agency, "csc1");
         EXPECT_EQ(b.reason, ClosureReason::kMovedOut);
       }},
      {R"({"type":"options_review","person":"m1","agency":"csc1","options":["adult_care_support","benefits_if_working"],"at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<OptionsReviewEvent>();
         EXPECT_EQ(b.person, "m1");
         EXPECT_EQ(b.options, (std::vector<SupportOption>{SupportOption::kAdultCareSupport,
                                                          SupportOption::kBenefitsIfWorking}));
       }},
      {R"({"type":"allocation","child":"c1","agency":"hv1","worker":"Ruth Adeyemi","phone":"+44 (20) 7946-0425","email":"ruth.adeyemi@hv.example.org","at":"2024-03-01","by":"csc1"})",
       [](const Event& e) {
         const auto& b = e.as<AllocationEvent>();
         EXPECT_EQ(b.child, "c1");
         EXPECT_EQ(b.agency, "hv1");
         EXPECT_EQ(b.worker, "Ruth Adeyemi");
         EXPECT_EQ(b.phone, "+44 (20) 7946-0425");
         EXPECT_EQ(b.email, "ruth.adeyemi@hv.example.org");
         EXPECT_EQ(e.by, "csc1");
       }},
  };
  return cases;
}

class ValidLineTest : public ::testing::TestWithParam<ValidCase> {};

// A named worker may be recorded with no way to reach them yet.
TEST(FeedParser, AnAllocationNeedsNeitherPhoneNorEmail) {
  PrimedParser parser;
  const std::optional<Event> event = parser.parse(
      R"({"type":"allocation","child":"c1","agency":"csc1","worker":"Daniel Price","at":"2024-03-01","by":"csc1"})");
  ASSERT_TRUE(event.has_value()) << describe(parser.faults());
  const auto& b = event->as<AllocationEvent>();
  EXPECT_EQ(b.worker, "Daniel Price");
  EXPECT_TRUE(b.phone.empty());
  EXPECT_TRUE(b.email.empty());
}

// Where a contact took place: a postcode and an area are enough.
TEST(FeedParser, AContactMayBeRecordedWithWhereItTookPlace) {
  PrimedParser parser;
  const std::optional<Event> event = parser.parse(
      R"({"type":"contact","persons":["c1"],"mode":"home_visit","child_seen":true,"outcome":"seen","address":{"postcode":"w5 2aa","area":"E09000009"},"at":"2024-03-01","by":"hv1"})");
  ASSERT_TRUE(event.has_value()) << describe(parser.faults());
  const auto& b = event->as<ContactEvent>();
  ASSERT_TRUE(b.address.has_value());
  EXPECT_EQ(b.address->postcode, "w5 2aa");
  EXPECT_EQ(b.address->area, "E09000009");
  EXPECT_TRUE(b.address->line1.empty());
  EXPECT_EQ(b.address->kind, AddressKind::kResidential);
}

TEST_P(ValidLineTest, ParsesIntoItsBody) {
  PrimedParser parser;
  const std::string line = GetParam().line + " \r\n";
  const std::optional<Event> event = parser.parse(line);
  ASSERT_TRUE(event.has_value()) << describe(parser.faults());
  EXPECT_TRUE(parser.faults().empty()) << describe(parser.faults());
  EXPECT_EQ(to_string(event->type), type_of_line(GetParam().line));
  EXPECT_EQ(event->body.index(), static_cast<std::size_t>(event->type));
  EXPECT_EQ(event->line, parser.line());
  EXPECT_EQ(event->json, GetParam().line);  // verbatim, without the trailing whitespace
  EXPECT_EQ(event->recorded, event->at);
  GetParam().check(*event);
}

INSTANTIATE_TEST_SUITE_P(EveryType, ValidLineTest, ::testing::ValuesIn(valid_cases()),
                         [](const ::testing::TestParamInfo<ValidCase>& param) {
                           return type_of_line(param.param.line);
                         });

// Each valid line read again on its own, as a child's chronology through the
// API gives it, without the lines that define what it refers to.
TEST_P(ValidLineTest, ParsesAloneIntoItsBodyWhenItsReferencesAreTrusted) {
  FeedParser parser;
  parser.trust_references(true);
  std::vector<Fault> faults;
  const std::optional<Event> event = parser.parse_line(GetParam().line, 7, faults);
  ASSERT_TRUE(event.has_value()) << describe(faults);
  EXPECT_EQ(to_string(event->type), type_of_line(GetParam().line));
  EXPECT_EQ(event->body.index(), static_cast<std::size_t>(event->type));
  GetParam().check(*event);
}

TEST(TrustedReferences, OnlyReferencesAreTakenOnTrust) {
  FeedParser parser;
  std::vector<Fault> faults;
  const std::string accepted =
      R"({"type":"transfer_accepted","transfer":"tr-9","child_seen":true,"at":"2024-03-01","by":"hv9"})";
  EXPECT_FALSE(parser.parse_line(accepted, 1, faults));  // by default, nothing is defined
  ASSERT_EQ(faults.size(), 2u) << describe(faults);
  parser.trust_references(true);
  faults.clear();
  EXPECT_TRUE(parser.parse_line(accepted, 2, faults)) << describe(faults);
  // The same id defined twice, as in two entries of one chronology.
  const std::string transfer =
      R"({"type":"transfer","id":"tr-9","child":"c9","from":"a9","to":"hv9","status":"universal","at":"2024-03-01","by":"a9"})";
  EXPECT_TRUE(parser.parse_line(transfer, 3, faults)) << describe(faults);
  EXPECT_TRUE(parser.parse_line(transfer, 4, faults)) << describe(faults);
  // A field is still checked.
  EXPECT_FALSE(parser.parse_line(
      R"({"type":"transfer_accepted","transfer":"tr-9","child_seen":"yes","at":"2024-03-01","by":"hv9"})",
      5, faults));
  ASSERT_EQ(faults.size(), 1u) << describe(faults);
  EXPECT_EQ(faults[0].field, "transfer_accepted.child_seen");
}

TEST(ValidLines, CoverEveryType) {
  std::set<std::string> covered;
  for (const ValidCase& c : valid_cases()) covered.insert(type_of_line(c.line));
  for (const std::string_view name : names_of<EventType>()) {
    EXPECT_TRUE(covered.count(std::string(name))) << name;
  }
}

// ----- one case per kind of fault -----

struct FaultCase {
  std::string name;
  std::string line;
  std::string field;    // exactly
  std::string message;  // a part of the message: what was expected
};

void PrintTo(const FaultCase& c, std::ostream* os) { *os << c.line; }

const std::vector<FaultCase>& fault_cases() {
  static const std::vector<FaultCase> cases = {
      // The line as a whole.
      {"MalformedJson", R"({"type":"death","person":"f1",)", "(json)",
       "expected one JSON object on the line"},
      {"NotAnObject", R"(["death","f1"])", "(json)", "expected a JSON object; got a list"},
      {"TrailingText", R"({"type":"death","person":"f1","at":"2024-03-01","by":"gp1"} x)", "(json)",
       "expected one JSON object"},
      // The envelope.
      {"WrongVersion", R"({"v":2,"type":"death","person":"f1","at":"2024-03-01","by":"gp1"})", "v",
       "expected 1 (the only version of this format); got 2"},
      {"VersionAsText", R"({"v":"1","type":"death","person":"f1","at":"2024-03-01","by":"gp1"})",
       "v", R"(expected 1 (the only version of this format); got "1")"},
      {"MissingType", R"({"person":"f1","at":"2024-03-01","by":"gp1"})", "type",
       "missing; expected one of: agency, premises, person, pregnancy,"},
      {"UnknownType", R"({"type":"visit","person":"f1","at":"2024-03-01","by":"gp1"})", "type",
       R"(expected one of: agency, premises, person, pregnancy, birth, relationship, circumstances, death, address, whereabouts_unknown, missing, found, claim, registration, deregistration, hv_level, appointment, medical, records_transfer, contact, referral, referral_outcome, indicator, notification, assessment_started, assessment_completed, strategy_discussion, s47_concluded, conference, plan_started, plan_ended, transfer, transfer_accepted, transfer_declined, case_closed, options_review, allocation; got "visit")"},
      {"MissingAt", R"({"type":"death","person":"f1","by":"gp1"})", "at",
       "missing; expected a date YYYY-MM-DD or date-time YYYY-MM-DDTHH:MM[:SS]"},
      {"MalformedAt", R"({"type":"death","person":"f1","at":"01/03/2024","by":"gp1"})", "at",
       R"(expected a date YYYY-MM-DD or date-time YYYY-MM-DDTHH:MM[:SS]; got "01/03/2024")"},
      {"AtWithZone", R"({"type":"death","person":"f1","at":"2024-03-01T10:00Z","by":"gp1"})", "at",
       "expected a date YYYY-MM-DD or date-time"},
      {"ImpossibleDate", R"({"type":"death","person":"f1","at":"2023-02-29","by":"gp1"})", "at",
       R"(no such date or time: "2023-02-29"; expected a date YYYY-MM-DD)"},
      {"ImpossibleTime", R"({"type":"death","person":"f1","at":"2024-03-01T24:00","by":"gp1"})",
       "at", "no such date or time"},
      {"YearTooEarly", R"({"type":"death","person":"f1","at":"1899-12-31","by":"gp1"})", "at",
       "year 1899 is out of range; expected a year from 1900 to 2100"},
      {"YearTooLate", R"({"type":"death","person":"f1","at":"2101-01-01","by":"gp1"})", "at",
       "expected a year from 1900 to 2100"},
      {"RecordedBeforeAt",
       R"({"type":"death","person":"f1","at":"2024-03-02","recorded":"2024-03-01","by":"gp1"})",
       "recorded", "is before at (2024-03-02); expected the time at or later"},
      {"RecordedTimeBeforeAtTime",
       R"({"type":"death","person":"f1","at":"2024-03-02T10:00","recorded":"2024-03-02T09:59:59","by":"gp1"})",
       "recorded", "is before at"},
      {"RecordedTimeOnEarlierDate",
       R"({"type":"death","person":"f1","at":"2024-03-02","recorded":"2024-03-01T23:00","by":"gp1"})",
       "recorded", "is before at"},
      {"MissingBy", R"({"type":"death","person":"f1","at":"2024-03-01"})", "by",
       "missing; expected an agency id"},
      {"UnknownBy", R"({"type":"death","person":"f1","at":"2024-03-01","by":"gp9"})", "by",
       R"(no agency with id "gp9" before this line)"},
      {"ByNamesAReferral", R"({"type":"death","person":"f1","at":"2024-03-01","by":"ref-1"})", "by",
       R"("ref-1" is the id of a referral (line 9); expected an agency id)"},
      {"NoteNotText", R"({"type":"death","person":"f1","at":"2024-03-01","by":"gp1","note":5})",
       "note", "expected a string; got 5"},
      {"MissingIdOfReferral",
       R"({"type":"referral","child":"c1","from":"mw1","to":"csc1","concerns":[],"at":"2024-03-01","by":"mw1"})",
       "id", "missing; expected an id"},
      {"EmptyId", R"({"type":"death","id":"","person":"f1","at":"2024-03-01","by":"gp1"})", "id",
       "expected an id; got an empty string"},
      {"DuplicateEventId",
       R"({"type":"referral","id":"ref-1","child":"c1","from":"mw1","to":"csc1","concerns":[],"at":"2024-03-01","by":"mw1"})",
       "id",
       R"("ref-1" is already the id of a referral on line 9; expected an id not used before)"},
      {"AgencyIdTakenByAnEvent",
       R"({"type":"agency","id":"plan-1","name":"X","kind":"school","area":"E09000033","at":"2024-03-01"})",
       "id", R"("plan-1" is already the id of a plan_started on line 13)"},
      {"OptionalIdTaken",
       R"({"type":"death","id":"gp1","person":"f1","at":"2024-03-01","by":"gp1"})", "id",
       R"("gp1" is already the id of an agency on line 1)"},
      // Fields of a type.
      {"UnknownField",
       R"({"type":"death","person":"f1","cause":"unknown","at":"2024-03-01","by":"gp1"})",
       "death.cause",
       "unknown field; death has: person; every line may also have: id, v, type, at, recorded, by, "
       "note"},
      {"UnknownFieldOfTransfer",
       R"({"type":"transfer","id":"tr-2","child":"c1","from":"csc1","to":"csc2","status":"welfare_check","urgent":true,"at":"2024-03-01","by":"csc1"})",
       "transfer.urgent",
       "unknown field; transfer has: id, child, from, to, status, summary, risks, mode; every line "
       "may also have: v, type, at, recorded, by, note"},
      {"UnknownFieldOfAddress",
       R"({"type":"premises","address":{"line1":"1 Canal Walk","town":"London","county":"Greater London","postcode":"W2 1AA","area":"E09000033"},"kind":"office","at":"2024-03-01"})",
       "premises.address.county",
       "unknown field; an address has: line1, line2, town, postcode, area, kind"},
      {"ContactAddressWithoutPostcode",
       R"({"type":"contact","persons":["c1"],"mode":"home_visit","child_seen":true,"outcome":"seen","address":{"line1":"1 High St","area":"E09000009"},"at":"2024-03-01","by":"hv1"})",
       "contact.address.postcode", "missing"},
      {"ContactAddressWithoutArea",
       R"({"type":"contact","persons":["c1"],"mode":"home_visit","child_seen":true,"outcome":"seen","address":{"postcode":"W5 2AA"},"at":"2024-03-01","by":"hv1"})",
       "contact.address.area", "missing; expected the GSS code of a local-authority area"},
      {"ContactAddressOfNoPlace",
       R"({"type":"contact","persons":["c1"],"mode":"home_visit","child_seen":true,"outcome":"seen","address":{"kind":"unknown"},"at":"2024-03-01","by":"hv1"})",
       "contact.address.kind",
       R"(a place where a contact took place is residential or temporary; got "unknown")"},
      {"FieldGivenTwice",
       R"({"type":"death","person":"f1","person":"m1","at":"2024-03-01","by":"gp1"})",
       "death.person", "given more than once"},
      {"MissingRequiredField",
       R"({"type":"contact","persons":["c1"],"mode":"phone","child_seen":true,"at":"2024-03-01","by":"hv1"})",
       "contact.outcome",
       "missing; expected one of: seen, no_answer, no_access, not_at_address, declined"},
      {"BadEnumValue",
       R"({"type":"contact","persons":["c1"],"mode":"home visit","child_seen":true,"outcome":"seen","at":"2024-03-01","by":"hv1"})",
       "contact.mode",
       R"(expected one of: home_visit, clinic, drop_in, office, hospital, phone, sms, letter, video; got "home visit")"},
      {"EnumInWrongCase", R"({"type":"person","id":"f1","sex":"f","at":"2024-03-01","by":"gp1"})",
       "person.sex", R"(expected one of: F, M, X; got "f")"},
      {"BadEnumInList",
       R"({"type":"referral","id":"ref-2","child":"c1","from":"mw1","to":"csc1","concerns":["poor_hygiene","neglect"],"at":"2024-03-01","by":"mw1"})",
       "referral.concerns",
       R"(expected a list of names, each one of: poor_weight_gain, inadequate_food,)"},
      {"StringForPersonId", R"({"type":"death","person":42,"at":"2024-03-01","by":"gp1"})",
       "death.person", "expected a person id; got 42"},
      {"NullValue",
       R"({"type":"referral","id":"ref-2","child":"c1","mother":null,"from":"mw1","to":"csc1","concerns":[],"at":"2024-03-01","by":"mw1"})",
       "referral.mother", "expected a person id; got null"},
      {"TextForBoolean",
       R"({"type":"contact","persons":["c1"],"mode":"phone","child_seen":"yes","outcome":"seen","at":"2024-03-01","by":"hv1"})",
       "contact.child_seen", R"(expected true or false; got "yes")"},
      {"TextForList",
       R"({"type":"contact","persons":"c1","mode":"phone","child_seen":true,"outcome":"seen","at":"2024-03-01","by":"hv1"})",
       "contact.persons", R"(expected a list of person ids; got "c1")"},
      {"NumberInList",
       R"({"type":"contact","persons":["c1",7],"mode":"phone","child_seen":true,"outcome":"seen","at":"2024-03-01","by":"hv1"})",
       "contact.persons", "expected a list of person ids; got 7 in it"},
      {"EmptyPersonList",
       R"({"type":"contact","persons":[],"mode":"phone","child_seen":true,"outcome":"seen","at":"2024-03-01","by":"hv1"})",
       "contact.persons", "expected a list of person ids; got an empty list"},
      {"TextForObject",
       R"({"type":"medical","child":"c1","findings":"bruising","concern":"some","at":"2024-03-01","by":"gp1"})",
       "medical.findings", R"(expected an object of findings; got "bruising")"},
      {"WeightNotPositive",
       R"({"type":"birth","child":"c1","mother":"m1","weight_g":0,"at":"2024-03-01","by":"mw1"})",
       "birth.weight_g", "expected a positive whole number; got 0"},
      {"WeightNotWhole",
       R"({"type":"birth","child":"c1","mother":"m1","weight_g":3150.5,"at":"2024-03-01","by":"mw1"})",
       "birth.weight_g", "expected a positive whole number; got 3150.5"},
      {"ImpossibleDob",
       R"({"type":"person","id":"f1","dob":"1990-13-01","at":"2024-03-01","by":"gp1"})",
       "person.dob", R"(no such date: "1990-13-01"; expected a date YYYY-MM-DD)"},
      {"DobWithTime",
       R"({"type":"person","id":"f1","dob":"1990-01-01T10:00","at":"2024-03-01","by":"gp1"})",
       "person.dob", R"(expected a date YYYY-MM-DD; got "1990-01-01T10:00")"},
      {"NewPersonWithoutFamily",
       R"({"type":"person","id":"p2","given":"Dee","at":"2024-03-01","by":"gp1"})", "person.family",
       "missing; expected a family name: a new person needs given and family"},
      {"BadNhsNumber",
       R"({"type":"person","id":"f1","nhs_number":"9434765918","at":"2024-03-01","by":"gp1"})",
       "person.nhs_number",
       R"(expected an NHS number: 10 digits with a valid check digit; got "9434765918")"},
      {"SpacedNhsNumber",
       R"({"type":"person","id":"f1","nhs_number":"943 476 5919","at":"2024-03-01","by":"gp1"})",
       "person.nhs_number", "expected an NHS number: 10 digits"},
      {"BadNationality",
       R"({"type":"person","id":"f1","nationality":"gb","at":"2024-03-01","by":"gp1"})",
       "person.nationality",
       R"(expected an ISO 3166 alpha-2 code (two upper-case letters), EEA or non-EEA; got "gb")"},
      // allocation: a named worker, and how to reach them.
      {"AllocationWithoutWorker",
       R"({"type":"allocation","child":"c1","agency":"csc1","at":"2024-03-01","by":"csc1"})",
       "allocation.worker", "missing; expected the named worker's name"},
      {"AllocationWithEmptyWorker",
       R"({"type":"allocation","child":"c1","agency":"csc1","worker":"  ","at":"2024-03-01","by":"csc1"})",
       "allocation.worker", "expected the named worker's name; got an empty name"},
      {"AllocationWorkerNotText",
       R"({"type":"allocation","child":"c1","agency":"csc1","worker":7,"at":"2024-03-01","by":"csc1"})",
       "allocation.worker", "expected the named worker's name; got 7"},
      {"AllocationUnknownAgency",
       R"({"type":"allocation","child":"c1","agency":"nowhere","worker":"Jo","at":"2024-03-01","by":"csc1"})",
       "allocation.agency", "nowhere"},
      {"AllocationWithoutChild",
       R"({"type":"allocation","agency":"csc1","worker":"Jo","at":"2024-03-01","by":"csc1"})",
       "allocation.child", "missing"},
      {"AllocationPhoneWithLetters",
       R"({"type":"allocation","child":"c1","agency":"csc1","worker":"Jo","phone":"call reception","at":"2024-03-01","by":"csc1"})",
       "allocation.phone",
       R"(expected a telephone number: 7 to 15 digits, with spaces, hyphens or brackets and an optional leading +; got "call reception")"},
      {"AllocationPhoneTooShort",
       R"({"type":"allocation","child":"c1","agency":"csc1","worker":"Jo","phone":"0208","at":"2024-03-01","by":"csc1"})",
       "allocation.phone", R"(expected a telephone number: 7 to 15 digits)"},
      {"AllocationPhonePlusInside",
       R"({"type":"allocation","child":"c1","agency":"csc1","worker":"Jo","phone":"020+79460311","at":"2024-03-01","by":"csc1"})",
       "allocation.phone", R"(expected a telephone number)"},
      {"AllocationEmailWithoutAt",
       R"({"type":"allocation","child":"c1","agency":"csc1","worker":"Jo","email":"jo.csc.example.org","at":"2024-03-01","by":"csc1"})",
       "allocation.email",
       R"(expected an email address such as name@agency.gov.uk; got "jo.csc.example.org")"},
      {"AllocationEmailWithoutDomainDot",
       R"({"type":"allocation","child":"c1","agency":"csc1","worker":"Jo","email":"jo@localhost","at":"2024-03-01","by":"csc1"})",
       "allocation.email", "expected an email address"},
      {"AllocationEmailWithSpace",
       R"({"type":"allocation","child":"c1","agency":"csc1","worker":"Jo","email":"jo bloggs@csc.example.org","at":"2024-03-01","by":"csc1"})",
       "allocation.email", "expected an email address"},
      {"AllocationUnknownField",
       R"({"type":"allocation","child":"c1","agency":"csc1","worker":"Jo","mobile":"07700900123","at":"2024-03-01","by":"csc1"})",
       "allocation.mobile", "child, agency, worker, phone, email"},
      {"CircumstancesWithoutAny",
       R"({"type":"circumstances","person":"m1","at":"2024-03-01","by":"csc1"})",
       "circumstances.housing",
       "missing; expected at least one of: housing, income, immigration, health"},
      // Areas and addresses.
      {"UnknownGssCode",
       R"({"type":"agency","id":"sch1","name":"X","kind":"school","area":"E09999999","at":"2024-03-01"})",
       "agency.area",
       R"(no local-authority area has the GSS code "E09999999"; expected the GSS code)"},
      {"MalformedGssCode",
       R"({"type":"agency","id":"sch1","name":"X","kind":"school","area":"Westminster","at":"2024-03-01"})",
       "agency.area",
       R"(expected the GSS code of a local-authority area (E or W and 8 digits, e.g. E09000033); got "Westminster")"},
      {"ScottishGssCode",
       R"({"type":"address","persons":["m1"],"address":{"line1":"1 High St","town":"Glasgow","postcode":"G1 1AA","area":"S12000049"},"at":"2024-03-01","by":"gp1"})",
       "address.address.area", "expected the GSS code of a local-authority area"},
      {"BadPostcode",
       R"({"type":"premises","address":{"line1":"1 Canal Walk","town":"London","postcode":"W2 1A","area":"E09000033"},"kind":"office","at":"2024-03-01"})",
       "premises.address.postcode", R"(expected a UK postcode such as SW1A 1AA; got "W2 1A")"},
      {"AddressWithoutTown",
       R"({"type":"found","child":"c1","address":{"line1":"1 Canal Walk","postcode":"W2 1AA","area":"E09000033"},"at":"2024-03-01","by":"csc1"})",
       "found.address.town", "missing; expected a string"},
      {"AddressNotAnObject",
       R"({"type":"found","child":"c1","address":"1 Canal Walk","at":"2024-03-01","by":"csc1"})",
       "found.address", R"(expected an address object; got "1 Canal Walk")"},
      {"BadAddressKind",
       R"({"type":"found","child":"c1","address":{"kind":"nfa"},"at":"2024-03-01","by":"csc1"})",
       "found.address.kind",
       R"(expected one of: residential, temporary, no_fixed_abode, unknown; got "nfa")"},
      // References.
      {"UnknownPerson", R"({"type":"death","person":"p9","at":"2024-03-01","by":"gp1"})",
       "death.person", R"(no person with id "p9" before this line)"},
      {"UnknownPersonInList",
       R"({"type":"notification","from":"csc1","to":"csc2","subject":"concern","persons":["m1","p9"],"at":"2024-03-01","by":"csc1"})",
       "notification.persons", R"(no person with id "p9" before this line)"},
      {"UnknownAgency",
       R"({"type":"records_transfer","child":"c1","from":"gp1","to":"gp9","accessed":false,"at":"2024-03-01","by":"gp1"})",
       "records_transfer.to", R"(no agency with id "gp9" before this line)"},
      {"UnknownParentAgency",
       R"({"type":"agency","id":"sch1","name":"X","kind":"school","area":"E09000033","parent":"la9","at":"2024-03-01"})",
       "agency.parent", R"(no agency with id "la9" before this line)"},
      {"UnknownParticipant",
       R"({"type":"conference","child":"c1","kind":"initial","participants":["csc1","pol9"],"decision":"cp_plan","at":"2024-03-01","by":"csc1"})",
       "conference.participants", R"(no agency with id "pol9" before this line)"},
      {"UnknownReferral",
       R"({"type":"referral_outcome","referral":"ref-9","outcome":"assessment","at":"2024-03-01","by":"csc1"})",
       "referral_outcome.referral", R"(no referral with id "ref-9" before this line)"},
      {"UnknownAssessment",
       R"({"type":"assessment_completed","assessment":"as-9","outcome":"early_help","at":"2024-03-01","by":"csc1"})",
       "assessment_completed.assessment", R"(no assessment with id "as-9" before this line)"},
      {"UnknownPlan", R"({"type":"plan_ended","plan":"plan-9","at":"2024-03-01","by":"csc1"})",
       "plan_ended.plan", R"(no plan with id "plan-9" before this line)"},
      {"UnknownTransfer",
       R"({"type":"transfer_accepted","transfer":"tr-9","child_seen":true,"at":"2024-03-01","by":"csc2"})",
       "transfer_accepted.transfer", R"(no transfer with id "tr-9" before this line)"},
      {"ReferenceToWrongKind",
       R"({"type":"referral_outcome","referral":"plan-1","outcome":"assessment","at":"2024-03-01","by":"csc1"})",
       "referral_outcome.referral",
       R"("plan-1" is the id of a plan_started (line 13); expected a referral id)"},
      {"EmptyReference", R"({"type":"plan_ended","plan":"","at":"2024-03-01","by":"csc1"})",
       "plan_ended.plan", "expected a plan id; got an empty string"},
      // Rules between fields.
      {"S47OfOtherKind",
       R"({"type":"s47_concluded","assessment":"as-neg","outcome":"icpc","at":"2024-03-01","by":"csc1"})",
       "s47_concluded.assessment",
       R"(assessment "as-neg" is a neglect assessment; expected an s47 assessment)"},
      {"ProfileOfOtherKind",
       R"({"type":"assessment_completed","assessment":"as-cf","outcome":"early_help","profile":{"safety":2},"at":"2024-03-01","by":"csc1"})",
       "assessment_completed.profile",
       R"(expected only for a neglect assessment; "as-cf" is a child_and_family assessment)"},
      {"ProfileGradeOutOfRange",
       R"({"type":"assessment_completed","assessment":"as-neg","outcome":"early_help","profile":{"safety":6},"at":"2024-03-01","by":"csc1"})",
       "assessment_completed.profile.safety", "expected a grade from 1 to 5; got 6"},
      {"ProfileDomainNotSnakeCase",
       R"({"type":"assessment_completed","assessment":"as-neg","outcome":"early_help","profile":{"Physical care":2},"at":"2024-03-01","by":"csc1"})",
       "assessment_completed.profile.Physical care",
       "expected a domain name in snake_case, e.g. physical_care"},
      {"RegistrationAtNonGp",
       R"({"type":"registration","child":"c1","agency":"hv1","at":"2024-03-01","by":"hv1"})",
       "registration.agency",
       R"(agency "hv1" is a health_visiting agency; expected a gp_practice)"},
      {"DeregistrationAtNonGp",
       R"({"type":"deregistration","child":"c1","agency":"csc1","reason":"moved","at":"2024-03-01","by":"csc1"})",
       "deregistration.agency", "expected a gp_practice"},
      {"RegistrationOfChildAndPerson",
       R"({"type":"registration","child":"c1","person":"m1","agency":"gp1","at":"2024-03-01","by":"gp1"})",
       "registration.person", "expected either child or person, not both"},
      {"RegistrationOfNobody",
       R"({"type":"registration","agency":"gp1","at":"2024-03-01","by":"gp1"})",
       "registration.child", "missing; expected a person id in child (or in person)"},
      {"OutcomeToWithoutPassing", R"({"type":"referral_outcome","referral":"ref-1","outcome":"assessment","to":"csc2","at":"2024-03-01","by":"csc1"})",
       "referral_outcome.to",
       "not with outcome assessment; expected only with outcome passed_to or signposted"},
      {"HealthVisitingStatusToSocialCare",
       R"({"type":"transfer","id":"tr-2","child":"c1","from":"hv1","to":"csc2","status":"universal","at":"2024-03-01","by":"hv1"})",
       "transfer.status",
       "status universal does not fit a transfer to a childrens_social_care agency; expected one "
       "of: welfare_check, child_in_need, incomplete_assessment, incomplete_s47, child_protection"},
      {"SocialCareStatusToHealthVisiting",
       R"({"type":"transfer","id":"tr-2","child":"c1","from":"csc1","to":"hv1","status":"child_protection","at":"2024-03-01","by":"csc1"})",
       "transfer.status",
       "status child_protection does not fit a transfer to a health_visiting agency; expected "
       "one of: universal, enhanced"},
  };
  return cases;
}

class FaultTest : public ::testing::TestWithParam<FaultCase> {};

TEST_P(FaultTest, NamesTheFieldAndWhatWasExpected) {
  PrimedParser parser;
  const FaultCase& c = GetParam();
  EXPECT_FALSE(parser.parse(c.line).has_value());
  ASSERT_EQ(parser.faults().size(), 1u) << describe(parser.faults());
  const Fault& fault = parser.faults().front();
  EXPECT_EQ(fault.line, parser.line());
  EXPECT_EQ(fault.field, c.field);
  EXPECT_NE(fault.message.find(c.message), std::string::npos)
      << "message: " << fault.message << "\nexpected to contain: " << c.message;
}

INSTANTIATE_TEST_SUITE_P(EveryKind, FaultTest, ::testing::ValuesIn(fault_cases()),
                         [](const ::testing::TestParamInfo<FaultCase>& param) {
                           return param.param.name;
                         });

TEST(FaultTest, CollectsEveryFaultOfALine) {
  PrimedParser parser;
  EXPECT_FALSE(parser.parse(
      R"({"v":3,"type":"contact","persons":["c1","p9"],"mode":"visit","child_seen":"yes","at":"2024-02-30","by":"gp9","colour":"red"})"));
  std::set<std::string> fields;
  for (const Fault& f : parser.faults()) fields.insert(f.field);
  EXPECT_EQ(fields,
            (std::set<std::string>{"v", "at", "by", "contact.persons", "contact.mode",
                                   "contact.child_seen", "contact.outcome", "contact.colour"}))
      << describe(parser.faults());
  EXPECT_EQ(parser.faults().size(), fields.size());
}

TEST(FaultTest, UnknownTypeStillChecksTheEnvelope) {
  PrimedParser parser;
  EXPECT_FALSE(parser.parse(R"({"type":"visit","child":"c1","at":"2024-13-01","by":"gp9"})"));
  std::set<std::string> fields;
  for (const Fault& f : parser.faults()) fields.insert(f.field);
  // The body of an unknown type cannot be judged, so `child` is not an unknown field.
  EXPECT_EQ(fields, (std::set<std::string>{"type", "at", "by"})) << describe(parser.faults());
}

TEST(FaultTest, AddressWithoutPlaceIsOneFaultPerField) {
  PrimedParser parser;
  EXPECT_FALSE(parser.parse(
      R"({"type":"address","persons":["m1"],"address":{},"at":"2024-03-01","by":"gp1"})"));
  std::set<std::string> fields;
  for (const Fault& f : parser.faults()) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"address.address.line1", "address.address.town",
                                           "address.address.postcode", "address.address.area"}))
      << describe(parser.faults());
}

// ----- envelope details -----

TEST(EnvelopeTest, SkipsBlankLinesSilently) {
  FeedParser parser;
  std::vector<Fault> faults;
  for (const std::string_view blank : {"", "   ", "\t\r\n", "\r"}) {
    EXPECT_FALSE(parser.parse_line(blank, 1, faults).has_value());
  }
  EXPECT_TRUE(faults.empty()) << describe(faults);
}

TEST(EnvelopeTest, RecordedDefaultsToAtAndMayBeLater) {
  PrimedParser parser;
  const std::optional<Event> plain =
      parser.parse(R"({"type":"death","person":"f1","at":"2024-03-01T10:15","by":"gp1"})");
  ASSERT_TRUE(plain.has_value()) << describe(parser.faults());
  EXPECT_EQ(plain->at.to_string(), "2024-03-01T10:15:00");
  EXPECT_EQ(plain->recorded, plain->at);
  EXPECT_EQ(plain->by, "gp1");

  const std::optional<Event> late = parser.parse(
      R"({"v":1,"type":"death","person":"m1","at":"2024-03-01","recorded":"2024-03-05T08:00","by":"gp1","note":"Late entry"})");
  ASSERT_TRUE(late.has_value()) << describe(parser.faults());
  EXPECT_EQ(late->recorded.to_string(), "2024-03-05T08:00:00");
  EXPECT_EQ(late->note, "Late entry");
}

TEST(EnvelopeTest, BareDateComparesByDayOnly) {
  PrimedParser parser;
  // 09:00 on the day of `at` is not before a bare-date `at` (noon by default).
  EXPECT_TRUE(parser.parse(
      R"({"type":"death","person":"f1","at":"2024-03-01","recorded":"2024-03-01T09:00","by":"gp1"})"));
  EXPECT_TRUE(parser.parse(
      R"({"type":"death","person":"m1","at":"2024-03-01T18:00","recorded":"2024-03-01","by":"gp1"})"));
  EXPECT_TRUE(parser.faults().empty()) << describe(parser.faults());
}

TEST(EnvelopeTest, ReferenceLinesMayNameTheirReporter) {
  PrimedParser parser;
  EXPECT_TRUE(parser.parse(
      R"({"type":"agency","id":"sch1","name":"Hill School","kind":"school","area":"W06000015","at":"2024-03-01","by":"csc1"})"));
  EXPECT_TRUE(parser.parse(
      R"({"type":"premises","address":{"line1":"2 Dock St","town":"Cardiff","postcode":"CF10 1AA","area":"W06000015"},"kind":"business","at":"2024-03-01"})"));
  EXPECT_TRUE(parser.faults().empty()) << describe(parser.faults());
}

TEST(EnvelopeTest, PersonUpdateNeedsNoName) {
  PrimedParser parser;
  const std::optional<Event> event = parser.parse(
      R"({"type":"person","id":"c1","dob":"2024-05-28","at":"2024-05-29","by":"mw1"})");
  ASSERT_TRUE(event.has_value()) << describe(parser.faults());
  EXPECT_EQ(event->as<PersonEvent>().given, "");
  EXPECT_EQ(event->as<PersonEvent>().dob, Date::from_ymd(2024, 5, 28));
}

TEST(EnvelopeTest, PersonIdsAreTheirOwnNamespace) {
  PrimedParser parser;
  // "csc1" is an agency id; as a person id it is new, not a duplicate.
  EXPECT_TRUE(parser.parse(
      R"({"type":"person","id":"csc1","given":"Cy","family":"Sc","at":"2024-03-01","by":"gp1"})"));
  EXPECT_TRUE(parser.faults().empty()) << describe(parser.faults());
}

TEST(EnvelopeTest, ALineCannotReferToItself) {
  PrimedParser parser;
  EXPECT_FALSE(parser.parse(
      R"({"type":"agency","id":"la1","name":"X","kind":"legal","area":"E09000033","parent":"la1","at":"2024-03-01"})"));
  ASSERT_EQ(parser.faults().size(), 1u) << describe(parser.faults());
  EXPECT_EQ(parser.faults()[0].field, "agency.parent");
}

// ----- the numbers of the ids a line names -----

TEST(ResolvedIdsTest, NumbersEveryIdTheLineNamesOrDefinesInOrderOfDefinition) {
  PrimedParser parser;
  ASSERT_TRUE(parser.parse(
      R"({"type":"referral","id":"ref-2","child":"c1","mother":"m1","from":"mw1","to":"csc1","concerns":[],"at":"2024-03-01","by":"hv1"})"))
      << describe(parser.faults());
  const ResolvedIds ids = parser.resolved_ids();
  const auto number = [&](IdSpace space, std::string_view id) {
    const ResolvedId* r = ids.find(space, id);
    return r == nullptr ? std::optional<std::uint32_t>() : r->number;
  };
  // Persons of kPreamble: m1, c1 (the pregnancy's child), f1.
  EXPECT_EQ(number(IdSpace::kPerson, "m1"), 0u);
  EXPECT_EQ(number(IdSpace::kPerson, "c1"), 1u);
  // Agencies: gp1, hv1, csc1, csc2, mw1. Event ids are not resolved.
  EXPECT_EQ(number(IdSpace::kAgency, "hv1"), 1u);
  EXPECT_EQ(number(IdSpace::kAgency, "csc1"), 2u);
  EXPECT_EQ(number(IdSpace::kAgency, "mw1"), 4u);
  EXPECT_EQ(number(IdSpace::kAgency, "ref-2"), std::nullopt);
  EXPECT_EQ(number(IdSpace::kPerson, "csc1"), std::nullopt);
  EXPECT_EQ(number(IdSpace::kAgency, "c1"), std::nullopt);

  const void* source = ids.source;
  ASSERT_TRUE(parser.parse(
      R"({"type":"person","id":"p9","given":"Di","family":"Ng","at":"2024-03-01","by":"gp1"})"));
  EXPECT_EQ(parser.resolved_ids().source, source);
  EXPECT_EQ(parser.resolved_ids().find(IdSpace::kPerson, "p9")->number, 3u);
  EXPECT_EQ(parser.resolved_ids().find(IdSpace::kAgency, "gp1")->number, 0u);
  EXPECT_NE(PrimedParser().resolved_ids().source, source);
}

// ----- whole feeds -----

TEST(FeedTest, EveryTypeFixtureIsValid) {
  const std::string text = read_file(test_data("feeds/every-type.jsonl"));
  ASSERT_FALSE(text.empty());
  const ParsedFeed feed = parse_feed(text);
  EXPECT_TRUE(feed.faults.empty()) << describe(feed.faults);
  std::set<EventType> types;
  for (const Event& e : feed.events) types.insert(e.type);
  EXPECT_EQ(types.size(), static_cast<std::size_t>(kEventTypeCount));
  EXPECT_EQ(feed.events.size(), 47u);  // 48 lines, one blank
  EXPECT_EQ(feed.events.back().line, 48);
}

TEST(FeedTest, ReportsEachFaultyLine) {
  const std::string text = read_file(test_data("feeds/faults.jsonl"));
  ASSERT_FALSE(text.empty());
  const ParsedFeed feed = parse_feed(text);
  std::vector<std::string> lines;
  for (const Fault& f : feed.faults) lines.push_back(f.to_string());
  const std::vector<std::string> expected = {
      "line 6: referral.concerns: expected a list of names, each one of: poor_weight_gain, "
      "inadequate_food, poor_hygiene, no_baby_equipment, unsafe_sleeping, "
      "missed_health_appointments, untreated_injury, unexplained_injury, parental_illness, "
      "homelessness, street_homeless, transience, unsuitable_accommodation, destitution, "
      "no_recourse_to_public_funds, non_cooperation, avoidant, hidden_adult, domestic_abuse, "
      "parental_mental_health, parental_substance_misuse, emotional_neglect, "
      "inadequate_supervision, pregnancy, other; got \"neglect\"",
      "line 8: referral_outcome.referral: no referral with id \"ref-9\" before this line",
      "line 9: at: no such date or time: \"2024-02-30\"; expected a date YYYY-MM-DD or "
      "date-time YYYY-MM-DDTHH:MM[:SS]",
      "line 9: by: no agency with id \"csc9\" before this line",
      "line 9: contact.mode: expected one of: home_visit, clinic, drop_in, office, hospital, "
      "phone, sms, letter, video; got \"home visit\"",
      "line 9: contact.child_seen: expected true or false; got \"yes\"",
      "line 9: contact.colour: unknown field; contact has: persons, mode, child_seen, outcome, "
      "address; "
      "every line may also have: id, v, type, at, recorded, by, note",
      "line 10: (json): expected one JSON object on the line; The JSON document has an "
      "improper structure: missing or superfluous commas, braces, missing keys, etc.",
  };
  EXPECT_EQ(lines, expected);
  // Line 7 refers to the faulty referral of line 6, which still reserved its id.
  EXPECT_EQ(feed.events.size(), 6u);
  EXPECT_EQ(feed.events.back().line, 11);
}

// ----- ids from the store -----

class FakeStore : public KnownIds {
 public:
  bool has_person(std::string_view person_id) const override {
    return persons.count(std::string(person_id)) > 0;
  }
  std::optional<IdInfo> find(std::string_view id) const override {
    const auto it = ids.find(std::string(id));
    if (it == ids.end()) return std::nullopt;
    return it->second;
  }

  std::set<std::string> persons = {"s-child", "s-mother"};
  std::map<std::string, IdInfo> ids = {
      {"s-gp", {IdKind::kAgency, EventType::kAgency, std::nullopt, AgencyKind::kGpPractice}},
      {"s-csc",
       {IdKind::kAgency, EventType::kAgency, std::nullopt, AgencyKind::kChildrensSocialCare}},
      {"s-ref", {IdKind::kReferral, EventType::kReferral, std::nullopt, std::nullopt}},
      {"s-neg",
       {IdKind::kAssessment, EventType::kAssessmentStarted, AssessmentKind::kNeglect,
        std::nullopt}},
      {"s-contact", {IdKind::kOtherEvent, EventType::kContact, std::nullopt, std::nullopt}},
  };
};

TEST(StoreTest, ReferencesToStoredIdsAreValid) {
  const FakeStore store;
  PrimedParser parser(&store);
  EXPECT_TRUE(parser.parse(
      R"({"type":"registration","child":"s-child","agency":"s-gp","at":"2024-03-01","by":"s-gp"})"));
  EXPECT_TRUE(parser.parse(
      R"({"type":"referral_outcome","referral":"s-ref","outcome":"signposted","to":"s-csc","at":"2024-03-01","by":"s-csc"})"));
  EXPECT_TRUE(parser.parse(
      R"({"type":"assessment_completed","assessment":"s-neg","outcome":"early_help","profile":{"safety":4},"at":"2024-03-01","by":"s-csc"})"));
  // A stored person is an update: no name needed.
  EXPECT_TRUE(
      parser.parse(R"({"type":"person","id":"s-mother","sex":"F","at":"2024-03-01","by":"s-gp"})"));
  EXPECT_TRUE(parser.faults().empty()) << describe(parser.faults());
}

TEST(StoreTest, StoredIdsAreDuplicates) {
  const FakeStore store;
  PrimedParser parser(&store);
  EXPECT_FALSE(parser.parse(
      R"({"type":"contact","id":"s-contact","persons":["s-child"],"mode":"sms","child_seen":false,"outcome":"no_answer","at":"2024-03-01","by":"s-gp"})"));
  EXPECT_FALSE(parser.parse(
      R"({"type":"agency","id":"s-gp","name":"X","kind":"gp_practice","area":"E09000033","at":"2024-03-01"})"));
  ASSERT_EQ(parser.faults().size(), 2u) << describe(parser.faults());
  EXPECT_EQ(parser.faults()[0].field, "id");
  EXPECT_EQ(
      parser.faults()[0].message,
      R"("s-contact" is already the id of a contact in the store; expected an id not used before)");
  EXPECT_EQ(
      parser.faults()[1].message,
      R"("s-gp" is already the id of an agency in the store; expected an id not used before)");
}

TEST(StoreTest, StoredKindsAreChecked) {
  const FakeStore store;
  PrimedParser parser(&store);
  EXPECT_FALSE(parser.parse(
      R"({"type":"s47_concluded","assessment":"s-neg","outcome":"icpc","at":"2024-03-01","by":"s-csc"})"));
  EXPECT_FALSE(parser.parse(
      R"({"type":"registration","child":"s-child","agency":"s-csc","at":"2024-03-01","by":"s-csc"})"));
  EXPECT_FALSE(
      parser.parse(R"({"type":"plan_ended","plan":"s-contact","at":"2024-03-01","by":"s-csc"})"));
  ASSERT_EQ(parser.faults().size(), 3u) << describe(parser.faults());
  EXPECT_EQ(parser.faults()[0].field, "s47_concluded.assessment");
  EXPECT_EQ(parser.faults()[1].field, "registration.agency");
  EXPECT_EQ(parser.faults()[2].message,
            R"("s-contact" is the id of a contact (in the store); expected a plan id)");
}

TEST(StoreTest, FeedIdsShadowNothingInTheStore) {
  const FakeStore store;
  FeedParser parser(&store);
  std::vector<Fault> faults;
  // Without the preamble, only the store's ids exist.
  EXPECT_TRUE(parser.parse_line(
      R"({"type":"death","person":"s-mother","at":"2024-03-01","by":"s-gp"})", 1, faults));
  EXPECT_FALSE(parser.parse_line(R"({"type":"death","person":"m1","at":"2024-03-01","by":"gp1"})",
                                 2, faults));
  EXPECT_EQ(faults.size(), 2u) << describe(faults);
}

// ----- a faulty line still reserves its ids -----

TEST(ReservationTest, FaultyLineReservesButYieldsNoEvent) {
  PrimedParser parser;
  // Faulty: an unknown concern. Its id ref-2 is still taken...
  EXPECT_FALSE(parser.parse(
      R"({"type":"referral","id":"ref-2","child":"c1","from":"mw1","to":"csc1","concerns":["neglect"],"at":"2024-03-01","by":"mw1"})"));
  ASSERT_EQ(parser.faults().size(), 1u) << describe(parser.faults());
  // ... so a reference to it is not a second fault, and a reuse is a duplicate.
  EXPECT_TRUE(parser.parse(
      R"({"type":"referral_outcome","referral":"ref-2","outcome":"no_further_action","at":"2024-03-02","by":"csc1"})"));
  EXPECT_EQ(parser.faults().size(), 1u) << describe(parser.faults());
  EXPECT_FALSE(parser.parse(
      R"({"type":"contact","id":"ref-2","persons":["c1"],"mode":"sms","child_seen":false,"outcome":"no_answer","at":"2024-03-01","by":"hv1"})"));
  ASSERT_EQ(parser.faults().size(), 2u) << describe(parser.faults());
  EXPECT_EQ(parser.faults()[1].field, "id");
}

TEST(ReservationTest, FaultyPersonAndPregnancyDefinePersons) {
  PrimedParser parser;
  EXPECT_FALSE(
      parser.parse(R"({"type":"person","id":"p2","given":"Dee","at":"2024-03-01","by":"gp1"})"));
  EXPECT_FALSE(parser.parse(
      R"({"type":"pregnancy","mother":"p2","child":"c2","edd":"2024-02-30","at":"2024-03-01","by":"mw1"})"));
  EXPECT_EQ(parser.faults().size(), 2u) << describe(parser.faults());
  EXPECT_TRUE(parser.parse(
      R"({"type":"contact","persons":["p2","c2"],"mode":"clinic","child_seen":true,"outcome":"seen","at":"2024-03-02","by":"mw1"})"));
  EXPECT_EQ(parser.faults().size(), 2u) << describe(parser.faults());
}

TEST(ReservationTest, FaultyAgencyKeepsItsKindWhenValid) {
  PrimedParser parser;
  // Bad area, but a valid kind: registrations there are judged by that kind.
  EXPECT_FALSE(parser.parse(
      R"({"type":"agency","id":"hv2","name":"X","kind":"health_visiting","area":"E00000000","at":"2024-03-01"})"));
  EXPECT_FALSE(parser.parse(
      R"({"type":"registration","child":"c1","agency":"hv2","at":"2024-03-02","by":"hv2"})"));
  ASSERT_EQ(parser.faults().size(), 2u) << describe(parser.faults());
  EXPECT_EQ(parser.faults()[1].field, "registration.agency");
  // Bad kind: nothing is known of it, so nothing more is claimed.
  EXPECT_FALSE(parser.parse(
      R"({"type":"agency","id":"x1","name":"X","kind":"surgery","area":"E09000033","at":"2024-03-01"})"));
  EXPECT_TRUE(parser.parse(
      R"({"type":"registration","child":"c1","agency":"x1","at":"2024-03-02","by":"x1"})"));
  EXPECT_EQ(parser.faults().size(), 3u) << describe(parser.faults());
}

TEST(ReservationTest, MisspeltTypeReservesItsIdForAnyUse) {
  PrimedParser parser;
  EXPECT_FALSE(
      parser.parse(R"({"type":"referal","id":"ref-3","child":"c1","at":"2024-03-01","by":"mw1"})"));
  EXPECT_TRUE(parser.parse(
      R"({"type":"referral_outcome","referral":"ref-3","outcome":"assessment","at":"2024-03-02","by":"csc1"})"));
  EXPECT_FALSE(parser.parse(R"({"type":"persn","id":"p3","at":"2024-03-01","by":"gp1"})"));
  EXPECT_TRUE(parser.parse(R"({"type":"death","person":"p3","at":"2024-03-02","by":"gp1"})"));
  EXPECT_EQ(parser.faults().size(), 2u) << describe(parser.faults());
}

TEST(ReservationTest, BrokenLineReservesTheIdsItPlainlyNames) {
  PrimedParser parser;
  EXPECT_FALSE(parser.parse(R"({"type":"agency", "id" : "gp2","name":"X","kind":"gp_pr)"));
  EXPECT_FALSE(parser.parse(R"({"type":"pregnancy","child":"c2","mother":"m1",,})"));
  EXPECT_TRUE(parser.parse(
      R"({"type":"registration","child":"c2","agency":"gp2","at":"2024-03-02","by":"gp2"})"));
  ASSERT_EQ(parser.faults().size(), 2u) << describe(parser.faults());
  EXPECT_EQ(parser.faults()[0].field, "(json)");
  EXPECT_EQ(parser.faults()[1].field, "(json)");
}

TEST(ReservationTest, BrokenLineWithoutPlainIdsReservesNothing) {
  PrimedParser parser;
  EXPECT_FALSE(parser.parse(R"({"type":"plan_started","id":"plan-2)"));
  EXPECT_FALSE(parser.parse(R"({"type":"plan_started","id":"plan\u002d3",)"));
  EXPECT_FALSE(parser.parse(R"({"type":"plan_started","plan-4":"id",)"));
  for (const char* plan : {"plan-2", "plan-3", "plan-4"}) {
    EXPECT_FALSE(parser.parse(std::string(R"({"type":"plan_ended","plan":")") + plan +
                              R"(","at":"2024-03-02","by":"csc1"})"));
    EXPECT_EQ(parser.faults().back().field, "plan_ended.plan") << plan;
  }
  EXPECT_EQ(parser.faults().size(), 6u) << describe(parser.faults());
}

}  // namespace
}  // namespace sightline
