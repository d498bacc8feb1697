// For each safeguard, the form that records what resolves its alerts: the
// "Record it" link beside "What would resolve it", pre-filled for the child.
// One table for every rule in the catalogue (a test holds it complete).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sightline::pages {

struct ResolveLink {
  std::string_view rule;  // the catalogue's rule id
  // The form under the child's path ("record/appointment"), or, when it
  // begins with '/', a page of its own ("/transfers").
  std::string_view form;
  std::string_view prefill;  // a query string without '?' ("kind=new_birth_visit"), or ""
};

std::span<const ResolveLink> resolve_links();
// The link for an alert of `rule` about `child`, or nullopt for an unknown rule.
std::optional<std::string> resolve_href(std::string_view rule, const std::string& child);

}  // namespace sightline::pages
