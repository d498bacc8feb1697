// Small questions several rules ask of the engine's state.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "safeguards/engine_core.h"

namespace sightline::safeguards::rules {

// Has an agency of `kind` seen the child at or after `since`?
inline bool seen_by_kind_since(const EngineCore& core, PersonId child, AgencyKind kind,
                               std::int64_t since) {
  for (const auto& [agency, t] : core.state(child).seen_by) {
    if (t >= since && core.agency_info(agency).kind == kind) return true;
  }
  return false;
}

inline bool is_kind(const EngineCore& core, AgencyId a, AgencyKind kind) {
  return a != kNone && core.agency_info(a).kind == kind;
}

// The list of indicator codes in `mask`, as words for `reasons`.
inline std::string indicator_list(std::uint32_t mask) {
  std::string out;
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (!((mask >> i) & 1u)) continue;
    if (!out.empty()) out += ", ";
    out += to_string(static_cast<Indicator>(i));
  }
  return out;
}

// Opens `rule`'s duty for `child`, owed by `owner`, due `working_days` after
// `trigger`, giving the active indicators in `active` as its reason: the duty
// of every rule triggered by indicators spanning domains.
inline void open_indicator_duty(EngineCore& core, const Rule& rule, PersonId child, AgencyId owner,
                                Date trigger, int working_days, std::string occurrence,
                                std::uint32_t active) {
  DutySpec spec;
  spec.child = child;
  spec.owner = owner;
  spec.trigger = trigger;
  spec.due = core.add_wd(trigger, working_days);
  spec.occurrence = std::move(occurrence);
  spec.extras = std::make_unique<AlertExtras>();
  spec.extras->reasons.push_back("active indicators: " + indicator_list(active));
  core.open(rule, std::move(spec));
}

// Raises a duty owned by "KIND of the child's area" to that area's agency as
// found now, when the duty falls due (R3): the area may have become known,
// or changed, since the trigger.
inline void raise_to_area_owner(EngineCore& core, DutyId id, AgencyKind kind) {
  Duty& d = core.duty(id);
  if (const AgencyId owner = core.area_owner(kind, d.child); owner != kNone) d.owner = owner;
  core.raise(id);
}

// C9 for a rule that watches a state: keeps the state's last value in the
// rule's bit of the child's rule_state, and says whether a new occurrence
// starts: the state has just become true (the trigger, marked in the ledger)
// and no earlier duty or alert of the rule for the child is open (else the
// trigger is settled with that reason).
inline bool occurrence_starts(EngineCore& core, const Rule& rule, PersonId child,
                              std::uint8_t state_bit, bool state) {
  PersonState& s = core.state(child);
  const bool was = (s.rule_state & state_bit) != 0;
  if (state) {
    s.rule_state |= state_bit;
  } else {
    s.rule_state &= static_cast<std::uint8_t>(~state_bit);
  }
  if (!state || was) return false;
  core.triggered(rule, child);
  if (core.any_open(child, rule)) {
    core.no_duty(rule, child, NoDutyReason::kOccurrenceOpen);
    return false;
  }
  return true;
}

// Years completed between `dob` and `on`.
inline int age_in_years(Date dob, Date on) {
  int years = on.year() - dob.year();
  if (on.month() < dob.month() || (on.month() == dob.month() && on.day() < dob.day())) --years;
  return years;
}

}  // namespace sightline::safeguards::rules
