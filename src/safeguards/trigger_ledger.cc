#include "safeguards/trigger_ledger.h"

#include <algorithm>

namespace sightline::safeguards {

std::string_view to_string(NoDutyReason reason) {
  switch (reason) {
    case NoDutyReason::kOccurrenceOpen:
      return "occurrence-open";
    case NoDutyReason::kChildDead:
      return "child-dead";
    case NoDutyReason::kAlreadyDone:
      return "already-done";
    case NoDutyReason::kMovedIntoSendersArea:
      return "moved-into-senders-area";
    case NoDutyReason::kUnborn:
      return "unborn";
    case NoDutyReason::kNotKnownAsChild:
      return "not-known-as-child";
    case NoDutyReason::kCount:
      break;
  }
  return "?";
}

std::string_view reading_of(NoDutyReason reason) {
  switch (reason) {
    case NoDutyReason::kOccurrenceOpen:
      return "C9";
    case NoDutyReason::kChildDead:
      return "R5";
    case NoDutyReason::kAlreadyDone:
      return "Terms";
    case NoDutyReason::kMovedIntoSendersArea:
      return "R19";
    case NoDutyReason::kUnborn:
      return "R20";
    case NoDutyReason::kNotKnownAsChild:
      return "R64";
    case NoDutyReason::kCount:
      break;
  }
  return "?";
}

void TriggerLedger::triggered(std::uint16_t rule, std::uint32_t child) {
  // A rule that marks the same trigger twice in one step owes one settlement.
  const auto same = [&](const Pending& p) { return p.rule == rule && p.child == child; };
  if (std::any_of(pending_.begin(), pending_.end(), same)) return;
  ++tallies_[rule].triggers;
  pending_.push_back({rule, child});
}

bool TriggerLedger::settle(std::uint16_t rule, std::uint32_t child) {
  const auto it = std::find_if(pending_.begin(), pending_.end(), [&](const Pending& p) {
    return p.rule == rule && p.child == child;
  });
  if (it == pending_.end()) return false;
  pending_.erase(it);
  return true;
}

void TriggerLedger::settled_by_duty(std::uint16_t rule, std::uint32_t child) {
  if (settle(rule, child)) ++tallies_[rule].duties;
}

void TriggerLedger::settled_without_duty(std::uint16_t rule, std::uint32_t child,
                                         NoDutyReason why) {
  if (settle(rule, child)) ++tallies_[rule].without_duty[static_cast<std::size_t>(why)];
}

}  // namespace sightline::safeguards
