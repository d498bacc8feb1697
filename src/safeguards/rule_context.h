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
// The context is two references, made afresh for every call; every method is
// inline and forwards to the engine's parts, so going through it costs
// nothing over calling the engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "safeguards/catalogue.h"
#include "safeguards/engine_core.h"

namespace sightline::safeguards {

// "line N" or the event's id: how an occurrence names its trigger.
inline std::string occurrence_of(const Event& e) { return EngineCore::occurrence_of(e); }
// Domains (C7) spanned by an indicator mask, optionally not counting one domain.
inline int domain_count(std::uint32_t mask, std::optional<Domain> except = std::nullopt) {
  return EngineCore::domain_count(mask, except);
}
inline bool has_indicator(std::uint32_t mask, Indicator i) { return EngineCore::has(mask, i); }
using Move = EngineCore::Move;

class RuleContext {
 public:
  RuleContext(EngineCore& core, const Rule& rule) : core_(core), rule_(rule) {}

  // The rule this context acts for.
  const Rule& rule() const { return rule_; }
  // The same engine, acting for another rule: for two rules whose catalogue
  // rows raise each other's alerts (whereabouts-unknown raises
  // missing-alert-required with its own alert).
  RuleContext acting_for(const Rule& other) const { return RuleContext(core_, other); }

  // ----- clock and calendar -----
  Date today() const { return core_.today(); }
  std::int64_t now_instant() const { return core_.now_instant(); }
  // The end of "within n WD of d" (C3: d itself never counts).
  Date add_wd(Date d, int n) const { return core_.add_wd(d, n); }
  // The current event while one is being applied; nullptr on a timer or a due date.
  const Event* event() const { return core_.event(); }

  // ----- configuration -----
  // A parameter of the rule, by the handle it declared it with, as
  // configured for `area` (kNone: the defaults).
  int param(const Parameter& p, AreaId area) const {
    return core_.param(p.rule(), p.index(), area);
  }
  // A window of the derived indicators ("indicators" section) for `area`.
  int indicator_param(IndicatorParam p, AreaId area) const {
    return core_.section_param(kIndicatorSection, p, area);
  }

  // ----- ids: people, agencies, areas, events -----
  // Interned on first use (an id is not a fact; naming one changes no state).
  PersonId find_person(std::string_view id) { return core_.find_person(id); }
  AgencyId agency(std::string_view id) { return core_.agency(id); }
  AreaId area(std::string_view gss) { return core_.area(gss); }
  std::string_view agency_name(AgencyId a) const { return core_.agency_name(a); }
  std::uint32_t find_ref(std::string_view id) const { return core_.find_ref(id); }

  // ----- facts, read-only -----
  const PersonState& state(PersonId p) const { return core_.state(p); }
  const AgencyInfo& agency_info(AgencyId a) const { return core_.agency_info(a); }
  bool is_health_agency(AgencyId a) const { return core_.is_health_agency(a); }
  // The first agency of `kind` serving `area`, else the KIND:AREA owner (C1).
  AgencyId serving(AgencyKind kind, AreaId area) { return core_.serving(kind, area); }
  AreaId child_area(PersonId child) const { return core_.child_area(child); }
  AgencyId area_owner(AgencyKind kind, PersonId child) { return core_.area_owner(kind, child); }
  std::uint32_t active_indicators(PersonId child) const { return core_.active_indicators(child); }
  bool has_open_involvement(PersonId child) const { return core_.has_open_involvement(child); }
  bool known_to_services(PersonId child) const { return core_.known_to_services(child); }
  AgencyId last_in_contact(PersonId child) const { return core_.last_in_contact(child); }
  std::optional<Location> located_after(PersonId child, std::int64_t t) const {
    return core_.located_after(child, t);
  }
  std::optional<PremisesKind> premises_at(const Address& a) const { return core_.premises_at(a); }
  const std::vector<std::pair<PersonId, AgencyId>>& sightings() const { return core_.sightings(); }
  const std::vector<PersonId>& located() const { return core_.located(); }
  const std::vector<EngineCore::Move>& moves() const { return core_.moves(); }
  const std::vector<PersonId>& children_named() const { return core_.children_named(); }
  const ReferralInfo* referral(std::string_view id) const { return core_.referral(id); }
  const AssessmentInfo* assessment(std::string_view id) const { return core_.assessment(id); }
  const TransferInfo* transfer(std::string_view id) const { return core_.transfer(id); }
  const TransferInfo* transfer_by_ref(std::uint32_t ref) const {
    return core_.transfer_by_ref(ref);
  }
  const PlanInfo* plan(std::string_view id) const { return core_.plan(id); }
  const ConferenceInfo* last_conference(PersonId child) const {
    return core_.last_conference(child);
  }
  const ReferralInfo* latest_referral(PersonId child) const { return core_.latest_referral(child); }
  template <class F>
  void for_each_referral(PersonId child, F&& f) const {
    core_.for_each_referral(child, std::forward<F>(f));
  }

  // ----- this rule's triggers (trigger_ledger.h) -----
  void triggered(PersonId child) { core_.triggered(rule_, child); }
  void no_duty(PersonId child, NoDutyReason why) { core_.no_duty(rule_, child, why); }
  // C9 for a state rule: keeps the state's last value for the child (in a
  // bit the engine gave the rule), and says whether a new occurrence starts:
  // the state has just become true (the trigger, marked) and no duty or
  // alert of the rule for the child is open (else the trigger is settled
  // with that reason).
  bool occurrence_starts(PersonId child, bool state) {
    return core_.occurrence_starts(rule_, child, state);
  }

  // ----- this rule's duties -----
  // See EngineCore::open. Returns the duty, or kNone.
  DutyId open(DutySpec spec) { return core_.open(rule_, std::move(spec)); }
  const Duty& duty(DutyId d) const { return core_.duty(d); }
  bool any_open(PersonId child) const { return core_.any_open(child, rule_); }
  // Calls f(DutyId) for each open duty of this rule held for `child`; f may
  // resolve or end the duty it is given, and open others.
  template <class F>
  void for_each_open(PersonId child, F&& f) {
    core_.for_each_open(child, rule_, std::forward<F>(f));
  }
  // The current event does the duty (an alert is resolved by it).
  void resolve(DutyId d) { core_.resolve(d); }
  // An event applied earlier did the duty: one named by its id (else its
  // line), or the one that located the child.
  void resolve_by(DutyId d, std::string_view event_id, std::int64_t line) {
    core_.resolve_by(d, event_id, line);
  }
  void resolve_by(DutyId d, const Location& by) { core_.resolve_by(d, by); }
  // The duty ends without being done (C9): a pending duty closes, an alert stays.
  void end(DutyId d) { core_.end(d); }
  // Moves a pending duty's due date.
  void reschedule(DutyId d, Date due) { core_.reschedule(d, due); }
  // Raises the duty's alert now (what on_due does unless the rule says otherwise).
  void raise(DutyId d) { core_.raise(d); }
  // Raises it to `owner`, found when it falls due (R3).
  void raise_to(DutyId d, AgencyId owner) {
    core_.set_owner(rule_, d, owner);
    core_.raise(d);
  }
  // The rule's own bookkeeping on its duty (Duty::subject, Duty::extra).
  void set_subject(DutyId d, std::uint32_t subject) { core_.set_subject(rule_, d, subject); }
  void set_extra(DutyId d, std::uint32_t extra) { core_.set_extra(rule_, d, extra); }

  // ----- timers and notices -----
  // Runs the rule's on_timer(child, payload) when the clock reaches `instant`.
  void schedule(PersonId child, std::int64_t instant, std::uint32_t payload) {
    core_.schedule(rule_, child, instant, payload);
  }
  // Sends a notice now, worded by the rule's notice_text(about, on).
  void notice(PersonId child, AgencyId to, AgencyId about, Date on, std::string occurrence) {
    core_.notice(rule_, child, to, about, on, std::move(occurrence));
  }

 private:
  EngineCore& core_;
  const Rule& rule_;
};

}  // namespace sightline::safeguards
