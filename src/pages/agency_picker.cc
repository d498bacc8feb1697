#include "pages/agency_picker.h"

#include <cctype>

#include "core/text.h"

namespace sightline::pages {
namespace {

std::string folded(std::string_view s) {
  std::string out = trimmed(std::string(s));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Html agency_picker(const AgencyPickerOptions& o, const AgencyNames& names) {
  const auto named = names.find(o.value);
  const std::string shown = named != names.end() ? named->second : o.value;
  const std::string list_id = o.id + "-agencies";
  Html out = text_input({.id = o.id,
                         .name = o.name,
                         .label = o.label,
                         .hint = o.hint.empty() ? "Type the agency's name and choose it from "
                                                  "the suggestions, or type it in full."
                                                : o.hint,
                         .value = shown,
                         .error = o.error,
                         .autocomplete = "off",
                         .spellcheck_off = true,
                         .list = list_id});
  std::string options = "<datalist id=\"" + escape(list_id) + "\">";
  for (const AgencyView& a : o.suggestions) options += "<option value=\"" + escape(a.name) + "\">";
  return out + Html::trusted(options + "</datalist>");
}

AgencyAnswer read_agency_answer(std::string_view typed, const AgencyList& list) {
  const std::string wanted = folded(typed);
  if (wanted.empty()) return {};
  if (list.index_of_id.contains(trimmed(std::string(typed)))) {
    return {trimmed(std::string(typed)), ""};
  }
  std::string found;
  int matches = 0;
  for (const AgencyView& a : list.by_name) {
    if (folded(a.name) != wanted) continue;
    found = a.id;
    ++matches;
  }
  if (matches == 1) return {found, ""};
  const std::string quoted = "\u201C" + trimmed(std::string(typed)) + "\u201D";
  if (matches > 1) {
    return {"", "More than one agency is called " + quoted + ": choose one from the suggestions"};
  }
  return {"",
          "No agency is called " + quoted + ": type its name as the list of suggestions shows it"};
}

}  // namespace sightline::pages
