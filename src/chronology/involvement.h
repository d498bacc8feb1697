// The catalogue's "open involvement" of an agency with a child (Terms, C8),
// defined once over typed events: an open assessment or s47 enquiry, an active
// plan, an enhanced health-visiting level, or an accepted transfer not yet
// closed. The safeguards engine keeps the same facts in its dense form
// (safeguards/person_state.h, Involvement); the child's page, the API and the
// forms read them here.
//
// - An assessment (any kind but `adult_needs`) is open from its
//   `assessment_started` until its `assessment_completed`; an s47 enquiry
//   until its `s47_concluded`; a plan from `plan_started` until `plan_ended`.
// - `hv_level` at `universal_plus` or `partnership_plus` makes the reporting
//   agency's health visiting enhanced (one enhanced level at a time; restating
//   it keeps when it began). It ends with a lower level, with the agency's
//   `case_closed`, or once a health-visiting agency that the child was
//   transferred to has seen the child since the transfer and since the level
//   began (hv-transfer-contact, R46, R68).
// - A `transfer_accepted` opens the receiver's involvement, with the
//   transfer's status, until the receiver's `case_closed`.
// - `case_closed` ends only that agency's accepted transfers and enhanced
//   level: its assessments and plans stay open (C8).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chronology/agency_facts.h"
#include "core/date.h"
#include "feed/event.h"

namespace sightline {

enum class InvolvementKind : std::uint8_t {
  kAssessment,              // child_and_family, pre_birth or neglect assessment
  kS47,                     // an s47 enquiry
  kChildInNeedPlan,         // plan_started kind child_in_need
  kChildProtectionPlan,     // plan_started kind child_protection
  kLookedAfterPlan,         // plan_started kind looked_after
  kEnhancedHealthVisiting,  // hv_level universal_plus or partnership_plus
  kAcceptedTransfer,        // a transfer to the agency, accepted and not closed
};

std::string_view to_string(InvolvementKind kind);

struct OpenInvolvement {
  Id agency;
  InvolvementKind kind = InvolvementKind::kAssessment;
  Id ref;              // the assessment, plan or transfer; "" for health visiting
  std::string detail;  // the assessment's or plan's kind, the level, the transfer's status
  Timestamp since;     // when it began (an enhanced level: when it first became enhanced)
  friend bool operator==(const OpenInvolvement&, const OpenInvolvement&) = default;
};

// Every open involvement with `child` after the events of its integrated
// chronology (in any order; read in replay order), oldest first. `agencies`
// says which agencies are health visiting (R46).
std::vector<OpenInvolvement> open_involvement(const std::vector<Event>& chronology,
                                              std::string_view child, const AgencyFacts& agencies);

// hv-transfer-contact (R46, R68): whether a sighting at `seen` by the agency
// a transfer went to ends the sender's enhanced level that began on
// `level_began`: the sighting happened on or after that day, and at or after
// the transfer (`transfer_at`). When it was learnt does not matter.
constexpr bool hands_over_enhanced_level(std::int64_t seen, Date level_began,
                                         std::int64_t transfer_at) {
  return Date::of_instant(seen) >= level_began && seen >= transfer_at;
}

// The involvement the pages and the API show as live work: the open
// involvement, or none once a `death` of the child is recorded (what was open
// then is history, not work to do; the catalogue's C8, which the engine and
// the closure guard read, still counts it until each agency closes).
std::vector<OpenInvolvement> involvement_while_alive(const std::vector<Event>& chronology,
                                                     std::string_view child,
                                                     const AgencyFacts& agencies);

// Whether any of `involvement` is the agency's.
bool involves(const std::vector<OpenInvolvement>& involvement, std::string_view agency);

}  // namespace sightline
