// What every safeguard declares about itself: its id, the finding(s) it comes
// from, the guidance it cites and its words for people; and the shape of its numbers (parameters),
// which it declares by name (Rule::parameter), each with its national default
// that an area may override in configuration.
#pragma once

#include <string_view>
#include <vector>

namespace sightline::safeguards {

struct ParameterSpec {
  std::string_view name;     // e.g. "working_days"
  int default_value = 0;     // the national default
  std::string_view meaning;  // one line, for docs and error messages
};

struct RuleInfo {
  std::string_view id;       // stable, e.g. "referral-decision-overdue"
  std::string_view finding;  // "F7, F8"; empty when the rule comes from guidance alone
  std::string_view source;   // the guidance reference each alert cites
  // In plain English, for the people who must act on its alerts (the pages
  // show these): a few words; what the rule watches for, in a sentence; and
  // what would resolve an alert of it.
  std::string_view title;
  std::string_view meaning;
  std::string_view resolves;
};

// A named group of parameters in the configuration file: one per rule, plus
// "escalation" (the steps of C2) and "indicators" (the windows of the derived
// indicators).
struct SectionSpec {
  std::string_view name;
  const std::vector<ParameterSpec>* params;
};

}  // namespace sightline::safeguards
