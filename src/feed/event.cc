#include "feed/event.h"

#include <cctype>
#include <string_view>

namespace sightline {
namespace {

// Overloads so that each body lists its person fields once, whatever their shape.
void add(std::vector<PersonRef>& out, std::string_view field, const Id& id) {
  out.push_back(PersonRef{field, &id});
}
void add(std::vector<PersonRef>& out, std::string_view field, const std::optional<Id>& id) {
  if (id) add(out, field, *id);
}
void add(std::vector<PersonRef>& out, std::string_view field, const std::vector<Id>& ids) {
  for (const Id& id : ids) add(out, field, id);
}

// The person fields of each body, in the order events-v1 lists them. Bodies
// that name no person (agency, premises, referral_outcome, ...) take the
// catch-all overload.
struct PersonFields {
  std::vector<PersonRef>& out;
  const Event& event;

  void operator()(const PersonEvent&) const { add(out, "id", event.id); }
  void operator()(const PregnancyEvent& b) const {
    add(out, "mother", b.mother);
    add(out, "child", b.child);
  }
  void operator()(const BirthEvent& b) const {
    add(out, "child", b.child);
    add(out, "mother", b.mother);
  }
  void operator()(const RelationshipEvent& b) const {
    add(out, "person", b.person);
    add(out, "other", b.other);
  }
  void operator()(const CircumstancesEvent& b) const { add(out, "person", b.person); }
  void operator()(const DeathEvent& b) const { add(out, "person", b.person); }
  void operator()(const AddressEvent& b) const { add(out, "persons", b.persons); }
  void operator()(const WhereaboutsUnknownEvent& b) const { add(out, "child", b.child); }
  void operator()(const MissingEvent& b) const { add(out, "child", b.child); }
  void operator()(const FoundEvent& b) const { add(out, "child", b.child); }
  void operator()(const ClaimEvent& b) const { add(out, "child", b.child); }
  void operator()(const RegistrationEvent& b) const { add(out, "child", b.child); }
  void operator()(const DeregistrationEvent& b) const { add(out, "child", b.child); }
  void operator()(const HvLevelEvent& b) const { add(out, "child", b.child); }
  void operator()(const AppointmentEvent& b) const { add(out, "child", b.child); }
  void operator()(const MedicalEvent& b) const { add(out, "child", b.child); }
  void operator()(const RecordsTransferEvent& b) const { add(out, "child", b.child); }
  void operator()(const ContactEvent& b) const { add(out, "persons", b.persons); }
  void operator()(const ReferralEvent& b) const {
    add(out, "child", b.child);
    add(out, "mother", b.mother);
  }
  void operator()(const IndicatorEvent& b) const { add(out, "child", b.child); }
  void operator()(const NotificationEvent& b) const { add(out, "persons", b.persons); }
  void operator()(const AssessmentStartedEvent& b) const { add(out, "child", b.child); }
  void operator()(const StrategyDiscussionEvent& b) const { add(out, "child", b.child); }
  void operator()(const ConferenceEvent& b) const { add(out, "child", b.child); }
  void operator()(const PlanStartedEvent& b) const { add(out, "child", b.child); }
  void operator()(const TransferEvent& b) const { add(out, "child", b.child); }
  void operator()(const CaseClosedEvent& b) const { add(out, "child", b.child); }
  void operator()(const OptionsReviewEvent& b) const { add(out, "person", b.person); }
  void operator()(const AllocationEvent& b) const { add(out, "child", b.child); }
  template <class Body>
  void operator()(const Body&) const {}
};

void add_agency(std::vector<const Id*>& out, const Id& id) { out.push_back(&id); }
void add_agency(std::vector<const Id*>& out, const std::optional<Id>& id) {
  if (id) out.push_back(&*id);
}
void add_agency(std::vector<const Id*>& out, const std::vector<Id>& ids) {
  for (const Id& id : ids) out.push_back(&id);
}

// The agency fields of each body; bodies that name none take the catch-all.
struct AgencyFields {
  std::vector<const Id*>& out;

  void operator()(const BirthEvent& b) const { add_agency(out, b.place); }
  void operator()(const RegistrationEvent& b) const { add_agency(out, b.agency); }
  void operator()(const DeregistrationEvent& b) const { add_agency(out, b.agency); }
  void operator()(const RecordsTransferEvent& b) const {
    add_agency(out, b.from);
    add_agency(out, b.to);
  }
  void operator()(const ReferralEvent& b) const {
    add_agency(out, b.from);
    add_agency(out, b.to);
  }
  void operator()(const ReferralOutcomeEvent& b) const { add_agency(out, b.to); }
  void operator()(const NotificationEvent& b) const {
    add_agency(out, b.from);
    add_agency(out, b.to);
  }
  void operator()(const AssessmentStartedEvent& b) const { add_agency(out, b.agency); }
  void operator()(const StrategyDiscussionEvent& b) const { add_agency(out, b.participants); }
  void operator()(const ConferenceEvent& b) const { add_agency(out, b.participants); }
  void operator()(const PlanStartedEvent& b) const { add_agency(out, b.agency); }
  void operator()(const TransferEvent& b) const {
    add_agency(out, b.from);
    add_agency(out, b.to);
  }
  void operator()(const CaseClosedEvent& b) const { add_agency(out, b.agency); }
  void operator()(const OptionsReviewEvent& b) const { add_agency(out, b.agency); }
  void operator()(const AllocationEvent& b) const { add_agency(out, b.agency); }
  template <class Body>
  void operator()(const Body&) const {}
};

}  // namespace

std::vector<const Id*> agencies_named(const Event& event) {
  std::vector<const Id*> out;
  if (!event.by.empty()) out.push_back(&event.by);
  std::visit(AgencyFields{out}, event.body);
  return out;
}

std::vector<PersonRef> persons_named(const Event& event) {
  std::vector<PersonRef> out;
  std::visit(PersonFields{out, event}, event.body);
  return out;
}

Domain domain_of(Indicator indicator) {
  switch (indicator) {
    case Indicator::kPoorWeightGain:
    case Indicator::kInadequateFood:
    case Indicator::kPoorHygiene:
    case Indicator::kNoBabyEquipment:
    case Indicator::kUnsafeSleeping:
      return Domain::kPhysicalCare;
    case Indicator::kMissedHealthAppointments:
    case Indicator::kUntreatedInjury:
    case Indicator::kUnexplainedInjury:
    case Indicator::kParentalIllness:
      return Domain::kHealth;
    case Indicator::kHomelessness:
    case Indicator::kStreetHomeless:
    case Indicator::kTransience:
    case Indicator::kUnsuitableAccommodation:
      return Domain::kHomeAndStability;
    case Indicator::kDestitution:
    case Indicator::kNoRecourseToPublicFunds:
      return Domain::kMeans;
    case Indicator::kNonCooperation:
    case Indicator::kAvoidant:
    case Indicator::kHiddenAdult:
      return Domain::kEngagement;
    case Indicator::kDomesticAbuse:
    case Indicator::kParentalMentalHealth:
    case Indicator::kParentalSubstanceMisuse:
      return Domain::kParentalFactors;
    case Indicator::kEmotionalNeglect:
    case Indicator::kInadequateSupervision:
      return Domain::kEmotionalAndSupervision;
    case Indicator::kPregnancy:
    case Indicator::kOther:
      return Domain::kOther;
  }
  return Domain::kOther;
}

bool is_health_agency(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::kGpPractice:
    case AgencyKind::kHealthVisiting:
    case AgencyKind::kMidwifery:
    case AgencyKind::kHospital:
    case AgencyKind::kPaediatrics:
      return true;
    default:
      return false;
  }
}

bool is_health_visiting_status(TransferStatus status) {
  return status == TransferStatus::kUniversal || status == TransferStatus::kEnhanced;
}

namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// An apostrophe joins the letters either side ("St John's" is "st johns"): the
// ASCII one and the typographic right single quotation mark (U+2019).
std::size_t apostrophe_at(std::string_view s, std::size_t i) {
  if (s[i] == '\'') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

}  // namespace

// The catalogue matches addresses "on normalised postcode + first line"
// (non-residential-address, C6) and leaves the normalisation to us (R58):
// - postcode: its letters and digits only, upper-cased ("w2-1dc" is "W21DC");
// - first line: ASCII letters lower-cased; apostrophes dropped; every run of
//   anything else that is not a letter or digit (spaces, commas, full stops,
//   hyphens, slashes, ...) is one word break, and breaks at either end are
//   ignored, so "1, Day Centre Road." and "1 day centre road" match;
//   characters beyond ASCII are kept as given.
// Words are compared as written: "Rd" is not "Road", "10A" is not "10 A".
std::string Address::normalised_postcode() const {
  std::string out;
  out.reserve(postcode.size());
  for (const char c : postcode) {
    if (is_ascii_alnum(c)) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string Address::normalised_key() const {
  std::string key = normalised_postcode();
  key.reserve(key.size() + line1.size() + 1);
  key += '|';
  const std::size_t start = key.size();
  bool pending_break = false;
  const std::string_view line(line1);
  for (std::size_t i = 0; i < line.size();) {
    if (const std::size_t n = apostrophe_at(line, i); n > 0) {
      i += n;
      continue;
    }
    const char c = line[i++];
    const bool word = is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
    if (!word) {
      pending_break = key.size() > start;
      continue;
    }
    if (pending_break) key += ' ';
    pending_break = false;
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

}  // namespace sightline
