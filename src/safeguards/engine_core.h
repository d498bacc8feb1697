// The engine's state and mechanics, as the rules see them: people and
// agencies by dense id, the derived facts of the catalogue's "Terms" (carers,
// the child's area, active indicators, open involvement, sightings), and the
// duty/alert life cycle (open, fall due, raise, escalate, resolve).
//
// Contract:
// - Deterministic: the same events, configuration and calendar give the same
//   alerts in the same order (ids are interned in first-seen order and queue
//   ties break by insertion order).
// - Incremental: an event touches only the state of the people it names (and
//   the children of the carers it names) and the duties those people hold;
//   time passing pops the deadline queue. Nothing scans all children.
// - A duty is "pending" until its due date has ended, then "alerted" (an
//   Alert exists) until resolved; "closed" once done, resolved or ended.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "chronology/sightings.h"
#include "core/working_days.h"
#include "feed/event.h"
#include "feed/resolved_ids.h"
#include "safeguards/alert.h"
#include "safeguards/chunked_vector.h"
#include "safeguards/config.h"
#include "safeguards/deadline_queue.h"
#include "safeguards/fact.h"
#include "safeguards/hash_index.h"
#include "safeguards/interner.h"
#include "safeguards/listener.h"
#include "safeguards/notice.h"
#include "safeguards/person_state.h"
#include "safeguards/rule.h"
#include "safeguards/trigger_ledger.h"

namespace sightline::safeguards {

class RuleContext;

enum class DutyState : std::uint8_t { kPending, kAlerted, kClosed };

// Optional alert fields a rule fills in (C12).
struct AlertExtras {
  std::vector<std::string> missing, routes, reasons;
  std::string severity;
};

struct Duty {
  std::uint16_t rule = 0;
  DutyState state = DutyState::kClosed;
  Level start_level = Level::kPractitioner;
  bool has_due = false;
  PersonId child = kNone;
  AgencyId owner = kNone;
  std::uint32_t subject = kNone;  // rule-specific: an agency, referral, transfer, ...
  std::uint32_t extra = 0;        // rule-specific small value
  Date trigger;                   // the trigger's `at` date
  Date due;                       // valid when has_due
  std::uint32_t generation = 0;   // bumped when the duty changes, to drop stale queue entries
  std::uint32_t alert = kNone;    // index into alerts once raised
  std::string occurrence;
  std::unique_ptr<AlertExtras> extras;
};

// What a rule asks for when it opens a duty (or records a fault: no due).
struct DutySpec {
  PersonId child = kNone;
  AgencyId owner = kNone;
  Date trigger;
  std::optional<Date> due;  // nullopt: a fault, raised at once
  Level start_level = Level::kPractitioner;
  std::uint32_t subject = kNone;
  std::uint32_t extra = 0;
  std::string occurrence;
  std::unique_ptr<AlertExtras> extras;
};

// An alert as the engine keeps it: ids and dates only (a million-child replay
// may hold millions). materialize() turns it into the public Alert.
struct AlertRecord {
  std::uint16_t rule = 0;
  Level level = Level::kPractitioner;
  std::uint8_t escalation_count = 0;
  bool has_due = false, resolved = false;
  PersonId child = kNone;
  AgencyId owner = kNone;
  Date raised, due, resolved_on;
  std::array<Escalation, 3> escalations{};
  // What resolved it: an event id (interned, kNone when none) or a line.
  std::uint32_t resolved_by_id = kNone;
  std::int64_t resolved_by_line = -1;  // -1: not resolved by an event
  std::string occurrence;
  std::unique_ptr<AlertExtras> extras;
};

struct ReferralInfo {
  PersonId child = kNone;
  AgencyId from = kNone, to = kNone;
  Date at;
  std::uint32_t concerns = 0;  // bit per Indicator
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

class EngineCore {
 public:
  // Runs `rules`, each at the position its index() gives (std::logic_error
  // otherwise): the catalogue, or for a test the catalogue and rules of its own.
  EngineCore(const SafeguardsConfig& config, const WorkingDayCalendar& calendar,
             std::span<const Rule* const> rules);
  ~EngineCore();
  EngineCore(const EngineCore&) = delete;
  EngineCore& operator=(const EngineCore&) = delete;

  // ----- driving (used by SafeguardsEngine) -----
  void apply(const Event& event, const ResolvedIds& ids = {});
  void advance_to(Timestamp t);
  void set_listener(EngineListener* listener) { listener_ = listener; }
  std::size_t alert_count() const { return alerts_.size(); }
  const AlertRecord& alert_record(std::size_t i) const { return alerts_[i]; }
  Alert materialize(const AlertRecord& r) const;
  // Indices of every alert in the catalogue's order (alert_order).
  std::vector<std::uint32_t> alert_order() const;
  std::size_t notice_count() const { return notices_.size(); }
  Notice materialize_notice(std::size_t i) const;
  Timestamp now() const { return now_; }

  // ----- clock and calendar -----
  Date today() const { return now_.date; }
  std::int64_t now_instant() const { return now_.instant(); }
  // The end of "within n WD of d" (C3: d itself never counts).
  Date add_wd(Date d, int n) const { return calendar_.add_working_days(d, n); }
  // The current event while one is being applied; nullptr while the clock moves.
  const Event* event() const { return event_; }

  // ----- configuration -----
  // Parameter `param` of `rule` as configured for `area` (kNone: the defaults).
  int param(const Rule& rule, std::size_t param, AreaId area) const;
  int section_param(std::size_t section, std::size_t param, AreaId area) const;

  // ----- people, agencies, areas -----
  PersonId person(std::string_view id);  // interned on first use
  PersonId find_person(std::string_view id) { return person(id); }
  // The person's dense id, or kNone when no event named them (nothing is interned).
  PersonId known_person(std::string_view id) const { return persons_.find(id); }
  const PersonState& state(PersonId p) const { return people_[p]; }
  std::string_view person_name(PersonId p) const { return persons_.name(p); }
  AgencyId agency(std::string_view id);  // interned on first use
  const AgencyInfo& agency_info(AgencyId a) const { return agencies_[a]; }
  std::string_view agency_name(AgencyId a) const { return agency_ids_.name(a); }
  AreaId area(std::string_view gss);  // kNone for ""
  std::string_view area_name(AreaId a) const { return area_ids_.name(a); }
  // The first agency of `kind` serving `area`, else the KIND:AREA owner (C1).
  // kNone only when `area` is kNone.
  AgencyId serving(AgencyKind kind, AreaId area);
  // The first social-care agency (children's) of the area, else KIND:AREA.
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
  // The children this event shows to be seen, and by which agency (C5).
  const std::vector<std::pair<PersonId, AgencyId>>& sightings() const { return sightings_; }
  // The children this event locates (C5).
  const std::vector<PersonId>& located() const { return located_; }
  // Moves this event reports ("Terms: a move"): child, from area, to area
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
  const std::vector<Move>& moves() const { return moves_; }
  // Children named by the event (persons that are children), in field order.
  const std::vector<PersonId>& children_named() const { return children_named_; }
  bool is_health_agency(AgencyId a) const { return sightline::is_health_agency(agencies_[a].kind); }

  // The dense id of an event id (referral, assessment, plan, transfer), or kNone.
  std::uint32_t find_ref(std::string_view id) const { return refs_.find(id); }
  const ReferralInfo* referral(std::string_view id) const;
  const AssessmentInfo* assessment(std::string_view id) const;
  const TransferInfo* transfer(std::string_view id) const;
  const TransferInfo* transfer_by_ref(std::uint32_t ref) const;
  const PlanInfo* plan(std::string_view id) const;
  // The child's latest initial or review conference, or nullptr.
  const ConferenceInfo* last_conference(PersonId child) const;
  // The latest referral about the child, or nullptr.
  const ReferralInfo* latest_referral(PersonId child) const;
  // Calls f(const ReferralInfo&) for every referral about the child, in the
  // order they were applied.
  template <class F>
  void for_each_referral(PersonId child, F&& f) const {
    const auto it = referrals_of_.find(child);
    if (it == referrals_of_.end()) return;
    for (const std::uint32_t r : it->second) f(referrals_.at(r));
  }

  // ----- triggers (trigger_ledger.h) -----
  // The catalogue's trigger of `rule` happened for `child`: before the event
  // (or timer) is done, the rule opens a duty or says why it owes none.
  void triggered(const Rule& rule, PersonId child) { ledger_.triggered(rule.index(), child); }
  void no_duty(const Rule& rule, PersonId child, NoDutyReason why) {
    ledger_.settled_without_duty(rule.index(), child, why);
  }
  const TriggerLedger& ledger() const { return ledger_; }
  // C9 for a state rule: records the state's value for the child in the bit
  // the engine gave the rule, and says whether a new occurrence starts (see
  // RuleContext::occurrence_starts).
  bool occurrence_starts(const Rule& rule, PersonId child, bool state);

  // ----- duties and alerts -----
  // Opens a duty (or records a fault when spec.due is empty). A duty already
  // overdue when learnt is raised at once, dated today (C3). Nothing is opened
  // for a dead child (R5), nor without an owner (which leaves the rule's
  // trigger unsettled: a silent trigger). Returns the duty, or kNone.
  DutyId open(const Rule& rule, DutySpec spec);
  const Duty& duty(DutyId d) const { return duties_[d]; }
  // A rule's own bookkeeping on its own duty: the owner found when it falls
  // due (R3), the rule-specific subject and extra. Throws std::logic_error
  // when the duty is another rule's.
  void set_owner(const Rule& rule, DutyId d, AgencyId owner);
  void set_subject(const Rule& rule, DutyId d, std::uint32_t subject);
  void set_extra(const Rule& rule, DutyId d, std::uint32_t extra);
  // Raises the duty's alert now (on_due's default).
  void raise(DutyId d);
  // The current event does the duty: a raised alert is resolved by it, a
  // pending duty just closes.
  void resolve(DutyId d);
  // An event applied earlier did the duty (one learnt of only now): as
  // resolve(), naming that event (its id, else its line).
  void resolve_by(DutyId d, std::string_view event_id, std::int64_t line);
  void resolve_by(DutyId d, const Location& by);
  // The first event learnt so far that located the child after instant t
  // (C5), if any: a trigger learnt late may find the child located already.
  std::optional<Location> located_after(PersonId child, std::int64_t t) const;
  // The duty ends without being done (C9 exceptions): pending duties close; a
  // raised alert stays open.
  void end(DutyId d);
  // Moves a pending duty's due date (e.g. a visiting interval that changed).
  void reschedule(DutyId d, Date due);
  // Calls f(DutyId) for each open duty of `rule` held for `child`. f may
  // resolve or end the duty it is given.
  template <class F>
  void for_each_open(PersonId child, const Rule& rule, F&& f) {
    // Closed duties stay listed until the event is done, so indices hold; f
    // may open duties (appended after `n`), which this call does not visit.
    const std::size_t n = people_[child].duties.size();
    for (std::size_t i = 0; i < n; ++i) {
      const PersonState::HeldDuty held = people_[child].duties[i];
      if (held.rule == rule.index() && duties_[held.id].state != DutyState::kClosed) f(held.id);
    }
  }
  bool any_open(PersonId child, const Rule& rule) const;
  // Runs rule.on_timer(child, payload) when the clock reaches `instant`.
  void schedule(const Rule& rule, PersonId child, std::int64_t instant, std::uint32_t payload);
  // Sends a notice now. `about` and `on` are what the rule's notice_text()
  // words it with (e.g. the practice and the registration date).
  void notice(const Rule& rule, PersonId child, AgencyId to, AgencyId about, Date on,
              std::string occurrence);
  // "line N" or the event's id: how an occurrence names its trigger.
  static std::string occurrence_of(const Event& e);

 private:
  // Answers the definition of "seen" and "located" (chronology/sightings.h)
  // from the engine's state.
  class Known final : public SightingContext {
   public:
    explicit Known(EngineCore& core) : core_(core) {}
    Childhood childhood(std::string_view person) const override;
    std::optional<TransferParties> transfer(std::string_view id) const override;

   private:
    EngineCore& core_;
  };

  void update_state(const Event& e);
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
  void close_for_death(PersonId child);
  void touch(PersonId p);
  void note_known_to_services(const Event& e);  // `e` is by social care, adult care or housing
  void close(DutyId d);
  void compact();  // drops closed duties from the lists in dirty_, freeing their slots
  void schedule_escalations(DutyId d, const AlertRecord& a, AreaId area);
  std::uint64_t key_hash(const AlertRecord& a) const;
  bool same_key(const AlertRecord& a, const AlertRecord& b) const {
    return a.rule == b.rule && a.child == b.child && a.owner == b.owner &&
           a.occurrence == b.occurrence;
  }
  void process(const QueueEntry& e);
  // The id of the event `e` refers to (a referral, assessment, plan or
  // transfer) when that event is not known yet; empty otherwise.
  std::string_view unknown_reference(const Event& e) const;
  void raise_held_overdue();
  const std::vector<int>& table_for(AreaId area) const;
  std::uint32_t ref(std::string_view id) { return refs_.intern(id); }

  const SafeguardsConfig& config_;
  const WorkingDayCalendar& calendar_;
  std::vector<const Rule*> rules_;
  std::array<std::vector<const Rule*>, kEventTypeCount> by_type_;
  std::vector<const Rule*> state_rules_;
  std::vector<FactSet> state_watches_;  // what each of state_rules_ watches
  FactSet watched_;                     // what any of them watches
  // The bit of PersonState::rule_state each state rule keeps its state in,
  // by rule index (0 for the others).
  std::vector<std::uint8_t> state_bits_;
  // Each rule's context (rule_context.h), by rule index: made once, as a
  // context holds nothing but the engine and the rule.
  std::vector<RuleContext> contexts_;
  // The rule's hooks, each called with the context bound to the rule.
  void call_due(const Rule& rule, DutyId d);
  void call_timer(const Rule& rule, PersonId child, std::uint32_t payload);
  // The duty, when it is `rule`'s (std::logic_error otherwise).
  Duty& own_duty(const Rule& rule, DutyId d);

  Interner persons_, agency_ids_, area_ids_, refs_;
  ChunkedVector<PersonState> people_;
  std::vector<AgencyInfo> agencies_;
  std::unordered_map<std::uint64_t, AgencyId> serving_;       // kind << 32 | area -> first agency
  std::vector<const std::vector<int>*> area_tables_;          // by AreaId
  std::unordered_map<std::uint64_t, PremisesKind> premises_;  // address hash -> kind
  std::unordered_map<std::uint32_t, ReferralInfo> referrals_;
  std::unordered_map<PersonId, std::vector<std::uint32_t>> referrals_of_;  // child -> refs
  std::unordered_map<std::uint32_t, AssessmentInfo> assessments_;
  std::unordered_map<std::uint32_t, TransferInfo> transfers_;
  std::unordered_map<std::uint32_t, PlanInfo> plans_;
  std::unordered_map<PersonId, ConferenceInfo> conferences_;  // child -> latest initial/review

  std::vector<Duty> duties_;
  std::vector<DutyId> free_duties_;
  std::vector<AlertRecord> alerts_;
  // Exactly once: hash of each alert's key -> the alerts with that hash.
  HashIndex alert_keys_;
  Interner resolver_ids_;  // ids of the events that resolved alerts
  // Notices as ids and dates; their words are made when read.
  struct NoticeRecord {
    std::uint16_t rule;
    PersonId child;
    AgencyId to, about;
    Date at, on;
    std::string occurrence;
  };
  std::vector<NoticeRecord> notices_;
  DeadlineQueue queue_;
  TriggerLedger ledger_;
  Timestamp now_;

  // Replay follows `recorded`, and a valid feed may record an event before the
  // one it refers to (an assessment completed, then its start recorded late):
  // such an event waits here, by the id it names, and is applied as soon as
  // that event has been (R45).
  std::unordered_map<std::string, std::vector<Event>> waiting_;
  // While waiting events are applied after the one they refer to, a duty
  // found already overdue (C3) is raised only once they all have been, so
  // that a duty they show done in time leaves no trace: (duty, generation).
  int catching_up_ = 0;
  std::vector<std::pair<DutyId, std::uint32_t>> held_overdue_;
  const Event* event_ = nullptr;
  EngineListener* listener_ = nullptr;

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
  void mark(Fact f) { changed_.add(f); }
  std::vector<PersonId> dirty_;  // people whose duty lists hold closed duties

  // The ids the current event names, by the address of their characters: the
  // rules ask for the same few strings of one event again and again, and a
  // hash lookup in a table of millions costs a cache miss each time. Cleared
  // before every event (its strings die with it).
  struct RecentId {
    const char* data;
    std::size_t size;
    std::uint32_t id;
  };
  std::array<RecentId, 8> recent_persons_{}, recent_agencies_{};
  // The numbers the parser gave the current event's ids, and what each
  // number of that parser's is here (kNone: not looked up yet), so that an id
  // the parser already found costs an array index instead of a hash lookup.
  ResolvedIds resolved_;
  const void* resolved_source_ = nullptr;
  std::vector<PersonId> person_of_;
  std::vector<AgencyId> agency_of_;
  // Better still, the parser keeps a word with each id for one consumer: when
  // this engine holds the claim (`words_mine_`), its own id (+1) is kept there,
  // and comes back with the parser's lookup of the id, in the same cache line.
  std::uint64_t token_ = 0;  // unique to this engine, for claiming the words
  bool words_mine_ = false;
  // The dense id of `id` in `interner`, through `map` when the parser resolved it.
  std::uint32_t resolve(IdSpace space, std::string_view id, Interner& interner,
                        std::vector<std::uint32_t>& map);
  std::size_t recent_person_next_ = 0, recent_agency_next_ = 0;
  static std::uint32_t recall(const std::array<RecentId, 8>& cache, std::string_view s) {
    for (const RecentId& r : cache) {
      if (r.data == s.data() && r.size == s.size() && r.data != nullptr) return r.id;
    }
    return kNone;
  }

 public:
  // Premises kind registered at this address, if any (non-residential-address).
  std::optional<PremisesKind> premises_at(const Address& a) const;
  static std::uint64_t address_hash(const Address& a);
};

}  // namespace sightline::safeguards
