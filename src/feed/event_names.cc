// The feed's spelling of every enum in event.h.
//
// Each enum has exactly one table, indexed by enumerator value; to_string,
// names_of and parse_name all read that table, so a name can only ever be
// spelt in one place. names_through() refuses at compile time a table whose
// length differs from the enum's, so a new enumerator cannot go unnamed.
#include <array>
#include <cstddef>

#include "feed/event.h"

namespace sightline {
namespace {

template <auto Last, std::size_t N>
consteval std::array<std::string_view, N> names_through(const char* const (&names)[N]) {
  static_assert(N == static_cast<std::size_t>(Last) + 1, "one name per enumerator");
  std::array<std::string_view, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = names[i];
  return out;
}

template <class E>
struct Names;

template <>
struct Names<EventType> {
  static constexpr auto table = names_through<EventType::kAllocation>({
      "agency",
      "premises",
      "person",
      "pregnancy",
      "birth",
      "relationship",
      "circumstances",
      "death",
      "address",
      "whereabouts_unknown",
      "missing",
      "found",
      "claim",
      "registration",
      "deregistration",
      "hv_level",
      "appointment",
      "medical",
      "records_transfer",
      "contact",
      "referral",
      "referral_outcome",
      "indicator",
      "notification",
      "assessment_started",
      "assessment_completed",
      "strategy_discussion",
      "s47_concluded",
      "conference",
      "plan_started",
      "plan_ended",
      "transfer",
      "transfer_accepted",
      "transfer_declined",
      "case_closed",
      "options_review",
      "allocation",
  });
};
template <>
struct Names<AgencyKind> {
  static constexpr auto table = names_through<AgencyKind::kSafeguardingPartnership>({
      "gp_practice",
      "health_visiting",
      "midwifery",
      "hospital",
      "paediatrics",
      "childrens_social_care",
      "adult_social_care",
      "housing",
      "police",
      "ambulance",
      "school",
      "early_years",
      "voluntary",
      "legal",
      "safeguarding_partnership",
  });
};
template <>
struct Names<PremisesKind> {
  static constexpr auto table = names_through<PremisesKind::kResidential>(
      {"day_centre", "hostel", "office", "hospital", "business", "residential"});
};
template <>
struct Names<AddressKind> {
  static constexpr auto table = names_through<AddressKind::kUnknown>(
      {"residential", "temporary", "no_fixed_abode", "unknown"});
};
template <>
struct Names<Sex> {
  static constexpr auto table = names_through<Sex::kX>({"F", "M", "X"});
};
template <>
struct Names<RelationshipRole> {
  static constexpr auto table = names_through<RelationshipRole::kSibling>(
      {"mother", "father", "carer", "partner", "grandparent", "sibling"});
};
template <>
struct Names<Housing> {
  static constexpr auto table = names_through<Housing::kUnknown>(
      {"settled", "temporary", "sofa_surfing", "street_homeless", "unknown"});
};
template <>
struct Names<Income> {
  static constexpr auto table =
      names_through<Income::kUnknown>({"earned", "benefits", "none", "unknown"});
};
template <>
struct Names<Immigration> {
  static constexpr auto table = names_through<Immigration::kUnknown>(
      {"citizen", "settled", "eea_no_work_history", "nrpf", "overstayer", "unknown"});
};
template <>
struct Names<AddressNotice> {
  static constexpr auto table = names_through<AddressNotice::kReportedByOther>(
      {"planned", "without_notice", "reported_by_other"});
};
template <>
struct Names<MissingAlert> {
  static constexpr auto table = names_through<MissingAlert::kChildrenMissingEducation>(
      {"national_missing_child", "police_missing_person", "children_missing_education"});
};
template <>
struct Names<ClaimKind> {
  static constexpr auto table =
      names_through<ClaimKind::kOther>({"abroad", "with_relatives", "moved_area", "other"});
};
template <>
struct Names<DeregistrationReason> {
  static constexpr auto table =
      names_through<DeregistrationReason::kOther>({"moved", "left_country", "not_found", "other"});
};
template <>
struct Names<HvLevel> {
  static constexpr auto table =
      names_through<HvLevel::kPartnershipPlus>({"universal", "universal_plus", "partnership_plus"});
};
template <>
struct Names<AppointmentKind> {
  static constexpr auto table = names_through<AppointmentKind::kOther>(
      {"immunisation", "new_birth_visit", "review_6_8_week", "review_1_year", "review_2_year",
       "paediatric", "other"});
};
template <>
struct Names<AppointmentOutcome> {
  static constexpr auto table =
      names_through<AppointmentOutcome::kCancelled>({"attended", "was_not_brought", "cancelled"});
};
template <>
struct Names<Concern> {
  static constexpr auto table =
      names_through<Concern::kSignificant>({"none", "some", "significant"});
};
template <>
struct Names<ContactMode> {
  static constexpr auto table = names_through<ContactMode::kVideo>(
      {"home_visit", "clinic", "drop_in", "office", "hospital", "phone", "sms", "letter", "video"});
};
template <>
struct Names<ContactOutcome> {
  static constexpr auto table = names_through<ContactOutcome::kDeclined>(
      {"seen", "no_answer", "no_access", "not_at_address", "declined"});
};
template <>
struct Names<ReferralOutcomeKind> {
  static constexpr auto table = names_through<ReferralOutcomeKind::kNoFurtherAction>(
      {"assessment", "strategy_discussion", "signposted", "passed_to", "no_further_action"});
};
template <>
struct Names<IndicatorStatus> {
  static constexpr auto table = names_through<IndicatorStatus::kResolved>({"present", "resolved"});
};
template <>
struct Names<NotificationSubject> {
  static constexpr auto table = names_through<NotificationSubject::kConcern>(
      {"out_of_area_placement", "move_in", "gp_registration", "birth", "concern"});
};
template <>
struct Names<AssessmentKind> {
  static constexpr auto table = names_through<AssessmentKind::kAdultNeeds>(
      {"child_and_family", "pre_birth", "s47", "neglect", "adult_needs"});
};
template <>
struct Names<AssessmentOutcome> {
  static constexpr auto table = names_through<AssessmentOutcome::kEarlyHelp>(
      {"no_further_action", "child_in_need", "child_protection", "early_help"});
};
template <>
struct Names<DiscussionFormat> {
  static constexpr auto table =
      names_through<DiscussionFormat::kVideo>({"meeting", "telephone", "video"});
};
template <>
struct Names<StrategyDecision> {
  static constexpr auto table = names_through<StrategyDecision::kReview>(
      {"s47_single_agency", "s47_joint", "no_s47", "review"});
};
template <>
struct Names<S47Outcome> {
  static constexpr auto table =
      names_through<S47Outcome::kIcpc>({"not_substantiated", "substantiated_no_icpc", "icpc"});
};
template <>
struct Names<ConferenceKind> {
  static constexpr auto table =
      names_through<ConferenceKind::kTransferIn>({"initial", "review", "transfer_in"});
};
template <>
struct Names<ConferenceDecision> {
  static constexpr auto table =
      names_through<ConferenceDecision::kCinPlan>({"cp_plan", "no_plan", "cin_plan"});
};
template <>
struct Names<PlanKind> {
  static constexpr auto table =
      names_through<PlanKind::kLookedAfter>({"child_in_need", "child_protection", "looked_after"});
};
template <>
struct Names<TransferStatus> {
  static constexpr auto table = names_through<TransferStatus::kEnhanced>(
      {"welfare_check", "child_in_need", "incomplete_assessment", "incomplete_s47",
       "child_protection", "universal", "enhanced"});
};
template <>
struct Names<TransferMode> {
  static constexpr auto table = names_through<TransferMode::kVerbal>({"written", "verbal"});
};
template <>
struct Names<ClosureReason> {
  static constexpr auto table = names_through<ClosureReason::kOther>(
      {"moved_out", "no_further_action", "not_found", "transferred", "other"});
};
template <>
struct Names<SupportOption> {
  static constexpr auto table = names_through<SupportOption::kRentDeposit>(
      {"s17_support", "adult_care_support", "return_assistance", "benefits_if_working",
       "specialist_advice", "rent_deposit"});
};
template <>
struct Names<Indicator> {
  static constexpr auto table = names_through<Indicator::kOther>({
      "poor_weight_gain",
      "inadequate_food",
      "poor_hygiene",
      "no_baby_equipment",
      "unsafe_sleeping",
      "missed_health_appointments",
      "untreated_injury",
      "unexplained_injury",
      "parental_illness",
      "homelessness",
      "street_homeless",
      "transience",
      "unsuitable_accommodation",
      "destitution",
      "no_recourse_to_public_funds",
      "non_cooperation",
      "avoidant",
      "hidden_adult",
      "domestic_abuse",
      "parental_mental_health",
      "parental_substance_misuse",
      "emotional_neglect",
      "inadequate_supervision",
      "pregnancy",
      "other",
  });
};
template <>
struct Names<Domain> {
  static constexpr auto table = names_through<Domain::kOther>(
      {"physical_care", "health", "home_and_stability", "means", "engagement", "parental_factors",
       "emotional_and_supervision", "other"});
};

template <class E>
std::string_view name_of(E v) {
  return Names<E>::table[static_cast<std::size_t>(v)];
}

}  // namespace

template <class E>
std::span<const std::string_view> names_of() {
  return Names<E>::table;
}

template std::span<const std::string_view> names_of<EventType>();
template std::span<const std::string_view> names_of<AgencyKind>();
template std::span<const std::string_view> names_of<PremisesKind>();
template std::span<const std::string_view> names_of<AddressKind>();
template std::span<const std::string_view> names_of<Sex>();
template std::span<const std::string_view> names_of<RelationshipRole>();
template std::span<const std::string_view> names_of<Housing>();
template std::span<const std::string_view> names_of<Income>();
template std::span<const std::string_view> names_of<Immigration>();
template std::span<const std::string_view> names_of<AddressNotice>();
template std::span<const std::string_view> names_of<MissingAlert>();
template std::span<const std::string_view> names_of<ClaimKind>();
template std::span<const std::string_view> names_of<DeregistrationReason>();
template std::span<const std::string_view> names_of<HvLevel>();
template std::span<const std::string_view> names_of<AppointmentKind>();
template std::span<const std::string_view> names_of<AppointmentOutcome>();
template std::span<const std::string_view> names_of<Concern>();
template std::span<const std::string_view> names_of<ContactMode>();
template std::span<const std::string_view> names_of<ContactOutcome>();
template std::span<const std::string_view> names_of<ReferralOutcomeKind>();
template std::span<const std::string_view> names_of<IndicatorStatus>();
template std::span<const std::string_view> names_of<NotificationSubject>();
template std::span<const std::string_view> names_of<AssessmentKind>();
template std::span<const std::string_view> names_of<AssessmentOutcome>();
template std::span<const std::string_view> names_of<DiscussionFormat>();
template std::span<const std::string_view> names_of<StrategyDecision>();
template std::span<const std::string_view> names_of<S47Outcome>();
template std::span<const std::string_view> names_of<ConferenceKind>();
template std::span<const std::string_view> names_of<ConferenceDecision>();
template std::span<const std::string_view> names_of<PlanKind>();
template std::span<const std::string_view> names_of<TransferStatus>();
template std::span<const std::string_view> names_of<TransferMode>();
template std::span<const std::string_view> names_of<ClosureReason>();
template std::span<const std::string_view> names_of<SupportOption>();
template std::span<const std::string_view> names_of<Indicator>();
template std::span<const std::string_view> names_of<Domain>();

std::optional<EventType> parse_event_type(std::string_view s) { return parse_name<EventType>(s); }

std::string_view to_string(EventType v) { return name_of(v); }
std::string_view to_string(AgencyKind v) { return name_of(v); }
std::string_view to_string(PremisesKind v) { return name_of(v); }
std::string_view to_string(AddressKind v) { return name_of(v); }
std::string_view to_string(Sex v) { return name_of(v); }
std::string_view to_string(RelationshipRole v) { return name_of(v); }
std::string_view to_string(Housing v) { return name_of(v); }
std::string_view to_string(Income v) { return name_of(v); }
std::string_view to_string(Immigration v) { return name_of(v); }
std::string_view to_string(AddressNotice v) { return name_of(v); }
std::string_view to_string(MissingAlert v) { return name_of(v); }
std::string_view to_string(ClaimKind v) { return name_of(v); }
std::string_view to_string(DeregistrationReason v) { return name_of(v); }
std::string_view to_string(HvLevel v) { return name_of(v); }
std::string_view to_string(AppointmentKind v) { return name_of(v); }
std::string_view to_string(AppointmentOutcome v) { return name_of(v); }
std::string_view to_string(Concern v) { return name_of(v); }
std::string_view to_string(ContactMode v) { return name_of(v); }
std::string_view to_string(ContactOutcome v) { return name_of(v); }
std::string_view to_string(ReferralOutcomeKind v) { return name_of(v); }
std::string_view to_string(IndicatorStatus v) { return name_of(v); }
std::string_view to_string(NotificationSubject v) { return name_of(v); }
std::string_view to_string(AssessmentKind v) { return name_of(v); }
std::string_view to_string(AssessmentOutcome v) { return name_of(v); }
std::string_view to_string(DiscussionFormat v) { return name_of(v); }
std::string_view to_string(StrategyDecision v) { return name_of(v); }
std::string_view to_string(S47Outcome v) { return name_of(v); }
std::string_view to_string(ConferenceKind v) { return name_of(v); }
std::string_view to_string(ConferenceDecision v) { return name_of(v); }
std::string_view to_string(PlanKind v) { return name_of(v); }
std::string_view to_string(TransferStatus v) { return name_of(v); }
std::string_view to_string(TransferMode v) { return name_of(v); }
std::string_view to_string(ClosureReason v) { return name_of(v); }
std::string_view to_string(SupportOption v) { return name_of(v); }
std::string_view to_string(Indicator v) { return name_of(v); }
std::string_view to_string(Domain v) { return name_of(v); }

}  // namespace sightline
