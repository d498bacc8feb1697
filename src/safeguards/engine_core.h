// The engine's parts, put together, and the loop that drives them: the clock
// moves on through the deadline queue, then an event updates the facts and
// runs the rules that listen to it, then the state rules that watch what it
// changed.
//
// The parts, one header each:
// - engine_ids.h: ids interned into dense numbers, areas with their
//   parameters, and every speed trick of reaching a person's state fast;
// - engine_facts.h: what the engine knows of people, agencies and the
//   referenced events, and how each kind of event changes it;
// - duties.h: duties, alerts, escalation, timers, notices, the trigger ledger;
// - deadline_queue.h: what happens when, as the clock moves on;
// - engine_clock.h: the clock and the event being applied.
// Rules see them through a RuleContext (rule_context.h).
//
// Contract:
// - Deterministic: the same events, configuration and calendar give the same
//   alerts in the same order (ids are interned in first-seen order and queue
//   ties break by insertion order).
// - Incremental: an event touches only the state of the people it names (and
//   the children of the carers it names) and the duties those people hold;
//   time passing pops the deadline queue. Nothing scans all children.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/working_days.h"
#include "feed/event.h"
#include "feed/resolved_ids.h"
#include "safeguards/alert.h"
#include "safeguards/config.h"
#include "safeguards/deadline_queue.h"
#include "safeguards/duties.h"
#include "safeguards/engine_clock.h"
#include "safeguards/engine_facts.h"
#include "safeguards/engine_ids.h"
#include "safeguards/fact.h"
#include "safeguards/listener.h"
#include "safeguards/notice.h"
#include "safeguards/person_state.h"
#include "safeguards/rule.h"
#include "safeguards/trigger_ledger.h"

namespace sightline::safeguards {

class RuleContext;

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
  void set_listener(EngineListener* listener) { duties_.set_listener(listener); }
  Timestamp now() const { return clock_.now; }

  // ----- reading (used by SafeguardsEngine) -----
  std::size_t alert_count() const { return duties_.alert_count(); }
  const AlertRecord& alert_record(std::size_t i) const { return duties_.alert_record(i); }
  Alert materialize(const AlertRecord& r) const { return duties_.materialize(r); }
  // Indices of every alert in the catalogue's order (alert_order).
  std::vector<std::uint32_t> alert_order() const { return duties_.alert_order(); }
  std::size_t notice_count() const { return duties_.notice_count(); }
  Notice materialize_notice(std::size_t i) const { return duties_.materialize_notice(i); }
  const TriggerLedger& ledger() const { return duties_.ledger(); }
  // The person's dense id, or kNone when no event named them (nothing is interned).
  PersonId known_person(std::string_view id) const { return ids_.known_person(id); }
  const PersonState& state(PersonId p) const { return facts_.state(p); }
  std::string_view agency_name(AgencyId a) const { return ids_.agency_name(a); }

  // The parts.
  const EngineIds& ids() const { return ids_; }
  const EngineFacts& facts() const { return facts_; }
  const Duties& duties() const { return duties_; }

 private:
  const SafeguardsConfig& config_;
  EngineClock clock_;
  EngineIds ids_;
  EngineFacts facts_;
  DeadlineQueue queue_;
  std::vector<const Rule*> rules_;
  // Each rule's context (rule_context.h), by rule index: made once, as a
  // context holds nothing but the parts and the rule.
  std::vector<RuleContext> contexts_;
  Duties duties_;

  std::array<std::vector<const Rule*>, kEventTypeCount> by_type_;
  std::vector<const Rule*> state_rules_;
  std::vector<FactSet> state_watches_;  // what each of state_rules_ watches
  FactSet watched_;                     // what any of them watches

  // Replay follows `recorded`, and a valid feed may record an event before the
  // one it refers to (an assessment completed, then its start recorded late):
  // such an event waits here, by the id it names, and is applied as soon as
  // that event has been (R45).
  std::unordered_map<std::string, std::vector<Event>> waiting_;
};

}  // namespace sightline::safeguards
