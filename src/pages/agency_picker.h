// Choosing an agency by typing its name: a text input with a <datalist> of
// the agencies most likely meant (the browser suggests them as one types,
// with no script of ours, and a browser without datalists still takes the
// typed name), instead of a select of every agency. The name is mapped back
// to the agency's id on the server, which says clearly when no agency has it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pages/agency_directory.h"
#include "pages/components.h"

namespace sightline::pages {

struct AgencyPickerOptions {
  std::string id = {};
  std::string name = {};
  Caption label = {};
  std::string hint = {};
  std::string value = {};  // as typed, or an agency's id (shown by its name)
  std::string error = {};
  std::vector<AgencyView> suggestions = {};  // the datalist, in this order
};
// The datalist's id is the input's id followed by "-agencies".
Html agency_picker(const AgencyPickerOptions& o, const AgencyNames& names);

// Choosing several agencies (who took part in a discussion or conference) the
// same way: a fieldset of agency pickers named `name` sharing one datalist,
// one for each agency already given and `spare` empty ones for more, so that
// it works without script (a form sent back with errors shows what was typed,
// and spare inputs again). Inputs are `id`, `id-2`, `id-3`, ...: the first is
// the target of an error summary link; the datalist is `id`-agencies.
struct AgencyListPickerOptions {
  std::string id = {};
  std::string name = {};
  Caption legend = {};
  std::string hint = {};
  std::vector<std::string> values = {};  // as typed, or agencies' ids; empty ones skipped
  std::string error = {};                // the group's, shown under the hint
  // The error of each input after the first, by its place among the
  // non-empty `values` (the first input's is the group's).
  std::vector<std::string> input_errors = {};
  std::vector<AgencyView> suggestions = {};
  std::size_t spare = 3;
};
Html agency_list_picker(const AgencyListPickerOptions& o, const AgencyNames& names);

// What an answer to an agency picker names.
struct AgencyAnswer {
  std::string id = {};     // the agency's id; "" when none was typed or none matches
  std::string error = {};  // why `typed` names no agency; "" when it does or is empty
};
// `typed` read as an agency's name, ignoring case and surrounding spaces,
// among every agency of `list`, or as an agency's id (a pre-filled link, or a
// client that sends ids). A name two agencies share is refused as ambiguous.
AgencyAnswer read_agency_answer(std::string_view typed, const AgencyList& list);

}  // namespace sightline::pages
