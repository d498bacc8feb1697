// The engine's facts: what it knows of each person (person_state.h) and
// agency, and the referral, assessment, transfer, plan and conference tables,
// kept incrementally from the events (the catalogue's "Terms"). The
// update_<kind>() functions (state_update.cc) decide how an event of each
// kind changes them; the queries below derive the rest (the child's area,
// active indicators, ...) when asked.
//
// Contract:
// - An event changes only the state of the people it names (and the
//   children of the carers it names); nothing scans all children.
// - Rules read the facts (through their RuleContext) and never change them.
//   The duties part keeps each child's list of held duties and the state
//   rules' bits in the child's record (held_duties, rule_state).
// - Per event, the facts say what the event did: the children it names, shows
//   seen and locates, the moves it reports, the people it touched and the
//   kinds of fact it changed (fact.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "chronology/sightings.h"
#include "feed/event.h"
#include "safeguards/chunked_vector.h"
#include "safeguards/engine_clock.h"
#include "safeguards/engine_ids.h"
#include "safeguards/fact.h"
#include "safeguards/person_state.h"

namespace sightline::safeguards {

struct ReferralInfo {
  PersonId child = kNone;
  AgencyId from = kNone, to = kNone;
  Date at;
  std::int64_t at_instant = 0;  // `at` to the second, to order referrals of one day
  std::uint32_t concerns = 0;   // bit per Indicator
  bool decided = false;
  ReferralOutcomeKind outcome = ReferralOutcomeKind::kAssessment;
};
struct AssessmentInfo {
  PersonId child = kNone;
  AssessmentKind kind = AssessmentKind::kChildAndFamily;
  AgencyId agency = kNone;
  Date started;
};
struct TransferInfo {
  PersonId child = kNone;
  AgencyId from = kNone, to = kNone;
  TransferStatus status = TransferStatus::kWelfareCheck;
  Date at;
  bool accepted = false, seen = false, declined = false;
  std::int64_t at_instant = kNever;  // the transfer's `at`, to the second
};
struct PlanInfo {
  PersonId child = kNone;
  PlanKind kind = PlanKind::kChildInNeed;
  AgencyId agency = kNone;
};
// The child's latest `initial` or `review` conference, and how to name it as
// the event that did a duty learnt of later (icpc-overdue, R39).
struct ConferenceInfo {
  Date at;
  std::string id;  // empty when the line has none
  std::int64_t line = 0;
};

// A move an event reports ("Terms: a move"): child, from area, to area
// (kNone when the destination is unknown). `learnt` marks the destination of
// an earlier move to an unknown place becoming known: the same move, not a
// new one (its `from` is then the area the child left, if known). `since` is
// the instant (`at`) of the move's first report: an action required by the
// move counts from then, whichever report it came before or after.
struct Move {
  PersonId child;
  AreaId from, to;
  bool learnt = false;
  std::int64_t since = kNever;
};

class EngineFacts {
 public:
  EngineFacts(EngineIds& ids, const EngineClock& clock) : ids_(ids), clock_(clock) {}
  EngineFacts(const EngineFacts&) = delete;
  EngineFacts& operator=(const EngineFacts&) = delete;

  // ----- applying an event -----
  // Forgets what the previous event did.
  void begin_event();
  // The event's facts, then the children it shows seen and locates (C5).
  void update(const Event& e);
  // What the agency reporting the event (`by`) tells of the people it names:
  // R4's stand-in for the child's area, and R30's "known to services".
  void note_reporter(const Event& e);
  // The kinds of fact the event changed (fact.h).
  FactSet changed() const { return changed_; }
  // The people the event touched, sorted, each once (sorts them in place).
  const std::vector<PersonId>& touched();
  // The people and agencies themselves, with the storage of their state. (An
  // unknown id is interned: naming one changes no fact.)
  PersonId person(std::string_view id) {
    const PersonId p = ids_.person(id);
    if (p >= people_.size()) people_.resize(p + 1);
    return p;
  }
  AgencyId agency(std::string_view id) {
    const AgencyId a = ids_.agency(id);
    if (a >= agencies_.size()) agencies_.resize(a + 1);
    return a;
  }
  const ChunkedVector<PersonState>& people() const { return people_; }

  // ----- people, agencies, areas -----
  const PersonState& state(PersonId p) const { return people_[p]; }
  const AgencyInfo& agency_info(AgencyId a) const { return agencies_[a]; }
  bool is_health_agency(AgencyId a) const { return sightline::is_health_agency(agencies_[a].kind); }
  // The first agency of `kind` serving `area`, else the KIND:AREA owner (C1).
  // kNone only when `area` is kNone.
  AgencyId serving(AgencyKind kind, AreaId area);
  // "The child's area" (C1), else the area of the agency that last reported
  // about the child or a carer (R4); kNone when nothing locates the child.
  AreaId child_area(PersonId child) const;
  // The owner "KIND of the child's area" (for an unborn child, the mother's):
  // serving(kind, child_area(child)). Where not even a reporting agency's area
  // locates the child, the agency reporting the current event owns the duty
  // itself (R4), so that no duty owned by "the child's area" is silently lost.
  // kNone only then without an event, which a valid feed never reaches (every
  // event but `agency` and `premises` has a `by`, and every agency an area).
  AgencyId area_owner(AgencyKind kind, PersonId child);
  // The address state that counts for the person (an unborn child's mother's, C6).
  const AddressState& address_of(PersonId p) const;
  // Premises kind registered at this address, if any (non-residential-address).
  std::optional<PremisesKind> premises_at(const Address& a) const;
  static std::uint64_t address_hash(const Address& a);

  // ----- derived facts -----
  // Active indicators now, one bit per Indicator ("Terms: active indicators").
  std::uint32_t active_indicators(PersonId child) const;
  // Domains (C7) spanned by `mask`, optionally not counting one domain.
  static int domain_count(std::uint32_t mask, std::optional<Domain> except = std::nullopt);
  static bool has(std::uint32_t mask, Indicator i) { return (mask >> static_cast<int>(i)) & 1u; }
  bool has_open_involvement(PersonId child) const { return !people_[child].involvements.empty(); }
  // Known to social care, adult care or housing (R30): such an agency recorded
  // an event naming the child or a carer, or a referral went to one.
  bool known_to_services(PersonId child) const;
  // The agency last in contact with the child or a carer (R57), or kNone.
  AgencyId last_in_contact(PersonId child) const;
  // The first event learnt so far that located the child after instant t
  // (C5), if any: a trigger learnt late may find the child located already.
  std::optional<Location> located_after(PersonId child, std::int64_t t) const;

  // ----- what the current event did -----
  // The children this event shows to be seen, and by which agency (C5).
  const std::vector<std::pair<PersonId, AgencyId>>& sightings() const { return sightings_; }
  // The children this event locates (C5).
  const std::vector<PersonId>& located() const { return located_; }
  // Moves this event reports.
  const std::vector<Move>& moves() const { return moves_; }
  // Children named by the event (persons that are children), in field order.
  const std::vector<PersonId>& children_named() const { return children_named_; }

  // ----- referenced events -----
  const ReferralInfo* referral(std::string_view id) const;
  const AssessmentInfo* assessment(std::string_view id) const;
  const TransferInfo* transfer(std::string_view id) const;
  const TransferInfo* transfer_by_ref(std::uint32_t ref) const;
  const PlanInfo* plan(std::string_view id) const;
  // The child's latest initial or review conference, or nullptr.
  const ConferenceInfo* last_conference(PersonId child) const;
  // Calls f(const ReferralInfo&) for every referral about the child, in the
  // order they were applied.
  template <class F>
  void for_each_referral(PersonId child, F&& f) const {
    const auto it = referrals_of_.find(child);
    if (it == referrals_of_.end()) return;
    for (const std::uint32_t r : it->second) f(referrals_.at(r));
  }
  // The id of the event `e` refers to (a referral, assessment, plan or
  // transfer) when that event is not known yet; empty otherwise.
  std::string_view unknown_reference(const Event& e) const;

  // ----- kept here for the duties part -----
  // The child's open duties and alerts, and the state rules' bits.
  std::vector<PersonState::HeldDuty>& held_duties(PersonId p) { return people_[p].duties; }
  std::uint8_t& rule_state(PersonId p) { return people_[p].rule_state; }

 private:
  // Answers the definition of "seen" and "located" (chronology/sightings.h)
  // from the facts.
  class Known final : public SightingContext {
   public:
    explicit Known(EngineFacts& facts) : facts_(facts) {}
    Childhood childhood(std::string_view person) const override;
    std::optional<TransferParties> transfer(std::string_view id) const override;

   private:
    EngineFacts& facts_;
  };

  // The event's own facts: everything but its sightings and locations.
  void update_records(const Event& e);
  // One per event kind: the facts an event of that kind changes.
  void update_agency(const Event& e);
  void update_premises(const Event& e);
  void update_person(const Event& e);
  void update_pregnancy(const Event& e);
  void update_birth(const Event& e);
  void update_relationship(const Event& e);
  void update_circumstances(const Event& e);
  void update_death(const Event& e);
  void update_address(const Event& e);
  void update_whereabouts_unknown(const Event& e);
  void update_missing(const Event& e);
  void update_found(const Event& e);
  void update_claim(const Event& e);
  void update_registration(const Event& e);
  void update_deregistration(const Event& e);
  void update_hv_level(const Event& e);
  void update_appointment(const Event& e);
  void update_medical(const Event& e);
  void update_records_transfer(const Event& e);
  void update_contact(const Event& e);
  void update_referral(const Event& e);
  void update_referral_outcome(const Event& e);
  void update_indicator(const Event& e);
  void update_notification(const Event& e);
  void update_assessment_started(const Event& e);
  void update_assessment_completed(const Event& e);
  void update_strategy_discussion(const Event& e);
  void update_s47_concluded(const Event& e);
  void update_conference(const Event& e);
  void update_plan_started(const Event& e);
  void update_plan_ended(const Event& e);
  void update_transfer(const Event& e);
  void update_transfer_accepted(const Event& e);
  void update_transfer_declined(const Event& e);
  void update_case_closed(const Event& e);
  void update_options_review(const Event& e);
  // The person `id` names; noted among the children the event names when
  // known to be a child.
  PersonId name_child(const Id& id);
  // The children the event shows seen and locates (C5), from the one definition.
  void note_sightings(const Event& e);
  void note_seen(PersonId child, AgencyId by, std::int64_t t);
  void note_located(PersonId child, std::int64_t t);
  // A whereabouts-unknown trigger that happened at t (the catalogue's trigger).
  void note_whereabouts_lost(PersonId child, std::int64_t t);
  // The receiving HV agency saw the child at `seen`: the transfers to it sent
  // before then are handed over.
  void note_handover_seen(PersonId child, AgencyId receiver, std::int64_t seen);
  void note_in_contact(PersonId p, AgencyId by, std::int64_t t);
  void note_address(PersonId p, const Address& a, AddressNotice notice, std::int64_t t);
  void note_move(PersonId child, AreaId left, AreaId destination, std::int64_t t);
  // Something now says the person is a child (R64): a dob under 18 or a referral.
  void note_known_as_child(PersonId p);
  void add_carer(PersonId carer, PersonId child);
  void add_involvement(PersonId child, Involvement inv);
  void remove_involvement(PersonId child, AgencyId agency, InvolvementKind kind, std::uint32_t ref);
  void touch(PersonId p);
  void note_known_to_services(const Event& e);  // `e` is by social care, adult care or housing
  void mark(Fact f) { changed_.add(f); }

  EngineIds& ids_;
  const EngineClock& clock_;

  ChunkedVector<PersonState> people_;
  std::vector<AgencyInfo> agencies_;
  std::unordered_map<std::uint64_t, AgencyId> serving_;       // kind << 32 | area -> first agency
  std::unordered_map<std::uint64_t, PremisesKind> premises_;  // address hash -> kind
  std::unordered_map<std::uint32_t, ReferralInfo> referrals_;
  std::unordered_map<PersonId, std::vector<std::uint32_t>> referrals_of_;  // child -> refs
  std::unordered_map<std::uint32_t, AssessmentInfo> assessments_;
  std::unordered_map<std::uint32_t, TransferInfo> transfers_;
  std::unordered_map<std::uint32_t, PlanInfo> plans_;
  std::unordered_map<PersonId, ConferenceInfo> conferences_;  // child -> latest initial/review

  // What the current event did.
  std::vector<std::pair<PersonId, AgencyId>> sightings_;
  std::vector<PersonId> located_;
  // What the definition returned for the current event (reused, to spare allocations).
  std::vector<Sighting> seen_scratch_;
  std::vector<std::string_view> located_scratch_;
  std::vector<PersonId> children_named_;
  std::vector<Move> moves_;
  std::vector<PersonId> touched_;
  // The kinds of fact the current event changed (fact.h): a state rule is
  // re-checked for the people it touched when they include one it watches.
  FactSet changed_;
};

}  // namespace sightline::safeguards
