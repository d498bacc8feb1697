// The engine's duties and alerts: the life cycle of each duty a rule opens
// (pending until the end of its due date, then an alert until resolved;
// closed once done, resolved or ended), escalation of alerts, the rules'
// timers and notices, and the ledger of triggers (trigger_ledger.h).
//
// Contract:
// - Exactly once: an occurrence key (rule, child, owner, occurrence) raises
//   at most one alert.
// - Deadlines, escalation steps and timers wait in the deadline queue; a duty
//   that is done or moved bumps its generation, and its stale entries are
//   dropped when they come up (process()).
// - A duty already overdue when learnt is raised at once, dated today (C3);
//   while events that waited for another are applied (catching up), such
//   duties are held and raised once they all have been.
// - A rule acts only on its own duties (own_duty throws otherwise).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "safeguards/alert.h"
#include "safeguards/deadline_queue.h"
#include "safeguards/engine_clock.h"
#include "safeguards/engine_facts.h"
#include "safeguards/engine_ids.h"
#include "safeguards/hash_index.h"
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
  // What resolved it: an event id (EngineIds::event_id, kNone when none) or a line.
  std::uint32_t resolved_by_id = kNone;
  std::int64_t resolved_by_line = -1;  // -1: not resolved by an event
  std::string occurrence;
  std::unique_ptr<AlertExtras> extras;
};

class Duties {
 public:
  // `rules` by index; `contexts` the context of each (both the engine's,
  // filled before the first event; then set_rule_count).
  Duties(EngineIds& ids, EngineFacts& facts, const EngineClock& clock, DeadlineQueue& queue,
         const std::vector<const Rule*>& rules, std::vector<RuleContext>& contexts)
      : ids_(ids),
        facts_(facts),
        clock_(clock),
        queue_(queue),
        rules_(rules),
        contexts_(contexts) {}
  Duties(const Duties&) = delete;
  Duties& operator=(const Duties&) = delete;

  void set_rule_count(std::size_t n) {
    state_bits_.assign(n, 0);
    ledger_.reset(n);
  }
  void set_listener(EngineListener* listener) { listener_ = listener; }
  // `rule` keeps its state per child in this bit of PersonState::rule_state.
  void set_state_bit(const Rule& rule, std::uint8_t bit) { state_bits_[rule.index()] = bit; }

  // ----- triggers (trigger_ledger.h) -----
  // The catalogue's trigger of `rule` happened for `child`: before the event
  // (or timer) is done, the rule opens a duty or says why it owes none.
  void triggered(const Rule& rule, PersonId child) { ledger_.triggered(rule.index(), child); }
  void no_duty(const Rule& rule, PersonId child, NoDutyReason why) {
    ledger_.settled_without_duty(rule.index(), child, why);
  }
  TriggerLedger& ledger() { return ledger_; }
  const TriggerLedger& ledger() const { return ledger_; }
  // C9 for a state rule: records the state's value for the child in the bit
  // the engine gave the rule, and says whether a new occurrence starts (see
  // RuleContext::occurrence_starts).
  bool occurrence_starts(const Rule& rule, PersonId child, bool state);

  // ----- duties -----
  // Opens a duty (or records a fault when spec.due is empty). A duty already
  // overdue when learnt is raised at once, dated today (C3). Nothing is opened
  // for a dead child (R5), nor without an owner (which leaves the rule's
  // trigger unsettled: a silent trigger). Returns the duty, or kNone.
  DutyId open(const Rule& rule, DutySpec spec);
  const Duty& duty(DutyId d) const { return duties_[d]; }
  std::size_t duty_count() const { return duties_.size(); }
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
    const std::size_t n = facts_.held_duties(child).size();
    for (std::size_t i = 0; i < n; ++i) {
      const PersonState::HeldDuty held = facts_.held_duties(child)[i];
      if (held.rule == rule.index() && duties_[held.id].state != DutyState::kClosed) f(held.id);
    }
  }
  bool any_open(PersonId child, const Rule& rule) const;
  // The child died (the current event): open duties end, raised alerts are
  // resolved by that event.
  void close_for_death(PersonId child);
  // Drops closed duties from the lists of the people who held them, freeing
  // their slots; when a step (event, due date, timer) is done.
  void compact();
  // While events that waited for another are applied: duties found already
  // overdue are held until the last of them ends, then raised.
  void begin_catch_up() { ++catching_up_; }
  void end_catch_up();

  // ----- timers and notices -----
  // Runs rule.on_timer(child, payload) when the clock reaches `instant`.
  void schedule(const Rule& rule, PersonId child, std::int64_t instant, std::uint32_t payload);
  // Sends a notice now. `about` and `on` are what the rule's notice_text()
  // words it with (e.g. the practice and the registration date).
  void notice(const Rule& rule, PersonId child, AgencyId to, AgencyId about, Date on,
              std::string occurrence);
  // "line N" or the event's id: how an occurrence names its trigger.
  static std::string occurrence_of(const Event& e);

  // ----- the deadline queue -----
  // What an entry that came up does: a duty falls due, an alert escalates, a
  // timer runs. Stale entries do nothing.
  void process(const QueueEntry& e);

  // ----- reading -----
  std::size_t alert_count() const { return alerts_.size(); }
  const AlertRecord& alert_record(std::size_t i) const { return alerts_[i]; }
  Alert materialize(const AlertRecord& r) const;
  // Indices of every alert in the catalogue's order (alert_order).
  std::vector<std::uint32_t> alert_order() const;
  std::size_t notice_count() const { return notices_.size(); }
  Notice materialize_notice(std::size_t i) const;

 private:
  void close(DutyId d);
  void schedule_escalations(DutyId d, const AlertRecord& a, AreaId area);
  std::uint64_t key_hash(const AlertRecord& a) const;
  bool same_key(const AlertRecord& a, const AlertRecord& b) const {
    return a.rule == b.rule && a.child == b.child && a.owner == b.owner &&
           a.occurrence == b.occurrence;
  }
  // The rule's hooks, each called with the context bound to the rule.
  void call_due(const Rule& rule, DutyId d);
  void call_timer(const Rule& rule, PersonId child, std::uint32_t payload);
  // The duty, when it is `rule`'s (std::logic_error otherwise).
  Duty& own_duty(const Rule& rule, DutyId d);

  EngineIds& ids_;
  EngineFacts& facts_;
  const EngineClock& clock_;
  DeadlineQueue& queue_;
  const std::vector<const Rule*>& rules_;
  std::vector<RuleContext>& contexts_;
  // The bit of PersonState::rule_state each state rule keeps its state in,
  // by rule index (0 for the others).
  std::vector<std::uint8_t> state_bits_;

  std::vector<Duty> duties_;
  std::vector<DutyId> free_duties_;
  std::vector<AlertRecord> alerts_;
  // Exactly once: hash of each alert's key -> the alerts with that hash.
  HashIndex alert_keys_;
  // Notices as ids and dates; their words are made when read.
  struct NoticeRecord {
    std::uint16_t rule;
    PersonId child;
    AgencyId to, about;
    Date at, on;
    std::string occurrence;
  };
  std::vector<NoticeRecord> notices_;
  TriggerLedger ledger_;
  // Duties found overdue while catching up: (duty, generation).
  int catching_up_ = 0;
  std::vector<std::pair<DutyId, std::uint32_t>> held_overdue_;
  std::vector<PersonId> dirty_;  // people whose duty lists hold closed duties
  EngineListener* listener_ = nullptr;
};

}  // namespace sightline::safeguards
