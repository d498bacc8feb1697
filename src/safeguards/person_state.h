// What the engine keeps about each person (child, unborn child or carer) and
// each agency: only the facts the safeguards read, as dense ids, so that a
// million children fit in memory. Nothing here holds history beyond the last
// two occurrences a sliding-window indicator needs.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "chronology/indicators.h"
#include "core/date.h"
#include "feed/event.h"
#include "safeguards/interner.h"

namespace sightline::safeguards {

using PersonId = std::uint32_t;
using AgencyId = std::uint32_t;
using AreaId = std::uint32_t;
using DutyId = std::uint32_t;

// The chronology's "never" (chronology/indicators.h), so that its windows
// read the engine's instants alike.
inline constexpr std::int64_t kNever = kNoInstant;

// An agency's open involvement with a child ("Terms: open involvement").
enum class InvolvementKind : std::uint8_t {
  kAssessment,        // child_and_family, pre_birth or neglect assessment
  kS47,               // an s47 enquiry
  kCinPlan,           // child_in_need plan
  kCpPlan,            // child_protection plan
  kLookedAfterPlan,   // looked_after plan: an active plan, but no child-not-seen interval (R44)
  kHvEnhanced,        // enhanced health-visiting level set by this agency, until handed over
  kAcceptedTransfer,  // a transfer to this agency, accepted and not closed
};

struct Involvement {
  AgencyId agency = kNone;
  InvolvementKind kind = InvolvementKind::kAssessment;
  TransferStatus status = TransferStatus::kWelfareCheck;  // kAcceptedTransfer only
  std::uint32_t ref = kNone;  // interned id of the assessment, plan or transfer
  Date since;
};

// Two most recent instants of something, for "two within N days".
struct LastTwo {
  std::int64_t latest = kNever, previous = kNever;
  void add(std::int64_t t) {
    previous = latest;
    latest = t;
  }
  // True when both fall within the `days` before `now` (inclusive).
  bool both_within(std::int64_t now, int days) const { return within_days(now, previous, days); }
};

// An event that located a child (C5): when it happened, and how an alert it
// resolves names it (the interned event id, else its line).
struct Location {
  std::int64_t at = kNever;
  std::uint32_t event = kNone;
  std::uint32_t line = 0;
};

struct AddressState {
  std::uint64_t key = 0;     // hash of the normalised address; 0 before the first
  AreaId area = kNone;       // area of the latest address; kNone when unknown
  AreaId last_area = kNone;  // area of the latest address that gave one
  bool known = false;        // any address seen
  LastTwo changes;           // instants of the last two changes (C6)
  std::int64_t without_notice_change = kNever;  // latest change without notice
};

struct PersonState {
  // Life.
  AreaId birth_place_area = kNone;
  // The area of the agency that last reported about the person, or about a
  // carer of theirs (R4's stand-in for the child's area).
  AreaId reported_area = kNone;
  std::optional<Date> dob;  // from `birth` or a `person` dob
  std::optional<Date> edd;  // unborn: the pregnancy's expected date of delivery
  bool unborn = false;
  bool dead = false;
  bool is_child = false;  // a pregnancy's or birth's child, or a person with a dob under 18
  PersonId mother = kNone;
  std::vector<PersonId> carers;    // mother, father, carer (C: "carer")
  std::vector<PersonId> children;  // whom this person is a carer of

  // Circumstances (as a carer).
  std::optional<Housing> housing;
  std::optional<Income> income;
  std::optional<Immigration> immigration;
  bool health_needs = false;
  bool eea = false;  // nationality EEA or an EEA country
  std::int64_t housing_at = kNever, income_at = kNever, immigration_at = kNever;

  // Where they live.
  AddressState address;
  // The child's home area for moves ("Terms: a move"; an unborn child's
  // follows the mother's addresses, C6). kNone with no move yet: no home known
  // (R7: the first known home is the first report that places the child in an
  // area); kNone after a move: gone to a place not yet known.
  AreaId home_area = kNone;
  std::int64_t last_move = kNever;                    // `at` of the latest move's first report
  AreaId moved_from = kNone;                          // the area the latest move left
  std::int64_t last_transfer_in_conference = kNever;  // `at` of the latest one

  // Indicators recorded directly or by a referral's concerns (bit per Indicator).
  std::uint32_t recorded = 0;
  // When a derived indicator was last marked resolved by an `indicator` event.
  std::vector<std::pair<Indicator, std::int64_t>> resolved_at;
  LastTwo declined;     // contacts declined / no_access naming this person
  LastTwo not_brought;  // appointments was_not_brought

  // Health visiting and GP.
  std::optional<HvLevel> hv_level;
  AgencyId hv_level_by = kNone;
  AgencyId hv_known_by = kNone;  // the last HV agency to know the child
  AgencyId gp = kNone;           // the practice the child is registered with

  // Social care.
  std::vector<Involvement> involvements;
  std::vector<std::uint32_t> transfers;  // refs of transfers about the child
  bool prebirth_assessment = false;      // a pre_birth assessment was ever started
  // The children's social care that received the latest referral about the child.
  AgencyId referred_to_social_care = kNone;
  // Known to social care, adult care or housing itself (an event of theirs
  // naming this person, or a referral to one about them); a child is known
  // also through a carer (EngineFacts::known_to_services, R30).
  bool known_to_services = false;
  // Last value of each state-triggered rule's condition (C9: an occurrence
  // starts when the state becomes true), one bit per rule that asks.
  std::uint8_t rule_state = 0;
  std::int64_t last_holistic_assessment = kNever;  // neglect / child_and_family started
  std::int64_t last_strategy = kNever;
  Date last_strategy_date;

  // Contacts by health visiting with this person (as a mother) that reached her.
  std::int64_t last_hv_contact = kNever;

  // Sightings and whereabouts.
  std::vector<std::pair<AgencyId, std::int64_t>> seen_by;  // agency, latest instant seen
  std::int64_t last_seen = kNever;
  std::int64_t last_located = kNever;
  // Whereabouts follow when things happened (`at`), not when they were learnt:
  // unknown from a trigger's `at` until something that happened since locates
  // the child, however late either is recorded. `locations` keeps every event
  // that located the child, by `at`, for a trigger learnt after them.
  bool whereabouts_unknown = false;
  std::int64_t whereabouts_unknown_since = kNever;
  std::vector<Location> locations;
  std::int64_t last_missing = kNever;
  // The agency last in contact with this person (R57): it saw the child, or
  // reached the person by a contact `seen` or `declined`.
  AgencyId in_contact_by = kNone;
  std::int64_t in_contact_at = kNever;

  // Open duties and alerts of every rule for this person as the child, each
  // with its rule, so that a rule looking for its own duties touches no other.
  struct HeldDuty {
    DutyId id;
    std::uint16_t rule;
  };
  std::vector<HeldDuty> duties;

  std::int64_t seen_by_agency(AgencyId a) const {
    for (const auto& [agency, t] : seen_by) {
      if (agency == a) return t;
    }
    return kNever;
  }
  bool enhanced() const {
    return hv_level &&
           (*hv_level == HvLevel::kUniversalPlus || *hv_level == HvLevel::kPartnershipPlus);
  }
};

struct AgencyInfo {
  AgencyKind kind = AgencyKind::kVoluntary;
  AreaId area = kNone;
  bool pseudo = false;  // a KIND:AREA owner standing for an agency nobody registered
};

}  // namespace sightline::safeguards
