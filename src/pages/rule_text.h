// Each safeguard in plain English, for the people who must act on its
// alerts: a short title, what the rule means, and what resolves it, as each
// rule declares them beside its code (safeguards/rules/, RuleInfo); and each
// finding of the serious case review (F1-F8) as a short plain title.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace sightline::pages {

struct RuleText {
  std::string_view id;        // the catalogue's rule id
  std::string_view title;     // a few words
  std::string_view meaning;   // what the rule watches for, in a sentence
  std::string_view resolves;  // what would resolve an alert of it
};

// Every rule's text, in the catalogue's order.
std::span<const RuleText> rule_texts();
// The text of this rule, or nullptr when there is none.
const RuleText* rule_text(std::string_view id);

// The short plain title of a finding ("F7" -> ...), or "" when unknown.
std::string_view finding_title(std::string_view code);
// Each finding of a list ("F7, F8") with its title: "F7: ...; F8: ...".
std::string findings_text(std::string_view codes);

}  // namespace sightline::pages
