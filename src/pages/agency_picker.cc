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

Html agency_list_picker(const AgencyListPickerOptions& o, const AgencyNames& names) {
  const std::string list_id = o.id + "-agencies";
  const std::string hint_id = o.id + "-hint";
  const std::string error_id = o.id + "-error";
  std::string described = o.hint.empty() ? "" : hint_id;
  if (!o.error.empty()) described += (described.empty() ? "" : " ") + error_id;
  Html out =
      Html::trusted(std::string("<div class=\"govuk-form-group") +
                    (o.error.empty() ? "" : " govuk-form-group--error") +
                    "\"><fieldset class=\"govuk-fieldset\"" +
                    (described.empty() ? "" : " aria-describedby=\"" + escape(described) + "\"") +
                    "><legend class=\"govuk-fieldset__legend " + escape(o.legend.classes) + "\">" +
                    escape(o.legend.text) + "</legend>");
  if (!o.hint.empty()) {
    out += Html::trusted("<div class=\"govuk-hint\" id=\"" + escape(hint_id) + "\">") +
           text(o.hint) + Html::trusted("</div>");
  }
  if (!o.error.empty()) out += error_message(error_id, o.error);
  std::vector<std::string> shown;
  for (const std::string& v : o.values) {
    if (trimmed(v).empty()) continue;
    const auto named = names.find(v);
    shown.push_back(named != names.end() ? named->second : v);
  }
  shown.resize(shown.size() + o.spare);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const std::string id = i == 0 ? o.id : o.id + "-" + std::to_string(i + 1);
    out += text_input({.id = id,
                       .name = o.name,
                       .label = {"Agency " + std::to_string(i + 1), "govuk-label--s"},
                       .value = shown[i],
                       .error = i > 0 && i < o.input_errors.size() ? o.input_errors[i] : "",
                       .autocomplete = "off",
                       .spellcheck_off = true,
                       .list = list_id});
  }
  std::string options = "<datalist id=\"" + escape(list_id) + "\">";
  for (const AgencyView& a : o.suggestions) options += "<option value=\"" + escape(a.name) + "\">";
  return out + Html::trusted(options + "</datalist></fieldset></div>");
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
