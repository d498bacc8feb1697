// Every trigger a rule sees ends in a duty, or in a reason why not.
//
// The failure the review describes is the safeguard that quietly does
// nothing: a rule whose trigger happened but which set no duty because an
// owner, an area or an order of events was not what it expected. The ledger
// holds the engine to account for that. A rule marks its trigger when the
// catalogue's trigger condition holds (triggered); opening the duty or
// recording the fault settles it; where the rule decides that no duty is owed,
// it settles the trigger with a reason (without_duty), and each reason is a
// documented reading of the catalogue. A trigger still unsettled when the
// event (or timer) that caused it is done is counted as silent: tests replay
// whole populations and allow none.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::safeguards {

// Why a rule set no duty on a trigger it saw. Each names the reading or
// clarification that says so (reading_of), so that no reason is undocumented.
enum class NoDutyReason : std::uint8_t {
  kOccurrenceOpen,        // C9: an earlier duty or alert of the occurrence is open
  kChildDead,             // R5: nothing is set for a dead child
  kAlreadyDone,           // the duty's action is already in the chronology (learnt late)
  kMovedIntoSendersArea,  // R19: a child moving into the sending HV's own area
  kUnborn,                // R20: an unborn child cannot be seen before the birth
  kNotKnownAsChild,       // R10: nobody has said the person is a child
  kCount
};
inline constexpr std::size_t kNoDutyReasonCount = static_cast<std::size_t>(NoDutyReason::kCount);

std::string_view to_string(NoDutyReason reason);
// The reading ("R5") or clarification ("C9") that documents the reason.
std::string_view reading_of(NoDutyReason reason);

class TriggerLedger {
 public:
  struct RuleTally {
    std::uint64_t triggers = 0;  // triggers marked
    std::uint64_t duties = 0;    // triggers settled by a duty or fault
    std::array<std::uint64_t, kNoDutyReasonCount> without_duty{};
    // Triggers that ended their step unsettled, and duties dropped when due.
    std::uint64_t silent = 0;
  };
  // A silent trigger, for a test's message: which rule, which child, where.
  struct Silent {
    std::uint16_t rule;
    std::uint32_t child;
    std::string where;
  };

  // One tally per rule of the catalogue, by the rule's index.
  void reset(std::size_t rule_count) { tallies_.assign(rule_count, RuleTally{}); }

  void triggered(std::uint16_t rule, std::uint32_t child);
  // A duty (or fault) opened for the child: settles the rule's pending trigger
  // for that child, if any.
  void settled_by_duty(std::uint16_t rule, std::uint32_t child);
  void settled_without_duty(std::uint16_t rule, std::uint32_t child, NoDutyReason why);
  // The step (an event, a due date, a timer) is done: what is unsettled is
  // silent. `where` is called only then, to say which step it was.
  template <class Where>
  void end_step(Where&& where) {
    if (pending_.empty()) return;
    for (const Pending& p : pending_) {
      ++tallies_[p.rule].silent;
      if (silent_.size() < kSilentKept) silent_.push_back(Silent{p.rule, p.child, where()});
    }
    pending_.clear();
  }

  // A duty fell due undone and its rule neither raised its alert nor moved
  // its date: the duty was dropped, which is silent too.
  template <class Where>
  void unraised_due(std::uint16_t rule, std::uint32_t child, Where&& where) {
    ++tallies_[rule].silent;
    if (silent_.size() < kSilentKept) silent_.push_back(Silent{rule, child, where()});
  }

  const std::vector<RuleTally>& tallies() const { return tallies_; }
  // The first silent triggers (at most kSilentKept).
  const std::vector<Silent>& silent() const { return silent_; }
  static constexpr std::size_t kSilentKept = 32;

 private:
  struct Pending {
    std::uint16_t rule;
    std::uint32_t child;
  };
  // Removes the pending trigger of (rule, child); false when there was none.
  bool settle(std::uint16_t rule, std::uint32_t child);

  std::vector<RuleTally> tallies_;
  std::vector<Pending> pending_;  // a handful at most: the triggers of one step
  std::vector<Silent> silent_;
};

}  // namespace sightline::safeguards
