// Small questions several rules ask of the engine's state.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "safeguards/rule_context.h"

namespace sightline::safeguards::rules {

// Has an agency of `kind` seen the child at or after `since`?
inline bool seen_by_kind_since(RuleContext& ctx, PersonId child, AgencyKind kind,
                               std::int64_t since) {
  for (const auto& [agency, t] : ctx.state(child).seen_by) {
    if (t >= since && ctx.agency_info(agency).kind == kind) return true;
  }
  return false;
}

inline bool is_kind(RuleContext& ctx, AgencyId a, AgencyKind kind) {
  return a != kNone && ctx.agency_info(a).kind == kind;
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

// Opens the rule's duty for `child`, owed by `owner`, due `working_days` after
// `trigger`, giving the active indicators in `active` as its reason: the duty
// of every rule triggered by indicators spanning domains.
inline void open_indicator_duty(RuleContext& ctx, PersonId child, AgencyId owner, Date trigger,
                                int working_days, std::string occurrence, std::uint32_t active) {
  DutySpec spec;
  spec.child = child;
  spec.owner = owner;
  spec.trigger = trigger;
  spec.due = ctx.add_wd(trigger, working_days);
  spec.occurrence = std::move(occurrence);
  spec.extras = std::make_unique<AlertExtras>();
  spec.extras->reasons.push_back("active indicators: " + indicator_list(active));
  ctx.open(std::move(spec));
}

// Raises a duty owned by "KIND of the child's area" to that area's agency as
// found now, when the duty falls due (R3): the area may have become known,
// or changed, since the trigger.
inline void raise_to_area_owner(RuleContext& ctx, DutyId id, AgencyKind kind) {
  if (const AgencyId owner = ctx.area_owner(kind, ctx.duty(id).child); owner != kNone) {
    ctx.raise_to(id, owner);
  } else {
    ctx.raise(id);
  }
}

// Years completed between `dob` and `on`.
inline int age_in_years(Date dob, Date on) {
  int years = on.year() - dob.year();
  if (on.month() < dob.month() || (on.month() == dob.month() && on.day() < dob.day())) --years;
  return years;
}

}  // namespace sightline::safeguards::rules
