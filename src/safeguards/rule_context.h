// What a rule sees of the engine, and all that it may do.
//
// A rule is called with a RuleContext bound to itself. Through it the rule
// reads the engine's facts, read-only: the people's states, the dense ids,
// the configuration (its own parameters by name) and the working-day
// calendar. And it may act only on its own duties: open one, resolve it,
// end it, move its due date, raise it when it falls due, note its own
// bookkeeping on it, schedule a timer and send a notice; and settle its
// triggers in the ledger (triggered / no_duty / occurrence_starts). It can
// change no PersonState, no other rule's duty, no configuration.
//
// The context is a reference to each part of the engine it reads or acts
// through (engine_core.h: the clock, the ids, the facts, the duties) and the
// rule, made once per rule; every method is inline and forwards to a part,
// so going through it costs nothing over calling the part.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "safeguards/catalogue.h"
#include "safeguards/duties.h"
#include "safeguards/engine_clock.h"
#include "safeguards/engine_facts.h"
#include "safeguards/engine_ids.h"

namespace sightline::safeguards {

// "line N" or the event's id: how an occurrence names its trigger.
inline std::string occurrence_of(const Event& e) { return Duties::occurrence_of(e); }
// Domains (C7) spanned by an indicator mask, optionally not counting one domain.
inline int domain_count(std::uint32_t mask, std::optional<Domain> except = std::nullopt) {
  return EngineFacts::domain_count(mask, except);
}
inline bool has_indicator(std::uint32_t mask, Indicator i) { return EngineFacts::has(mask, i); }

class RuleContext {
 public:
  // The engine's parts a rule reads and acts through.
  struct Parts {
    const EngineClock& clock;
    EngineIds& ids;
    EngineFacts& facts;
    Duties& duties;
  };
  RuleContext(Parts parts, const Rule& rule) : parts_(parts), rule_(rule) {}

  // The rule this context acts for.
  const Rule& rule() const { return rule_; }
  // The same engine, acting for another rule: for two rules whose catalogue
  // rows raise each other's alerts (whereabouts-unknown raises
  // missing-alert-required with its own alert).
  RuleContext acting_for(const Rule& other) const { return RuleContext(parts_, other); }

  // ----- clock and calendar -----
  Date today() const { return parts_.clock.today(); }
  std::int64_t now_instant() const { return parts_.clock.now_instant(); }
  // The end of "within n WD of d" (C3: d itself never counts).
  Date add_wd(Date d, int n) const { return parts_.clock.add_wd(d, n); }
  // The current event while one is being applied; nullptr on a timer or a due date.
  const Event* event() const { return parts_.clock.event; }

  // ----- configuration -----
  // A parameter of the rule, by the handle it declared it with, as
  // configured for `area` (kNone: the defaults).
  int param(const Parameter& p, AreaId area) const {
    return parts_.ids.section_param(kFirstRuleSection + p.rule().index(), p.index(), area);
  }
  // A window of the derived indicators ("indicators" section) for `area`.
  int indicator_param(IndicatorParam p, AreaId area) const {
    return parts_.ids.section_param(kIndicatorSection, p, area);
  }

  // ----- ids: people, agencies, areas, events -----
  // Interned on first use (an id is not a fact; naming one changes no state).
  PersonId find_person(std::string_view id) { return parts_.facts.person(id); }
  AgencyId agency(std::string_view id) { return parts_.facts.agency(id); }
  AreaId area(std::string_view gss) { return parts_.ids.area(gss); }
  std::string_view agency_name(AgencyId a) const { return parts_.ids.agency_name(a); }
  std::uint32_t find_ref(std::string_view id) const { return parts_.ids.find_ref(id); }

  // ----- facts, read-only -----
  const PersonState& state(PersonId p) const { return parts_.facts.state(p); }
  const AgencyInfo& agency_info(AgencyId a) const { return parts_.facts.agency_info(a); }
  bool is_health_agency(AgencyId a) const { return parts_.facts.is_health_agency(a); }
  // The first agency of `kind` serving `area`, else the KIND:AREA owner (C1).
  AgencyId serving(AgencyKind kind, AreaId area) { return parts_.facts.serving(kind, area); }
  AreaId child_area(PersonId child) const { return parts_.facts.child_area(child); }
  AgencyId area_owner(AgencyKind kind, PersonId child) {
    return parts_.facts.area_owner(kind, child);
  }
  std::uint32_t active_indicators(PersonId child) const {
    return parts_.facts.active_indicators(child);
  }
  bool has_open_involvement(PersonId child) const {
    return parts_.facts.has_open_involvement(child);
  }
  bool known_to_services(PersonId child) const { return parts_.facts.known_to_services(child); }
  AgencyId last_in_contact(PersonId child) const { return parts_.facts.last_in_contact(child); }
  std::optional<Location> located_after(PersonId child, std::int64_t t) const {
    return parts_.facts.located_after(child, t);
  }
  std::optional<PremisesKind> premises_at(const Address& a) const {
    return parts_.facts.premises_at(a);
  }
  const std::vector<std::pair<PersonId, AgencyId>>& sightings() const {
    return parts_.facts.sightings();
  }
  const std::vector<PersonId>& located() const { return parts_.facts.located(); }
  const std::vector<Move>& moves() const { return parts_.facts.moves(); }
  const std::vector<PersonId>& children_named() const { return parts_.facts.children_named(); }
  const ReferralInfo* referral(std::string_view id) const { return parts_.facts.referral(id); }
  const AssessmentInfo* assessment(std::string_view id) const {
    return parts_.facts.assessment(id);
  }
  const TransferInfo* transfer(std::string_view id) const { return parts_.facts.transfer(id); }
  const TransferInfo* transfer_by_ref(std::uint32_t ref) const {
    return parts_.facts.transfer_by_ref(ref);
  }
  const PlanInfo* plan(std::string_view id) const { return parts_.facts.plan(id); }
  const ConferenceInfo* last_conference(PersonId child) const {
    return parts_.facts.last_conference(child);
  }
  template <class F>
  void for_each_referral(PersonId child, F&& f) const {
    parts_.facts.for_each_referral(child, std::forward<F>(f));
  }

  // ----- this rule's triggers (trigger_ledger.h) -----
  void triggered(PersonId child) { parts_.duties.triggered(rule_, child); }
  void no_duty(PersonId child, NoDutyReason why) { parts_.duties.no_duty(rule_, child, why); }
  // C9 for a state rule: keeps the state's last value for the child (in a
  // bit the engine gave the rule), and says whether a new occurrence starts:
  // the state has just become true (the trigger, marked) and no duty or
  // alert of the rule for the child is open (else the trigger is settled
  // with that reason).
  bool occurrence_starts(PersonId child, bool state) {
    return parts_.duties.occurrence_starts(rule_, child, state);
  }

  // ----- this rule's duties -----
  // See Duties::open. Returns the duty, or kNone.
  DutyId open(DutySpec spec) { return parts_.duties.open(rule_, std::move(spec)); }
  const Duty& duty(DutyId d) const { return parts_.duties.duty(d); }
  bool any_open(PersonId child) const { return parts_.duties.any_open(child, rule_); }
  // Calls f(DutyId) for each open duty of this rule held for `child`; f may
  // resolve or end the duty it is given, and open others.
  template <class F>
  void for_each_open(PersonId child, F&& f) {
    parts_.duties.for_each_open(child, rule_, std::forward<F>(f));
  }
  // The current event does the duty (an alert is resolved by it).
  void resolve(DutyId d) { parts_.duties.resolve(d); }
  // An event applied earlier did the duty: one named by its id (else its
  // line), or the one that located the child.
  void resolve_by(DutyId d, std::string_view event_id, std::int64_t line) {
    parts_.duties.resolve_by(d, event_id, line);
  }
  void resolve_by(DutyId d, const Location& by) { parts_.duties.resolve_by(d, by); }
  // The duty ends without being done (C9): a pending duty closes, an alert stays.
  void end(DutyId d) { parts_.duties.end(d); }
  // Moves a pending duty's due date.
  void reschedule(DutyId d, Date due) { parts_.duties.reschedule(d, due); }
  // Raises the duty's alert now (what on_due does unless the rule says otherwise).
  void raise(DutyId d) { parts_.duties.raise(d); }
  // Raises it to `owner`, found when it falls due (R3).
  void raise_to(DutyId d, AgencyId owner) {
    parts_.duties.set_owner(rule_, d, owner);
    parts_.duties.raise(d);
  }
  // The rule's own bookkeeping on its duty (Duty::subject, Duty::extra).
  void set_subject(DutyId d, std::uint32_t subject) {
    parts_.duties.set_subject(rule_, d, subject);
  }
  void set_extra(DutyId d, std::uint32_t extra) { parts_.duties.set_extra(rule_, d, extra); }

  // ----- timers and notices -----
  // Runs the rule's on_timer(child, payload) when the clock reaches `instant`.
  void schedule(PersonId child, std::int64_t instant, std::uint32_t payload) {
    parts_.duties.schedule(rule_, child, instant, payload);
  }
  // Sends a notice now, worded by the rule's notice_text(about, on).
  void notice(PersonId child, AgencyId to, AgencyId about, Date on, std::string occurrence) {
    parts_.duties.notice(rule_, child, to, about, on, std::move(occurrence));
  }

 private:
  Parts parts_;
  const Rule& rule_;
};

}  // namespace sightline::safeguards
