// The typed form of one events-v1 line (docs/events-v1.md).
//
// An Event is what the parser hands on once a line has passed validation: every
// enum is one of the values the format allows, every required field is present,
// and every id it refers to was defined on an earlier line (or in the store).
// The original line is kept verbatim in `json`, so the chronology can show
// exactly what an agency sent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.h"

namespace sightline {

using Id = std::string;  // person, agency or event id, as chosen by the feed

enum class EventType : std::uint8_t {
  kAgency,
  kPremises,
  kPerson,
  kPregnancy,
  kBirth,
  kRelationship,
  kCircumstances,
  kDeath,
  kAddress,
  kWhereaboutsUnknown,
  kMissing,
  kFound,
  kClaim,
  kRegistration,
  kDeregistration,
  kHvLevel,
  kAppointment,
  kMedical,
  kRecordsTransfer,
  kContact,
  kReferral,
  kReferralOutcome,
  kIndicator,
  kNotification,
  kAssessmentStarted,
  kAssessmentCompleted,
  kStrategyDiscussion,
  kS47Concluded,
  kConference,
  kPlanStarted,
  kPlanEnded,
  kTransfer,
  kTransferAccepted,
  kTransferDeclined,
  kCaseClosed,
  kOptionsReview,
  kAllocation,
};
inline constexpr int kEventTypeCount = static_cast<int>(EventType::kAllocation) + 1;

enum class AgencyKind : std::uint8_t {
  kGpPractice,
  kHealthVisiting,
  kMidwifery,
  kHospital,
  kPaediatrics,
  kChildrensSocialCare,
  kAdultSocialCare,
  kHousing,
  kPolice,
  kAmbulance,
  kSchool,
  kEarlyYears,
  kVoluntary,
  kLegal,
  kSafeguardingPartnership,
};
// gp_practice, health_visiting, midwifery, hospital, paediatrics.
bool is_health_agency(AgencyKind kind);

enum class PremisesKind : std::uint8_t {
  kDayCentre,
  kHostel,
  kOffice,
  kHospital,
  kBusiness,
  kResidential
};
enum class AddressKind : std::uint8_t { kResidential, kTemporary, kNoFixedAbode, kUnknown };
enum class Sex : std::uint8_t { kF, kM, kX };
enum class RelationshipRole : std::uint8_t {
  kMother,
  kFather,
  kCarer,
  kPartner,
  kGrandparent,
  kSibling
};
enum class Housing : std::uint8_t { kSettled, kTemporary, kSofaSurfing, kStreetHomeless, kUnknown };
enum class Income : std::uint8_t { kEarned, kBenefits, kNone, kUnknown };
enum class Immigration : std::uint8_t {
  kCitizen,
  kSettled,
  kEeaNoWorkHistory,
  kNrpf,
  kOverstayer,
  kUnknown
};
enum class AddressNotice : std::uint8_t { kPlanned, kWithoutNotice, kReportedByOther };
enum class MissingAlert : std::uint8_t {
  kNationalMissingChild,
  kPoliceMissingPerson,
  kChildrenMissingEducation
};
enum class ClaimKind : std::uint8_t { kAbroad, kWithRelatives, kMovedArea, kOther };
enum class DeregistrationReason : std::uint8_t { kMoved, kLeftCountry, kNotFound, kOther };
enum class HvLevel : std::uint8_t { kUniversal, kUniversalPlus, kPartnershipPlus };
enum class AppointmentKind : std::uint8_t {
  kImmunisation,
  kNewBirthVisit,
  kReview68Week,
  kReview1Year,
  kReview2Year,
  kPaediatric,
  kOther,
};
enum class AppointmentOutcome : std::uint8_t { kAttended, kWasNotBrought, kCancelled };
enum class Concern : std::uint8_t { kNone, kSome, kSignificant };
enum class ContactMode : std::uint8_t {
  kHomeVisit,
  kClinic,
  kDropIn,
  kOffice,
  kHospital,
  kPhone,
  kSms,
  kLetter,
  kVideo,
};
enum class ContactOutcome : std::uint8_t { kSeen, kNoAnswer, kNoAccess, kNotAtAddress, kDeclined };
enum class ReferralOutcomeKind : std::uint8_t {
  kAssessment,
  kStrategyDiscussion,
  kSignposted,
  kPassedTo,
  kNoFurtherAction,
};
enum class IndicatorStatus : std::uint8_t { kPresent, kResolved };
enum class NotificationSubject : std::uint8_t {
  kOutOfAreaPlacement,
  kMoveIn,
  kGpRegistration,
  kBirth,
  kConcern,
};
enum class AssessmentKind : std::uint8_t {
  kChildAndFamily,
  kPreBirth,
  kS47,
  kNeglect,
  kAdultNeeds
};
enum class AssessmentOutcome : std::uint8_t {
  kNoFurtherAction,
  kChildInNeed,
  kChildProtection,
  kEarlyHelp
};
enum class DiscussionFormat : std::uint8_t { kMeeting, kTelephone, kVideo };
enum class StrategyDecision : std::uint8_t { kS47SingleAgency, kS47Joint, kNoS47, kReview };
enum class S47Outcome : std::uint8_t { kNotSubstantiated, kSubstantiatedNoIcpc, kIcpc };
enum class ConferenceKind : std::uint8_t { kInitial, kReview, kTransferIn };
enum class ConferenceDecision : std::uint8_t { kCpPlan, kNoPlan, kCinPlan };
enum class PlanKind : std::uint8_t { kChildInNeed, kChildProtection, kLookedAfter };
// Ordered as the catalogue ranks them (C10): a lower value is a weaker status.
enum class TransferStatus : std::uint8_t {
  kWelfareCheck,
  kChildInNeed,
  kIncompleteAssessment,
  kIncompleteS47,
  kChildProtection,
  kUniversal,
  kEnhanced,  // health visiting
};
bool is_health_visiting_status(TransferStatus status);
enum class TransferMode : std::uint8_t { kWritten, kVerbal };
enum class ClosureReason : std::uint8_t {
  kMovedOut,
  kNoFurtherAction,
  kNotFound,
  kTransferred,
  kOther
};
enum class SupportOption : std::uint8_t {
  kS17Support,
  kAdultCareSupport,
  kReturnAssistance,
  kBenefitsIfWorking,
  kSpecialistAdvice,
  kRentDeposit,
};

// The neglect and risk vocabulary (events-v1 "Indicator codes").
enum class Indicator : std::uint8_t {
  kPoorWeightGain,
  kInadequateFood,
  kPoorHygiene,
  kNoBabyEquipment,
  kUnsafeSleeping,
  kMissedHealthAppointments,
  kUntreatedInjury,
  kUnexplainedInjury,
  kParentalIllness,
  kHomelessness,
  kStreetHomeless,
  kTransience,
  kUnsuitableAccommodation,
  kDestitution,
  kNoRecourseToPublicFunds,
  kNonCooperation,
  kAvoidant,
  kHiddenAdult,
  kDomesticAbuse,
  kParentalMentalHealth,
  kParentalSubstanceMisuse,
  kEmotionalNeglect,
  kInadequateSupervision,
  kPregnancy,
  kOther,
};
inline constexpr int kIndicatorCount = static_cast<int>(Indicator::kOther) + 1;
// The seven domains counted by "2+"/"3+" (catalogue C7); `other` is not a domain.
enum class Domain : std::uint8_t {
  kPhysicalCare,
  kHealth,
  kHomeAndStability,
  kMeans,
  kEngagement,
  kParentalFactors,
  kEmotionalAndSupervision,
  kOther,
};
Domain domain_of(Indicator indicator);

struct Address {
  std::string line1, line2, town, postcode, area;  // empty when not given
  AddressKind kind = AddressKind::kResidential;
  // The postcode's letters and digits, upper-cased, plus the first line's
  // words, lower-cased, without punctuation: the key on which two addresses
  // are "the same" (catalogue C6, premises matching; reading R58).
  std::string normalised_key() const;
  // The postcode's letters and digits, upper-cased: "w5 2aa" and "W52AA" are
  // one postcode.
  std::string normalised_postcode() const;
};

struct AgencyEvent {
  std::string name;
  AgencyKind kind;
  std::string area;
  std::optional<Id> parent;
};
struct PremisesEvent {
  Address address;
  PremisesKind kind;
};
// `given`/`family` are empty on an update that does not change them.
struct PersonEvent {
  std::string given, family;
  std::optional<Date> dob;
  std::optional<Sex> sex;
  std::string nhs_number, nationality, language;
  std::optional<bool> interpreter;
  std::vector<std::string> aliases;
};
struct PregnancyEvent {
  Id mother, child;
  Date edd;
};
struct BirthEvent {
  Id child, mother;
  std::optional<Id> place;
  std::optional<int> weight_g;
};
struct RelationshipEvent {
  Id person, other;
  RelationshipRole role;
  std::optional<bool> known_to_professionals;
};
struct CircumstancesEvent {
  Id person;
  std::optional<Housing> housing;
  std::optional<Income> income;
  std::optional<Immigration> immigration;
  std::optional<std::vector<std::string>> health;
};
struct DeathEvent {
  Id person;
};
struct AddressEvent {
  std::vector<Id> persons;
  Address address;
  AddressNotice notice = AddressNotice::kPlanned;
};
struct WhereaboutsUnknownEvent {
  Id child;
  std::optional<Address> last_known;
};
struct MissingEvent {
  Id child;
  MissingAlert alert;
};
struct FoundEvent {
  Id child;
  std::optional<Address> address;
};
struct ClaimEvent {
  Id child;
  ClaimKind claim;
  std::string detail;
  bool verified = false;
};
struct RegistrationEvent {
  Id child;
  Id agency;
};  // `child` or `person` in the feed
struct DeregistrationEvent {
  Id child;
  Id agency;
  DeregistrationReason reason;
};
struct HvLevelEvent {
  Id child;
  HvLevel level;
};
struct AppointmentEvent {
  Id child;
  AppointmentKind kind;
  AppointmentOutcome outcome;
};
struct MedicalEvent {
  Id child;
  std::string findings_json;
  Concern concern;
};
struct RecordsTransferEvent {
  Id child, from, to;
  bool accessed;
};
struct ContactEvent {
  std::vector<Id> persons;
  ContactMode mode;
  bool child_seen;
  ContactOutcome outcome;
  // Where the contact took place (where the child was seen), when recorded:
  // a postcode and an area at least.
  std::optional<Address> address = std::nullopt;
};
struct ReferralEvent {
  Id child;
  std::optional<Id> mother;
  Id from, to;
  std::vector<Indicator> concerns;
};
struct ReferralOutcomeEvent {
  Id referral;
  ReferralOutcomeKind outcome;
  std::optional<Id> to;
};
struct IndicatorEvent {
  Id child;
  Indicator indicator;
  IndicatorStatus status = IndicatorStatus::kPresent;
};
struct NotificationEvent {
  Id from, to;
  NotificationSubject subject;
  std::vector<Id> persons;
};
struct AssessmentStartedEvent {
  Id child;
  AssessmentKind kind;
  Id agency;
};
struct AssessmentCompletedEvent {
  Id assessment;
  AssessmentOutcome outcome;
  std::map<std::string, int> profile;  // domain -> grade 1..5; empty when not given
};
struct StrategyDiscussionEvent {
  Id child;
  DiscussionFormat format;
  std::vector<Id> participants;
  StrategyDecision decision;
};
struct S47ConcludedEvent {
  Id assessment;
  S47Outcome outcome;
};
struct ConferenceEvent {
  Id child;
  ConferenceKind kind;
  std::vector<Id> participants;
  ConferenceDecision decision;
};
struct PlanStartedEvent {
  Id child;
  PlanKind kind;
  Id agency;
};
struct PlanEndedEvent {
  Id plan;
};
struct TransferEvent {
  Id child, from, to;
  TransferStatus status;
  std::string summary;
  std::vector<Indicator> risks;
  TransferMode mode = TransferMode::kWritten;
};
struct TransferAcceptedEvent {
  Id transfer;
  bool child_seen;
};
struct TransferDeclinedEvent {
  Id transfer;
  std::string reason;
};
struct CaseClosedEvent {
  Id child;
  Id agency;
  ClosureReason reason;
};
struct OptionsReviewEvent {
  Id person;
  Id agency;
  std::vector<SupportOption> options;
};
// The named worker of `agency` for `child` from this event on, and how to
// reach them (`phone`, `email`: "" when not given).
struct AllocationEvent {
  Id child;
  Id agency;
  std::string worker;
  std::string phone = {}, email = {};
};

// Alternatives are in EventType order: body.index() == static_cast<size_t>(type).
using EventBody = std::variant<
    AgencyEvent, PremisesEvent, PersonEvent, PregnancyEvent, BirthEvent, RelationshipEvent,
    CircumstancesEvent, DeathEvent, AddressEvent, WhereaboutsUnknownEvent, MissingEvent, FoundEvent,
    ClaimEvent, RegistrationEvent, DeregistrationEvent, HvLevelEvent, AppointmentEvent,
    MedicalEvent, RecordsTransferEvent, ContactEvent, ReferralEvent, ReferralOutcomeEvent,
    IndicatorEvent, NotificationEvent, AssessmentStartedEvent, AssessmentCompletedEvent,
    StrategyDiscussionEvent, S47ConcludedEvent, ConferenceEvent, PlanStartedEvent, PlanEndedEvent,
    TransferEvent, TransferAcceptedEvent, TransferDeclinedEvent, CaseClosedEvent,
    OptionsReviewEvent, AllocationEvent>;

struct Event {
  EventType type = EventType::kAgency;
  std::int64_t line = 0;  // 1-based line in its feed; 0 when it came from elsewhere
  Id id;                  // empty when the line has none; for `agency`/`person` the subject's id
  Timestamp at;
  Timestamp recorded;  // equals `at` when the line did not give it
  Id by;               // empty for `agency` and `premises`
  std::string note;
  std::string json;  // the original line, verbatim
  EventBody body;

  template <class T>
  const T& as() const {
    return std::get<T>(body);
  }
};

// A person an event is about, and in which field it names them.
struct PersonRef {
  std::string_view field;  // "child", "mother", "persons", ...
  const Id* person;
};
// Every person id the event names, in field order (for a `person` event, its own id).
std::vector<PersonRef> persons_named(const Event& event);
// Every agency id the event names: the reporting agency (`by`) first, then the
// agencies its body names (`from`, `to`, `agency`, `place`, `participants`), in
// field order, repeats included. These are the agencies the event makes
// involved with the persons it is about.
std::vector<const Id*> agencies_named(const Event& event);

// Names as they appear in the feed: "referral_outcome", "health_visiting", ...
std::string_view to_string(EventType v);
std::optional<EventType> parse_event_type(std::string_view s);
std::string_view to_string(AgencyKind v);
std::string_view to_string(PremisesKind v);
std::string_view to_string(AddressKind v);
std::string_view to_string(Sex v);
std::string_view to_string(RelationshipRole v);
std::string_view to_string(Housing v);
std::string_view to_string(Income v);
std::string_view to_string(Immigration v);
std::string_view to_string(AddressNotice v);
std::string_view to_string(MissingAlert v);
std::string_view to_string(ClaimKind v);
std::string_view to_string(DeregistrationReason v);
std::string_view to_string(HvLevel v);
std::string_view to_string(AppointmentKind v);
std::string_view to_string(AppointmentOutcome v);
std::string_view to_string(Concern v);
std::string_view to_string(ContactMode v);
std::string_view to_string(ContactOutcome v);
std::string_view to_string(ReferralOutcomeKind v);
std::string_view to_string(IndicatorStatus v);
std::string_view to_string(NotificationSubject v);
std::string_view to_string(AssessmentKind v);
std::string_view to_string(AssessmentOutcome v);
std::string_view to_string(DiscussionFormat v);
std::string_view to_string(StrategyDecision v);
std::string_view to_string(S47Outcome v);
std::string_view to_string(ConferenceKind v);
std::string_view to_string(ConferenceDecision v);
std::string_view to_string(PlanKind v);
std::string_view to_string(TransferStatus v);
std::string_view to_string(TransferMode v);
std::string_view to_string(ClosureReason v);
std::string_view to_string(SupportOption v);
std::string_view to_string(Indicator v);
std::string_view to_string(Domain v);

// Every name of enum E (any enum above, EventType included) in enumerator
// order: names_of<E>()[i] == to_string(static_cast<E>(i)).
template <class E>
std::span<const std::string_view> names_of();

// The reverse of to_string: nullopt for a name the format does not have. Names
// are matched exactly (case and spelling as in events-v1).
template <class E>
std::optional<E> parse_name(std::string_view s) {
  const std::span<const std::string_view> names = names_of<E>();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace sightline
