// A safeguard of the catalogue, as code. Rules hold no state of their own:
// they read the engine's facts, and act on their own duties, through the
// RuleContext they are called with (rule_context.h), so one set of rule
// objects serves every engine.
//
// How a rule is driven (all calls happen on the replay clock):
// - on_event: for each event of a type listed in events(), after the engine
//   has updated its own view of the child (sightings, involvements,
//   addresses, indicators) for that event.
// - on_state: for rules that watch a state (C9), once per event for every
//   child the event touched, after every on_event, when the event changed a
//   fact the rule watches (watches(), fact.h). A state that changes with
//   time alone asks for a timer.
// - on_due: when a duty's due date has ended without it being done. The
//   default raises the alert; a rule overrides it to choose owners then.
// - on_timer: at an instant the rule scheduled (e.g. 28 weeks' gestation).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "feed/event.h"
#include "safeguards/fact.h"
#include "safeguards/person_state.h"
#include "safeguards/rule_info.h"

namespace sightline::safeguards {

class RuleContext;

class Rule;

// A parameter of a rule, declared by name (Rule::parameter): the handle a
// rule reads its configured value by (RuleContext::param).
class Parameter {
 public:
  const Rule& rule() const { return *rule_; }
  // Its place among the rule's parameters, as the configuration holds them.
  std::size_t index() const { return index_; }

 private:
  friend class Rule;
  Parameter(const Rule& rule, std::size_t index) : rule_(&rule), index_(index) {}
  const Rule* rule_;
  std::size_t index_;
};

class Rule {
 public:
  explicit Rule(RuleInfo info) : info_(info) {}
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleInfo& info() const { return info_; }
  // The rule's parameters with their national defaults, in declaration order.
  const std::vector<ParameterSpec>& params() const { return params_; }
  // Position in catalogue(); set once when the catalogue is built.
  std::uint16_t index() const { return index_; }

  virtual std::vector<EventType> events() const { return {}; }
  virtual void on_event(RuleContext& /*ctx*/, const Event& /*event*/) const {}
  // A state rule (C9) names the facts its state is made of; the engine calls
  // on_state after every event that changed one of them. Empty: not a state rule.
  virtual FactSet watches() const { return {}; }
  virtual void on_state(RuleContext& /*ctx*/, PersonId /*child*/) const {}
  virtual void on_due(RuleContext& ctx, DutyId duty) const;
  virtual void on_timer(RuleContext& /*ctx*/, PersonId /*child*/, std::uint32_t /*payload*/) const {
  }
  // The words of a notice this rule sent, about an agency and a date.
  virtual std::string notice_text(std::string_view /*about*/, Date /*on*/) const { return {}; }

 protected:
  // Declares a parameter (its name in the configuration, its national
  // default, what it means in a line) and returns the handle to read it by.
  // A rule declares each as a member: const Parameter working_days_ =
  // parameter("working_days", 7, "...");
  Parameter parameter(std::string_view name, int default_value, std::string_view meaning) {
    params_.push_back(ParameterSpec{name, default_value, meaning});
    return Parameter(*this, params_.size() - 1);
  }

 private:
  friend void set_rule_index(Rule& rule, std::uint16_t index);
  RuleInfo info_;
  std::vector<ParameterSpec> params_;
  std::uint16_t index_ = 0;
};

void set_rule_index(Rule& rule, std::uint16_t index);

}  // namespace sightline::safeguards
