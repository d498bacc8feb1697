#include "pages/record_form.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/text.h"
#include "pages/agency_picker.h"
#include "pages/child_access.h"
#include "pages/event_text.h"
#include "pages/layout.h"
#include "web/secrets.h"

namespace sightline::pages {
namespace {

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

int to_int(const std::string& s) {
  if (s.empty() || s.size() > 4) return -1;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

void FieldErrors::add(const std::string& field_id, const std::string& message) {
  if (by_field_.contains(field_id)) return;
  by_field_[field_id] = message;
  summary_.push_back({"#" + field_id, message});
}

std::string FieldErrors::of(const std::string& field_id) const {
  const auto it = by_field_.find(field_id);
  return it == by_field_.end() ? std::string() : it->second;
}

DateParts date_parts(const Visit& v, const std::string& name) {
  if (v.request.method != "POST") {
    const Date today = v.parts.clock.now().date;
    return {std::to_string(today.day()), std::to_string(today.month()),
            std::to_string(today.year())};
  }
  return {v.form.get(name + "-day"), v.form.get(name + "-month"), v.form.get(name + "-year")};
}

std::optional<std::string> read_event_at(const Visit& v, const std::string& name,
                                         const std::string& what, FieldErrors& errors) {
  const DateParts p = date_parts(v, name);
  if (p.day.empty() && p.month.empty() && p.year.empty()) {
    errors.add(name + "-day", "Enter the date " + what);
    return std::nullopt;
  }
  const auto date = Date::from_ymd(to_int(p.year), to_int(p.month), to_int(p.day));
  if (!date || to_int(p.year) < 1900) {
    errors.add(name + "-day", "The date " + what + " must be a real date, like 27 3 2026");
    return std::nullopt;
  }
  const Timestamp now = v.parts.clock.now();
  if (*date > now.date) {
    errors.add(name + "-day", "The date " + what + " must be today or in the past");
    return std::nullopt;
  }
  if (*date < now.date) return date->to_string();
  return now.date.to_string() + "T" + two_digits(now.seconds / 3600) + ":" +
         two_digits(now.seconds / 60 % 60);
}

std::string now_text(const Clock& clock) {
  const Timestamp now = clock.now();
  return now.date.to_string() + "T" + two_digits(now.seconds / 3600) + ":" +
         two_digits(now.seconds / 60 % 60) + ":" + two_digits(now.seconds % 60);
}

std::string new_event_id(const std::string& prefix) {
  return prefix + "-" + web::to_hex(web::random_bytes(8));
}

bool store_event(const Visit& v, const nlohmann::ordered_json& event,
                 const std::map<std::string, std::string>& field_ids,
                 const std::string& fallback_id, FieldErrors& errors) {
  const std::string key = v.form.get("form_key");
  const ApiReply reply =
      v.api.send("POST", "/api/v1/events", nlohmann::ordered_json::array({event}), key);
  if (reply.ok()) return true;
  const nlohmann::json& faults = reply.body.is_object() && reply.body.contains("faults")
                                     ? reply.body["faults"]
                                     : nlohmann::json();
  if (!faults.is_array() || faults.empty()) {
    errors.add(fallback_id, reply.error_message().empty()
                                ? "It could not be saved. Try again"
                                : "It could not be saved: " + reply.error_message());
    return false;
  }
  for (const nlohmann::json& f : faults) {
    std::string field = f.value("field", "");
    if (const auto dot = field.find('.'); dot != std::string::npos) field = field.substr(dot + 1);
    const auto it = field_ids.find(field);
    const std::string message = f.value("message", "");
    errors.add(it != field_ids.end() ? it->second : fallback_id,
               it != field_ids.end() ? "Check this answer: " + message
                                     : code_label(field) + ": " + message);
  }
  return false;
}

web::Response record_page(const Visit& v, const RecordPage& page, const FieldErrors& errors) {
  Html content = back_link(child_path(page.child), "Back to " + page.child_name) +
                 Html::trusted(
                     "<div class=\"govuk-grid-row\"><div "
                     "class=\"govuk-grid-column-two-thirds\">");
  if (!errors.empty()) content += error_summary(errors.summary());
  content += Html::trusted("<span class=\"govuk-caption-l\">") + text(page.child_name) +
             Html::trusted("</span><h1 class=\"govuk-heading-l\">") + text(page.title) +
             Html::trusted("</h1>");
  content += page.before_form;
  if (!page.show_form) {
    content += page.fields + Html::trusted("</div></div>");
    return v.page(
        PageFrame{.title = page.title, .session = &v.session, .active_nav = page.active_nav},
        content);
  }
  // A new key each time the form is shown: a form sent twice is stored once,
  // and a corrected form is a new request.
  content += Html::trusted("<form method=\"post\" novalidate>") + csrf_field(v.session) +
             Html::trusted("<input type=\"hidden\" name=\"form_key\" value=\"" +
                           escape(web::to_hex(web::random_bytes(16))) + "\">");
  content += page.fields;
  content += button({.text = page.submit});
  content += Html::trusted("</form></div></div>");
  return v.page(PageFrame{.title = page.title,
                          .has_errors = !errors.empty(),
                          .session = &v.session,
                          .active_nav = page.active_nav},
                content, errors.empty() ? 200 : 400);
}

web::Response saved(const std::string& child, const std::string& what) {
  return redirect(child_path(child) + "?recorded=" + what);
}

std::vector<ChoiceItem> code_items(const std::vector<std::string>& codes,
                                   const std::string& chosen) {
  std::vector<ChoiceItem> items;
  for (const std::string& c : codes) items.push_back({c, code_label(c), "", c == chosen});
  return items;
}

std::variant<FormChild, web::Response> load_form_child(const Visit& v) {
  const std::string child = v.params.at("id");
  auto fetched = fetch_child(v, child);
  if (auto* refused = std::get_if<web::Response>(&fetched)) return std::move(*refused);
  FormChild out;
  out.id = child;
  out.summary = std::move(std::get<nlohmann::json>(fetched));
  out.name = out.summary.value("name", child);
  return out;
}

web::Response with_form_child(const Visit& v,
                              const std::function<web::Response(const FormChild&)>& form) {
  auto loaded = load_form_child(v);
  if (auto* refused = std::get_if<web::Response>(&loaded)) return std::move(*refused);
  return form(std::get<FormChild>(loaded));
}

nlohmann::ordered_json base_event(const Visit& v, const std::string& type, const std::string& at,
                                  const std::string& id) {
  nlohmann::ordered_json event = {{"type", type}};
  if (!id.empty()) event["id"] = id;
  event["at"] = at;
  event["recorded"] = now_text(v.parts.clock);
  event["by"] = v.session.account.agency;
  return event;
}

bool one_of(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

Html note_field(const std::string& note, const std::string& error) {
  return textarea({.id = "note",
                   .name = "note",
                   .label = {"Notes (optional)", "govuk-label--m"},
                   .value = note,
                   .error = error});
}

nlohmann::json read_chronology_entries(const Visit& v, const std::string& child) {
  const ApiReply chronology = v.api.get("/api/v1/children/" + url_encode(child) + "/chronology");
  return chronology.ok() ? chronology.body["entries"] : nlohmann::json();
}

ChildFacts read_child_facts(const Visit& v, const std::string& child) {
  const auto agencies = agency_list(v.parts);
  return derive_child_facts(read_chronology_entries(v, child), child, v.parts.clock.now(),
                            AgencyListFacts(*agencies), v.parts.indicator_windows);
}

std::string answer_or_prefill(const Visit& v, const std::string& name) {
  if (v.request.method == "POST") return v.form.get(name);
  return v.request.query_param(name).value_or("");
}

Html when_field(const Visit& v, const std::string& legend, const FieldErrors& errors) {
  const DateParts date = date_parts(v, "at");
  return date_input({.id = "at",
                     .name = "at",
                     .legend = {legend, "govuk-fieldset__legend--m"},
                     .day = date.day,
                     .month = date.month,
                     .year = date.year,
                     .hint = "For example, 27 3 2026",
                     .error = errors.of("at-day")});
}

std::vector<AgencyView> agency_choices(const Visit& v, const nlohmann::json& involved,
                                       std::optional<AgencyKind> also) {
  std::set<std::string> ids;
  if (involved.is_array()) {
    for (const nlohmann::json& id : involved) {
      if (id.is_string()) ids.insert(id.get<std::string>());
    }
  }
  const std::string mine = v.session.account.agency;
  const auto list = agency_list(v.parts);
  const std::vector<AgencyView>& all = list->by_name;
  std::string area;
  for (const AgencyView& a : all) {
    if (a.id == mine) area = a.area;
  }
  std::vector<AgencyView> out;
  for (const AgencyView& a : all) {
    if (a.id == mine || a.kind == AgencyKind::kSafeguardingPartnership) continue;
    if (ids.contains(a.id) || (!area.empty() && a.area == area) || (also && a.kind == *also)) {
      out.push_back(a);
    }
  }
  return out;
}

std::string agency_in_childs_area(const Visit& v, const nlohmann::json& summary,
                                  const std::vector<AgencyView>& choices, AgencyKind kind,
                                  bool temporary_only) {
  const nlohmann::json* addresses =
      summary.is_object() && summary.contains("addresses") ? &summary["addresses"] : nullptr;
  if (addresses == nullptr || !addresses->is_array()) return "";
  const std::string mine = v.session.account.agency;
  std::string my_area;
  for (const AgencyView& a : agency_list(v.parts)->by_name) {
    if (a.id == mine) my_area = a.area;
  }
  std::string area;
  // The latest address outside the user's area: a child who moved away and
  // came back is still owed the handover to the area they moved to.
  for (const nlohmann::json& entry : *addresses) {  // latest first
    const nlohmann::json address = entry.contains("address") ? entry["address"] : nlohmann::json();
    if (temporary_only && text_field(address, "kind") != "temporary") continue;
    area = text_field(address, "area");
    if (!area.empty() && area != my_area) break;
    area.clear();
  }
  if (area.empty()) return "";
  for (const AgencyView& a : choices) {
    if (a.kind == kind && a.area == area && a.id != mine) return a.id;
  }
  return "";
}

std::string read_agency_field(const Visit& v, const std::string& field, FieldErrors& errors) {
  const AgencyAnswer answer = read_agency_answer(v.form.get(field), *agency_list(v.parts));
  if (!answer.error.empty()) errors.add(field, answer.error);
  return answer.id;
}

std::vector<std::string> read_agency_list_field(const Visit& v, const std::string& name,
                                                FieldErrors& errors) {
  const auto list = agency_list(v.parts);
  std::vector<std::string> out;
  std::size_t shown = 0;  // the place of the answer when the form is shown again
  for (const std::string& typed : v.form.all(name)) {
    if (trimmed(typed).empty()) continue;
    const AgencyAnswer answer = read_agency_answer(typed, *list);
    if (!answer.error.empty()) {
      errors.add(shown == 0 ? name : name + "-" + std::to_string(shown + 1), answer.error);
    }
    ++shown;
    if (!answer.id.empty() && std::find(out.begin(), out.end(), answer.id) == out.end()) {
      out.push_back(answer.id);
    }
  }
  return out;
}

Html agency_list_field(const Visit& v, const std::string& name, const Caption& legend,
                       const std::string& hint, const std::vector<std::string>& values,
                       const std::vector<AgencyView>& suggestions, const FieldErrors& errors) {
  std::vector<std::string> input_errors;
  std::size_t shown = 0;
  for (const std::string& value : values) {
    if (trimmed(value).empty()) continue;
    input_errors.push_back(shown == 0 ? "" : errors.of(name + "-" + std::to_string(shown + 1)));
    ++shown;
  }
  return agency_list_picker({.id = name,
                             .name = name,
                             .legend = legend,
                             .hint = hint,
                             .values = values,
                             .error = errors.of(name),
                             .input_errors = input_errors,
                             .suggestions = suggestions},
                            agency_list(v.parts)->names);
}

Html indicator_checkboxes(const std::string& name, const std::string& legend,
                          const std::vector<std::string>& checked, const std::string& error) {
  std::map<Domain, std::vector<ChoiceItem>> by_domain;
  for (std::string_view code : names_of<Indicator>()) {
    const Indicator indicator = *parse_name<Indicator>(code);
    const bool ticked = std::find(checked.begin(), checked.end(), code) != checked.end();
    by_domain[domain_of(indicator)].push_back({std::string(code), code_label(code), "", ticked});
  }
  Html out = Html::trusted("<div class=\"govuk-form-group") +
             Html::trusted(error.empty() ? "" : " govuk-form-group--error") +
             Html::trusted("\"><h2 class=\"govuk-heading-m\">") + text(legend) +
             Html::trusted("</h2>");
  bool first = true;
  for (const auto& [domain, items] : by_domain) {
    out += checkboxes({.id_prefix = name + "-" + std::string(to_string(domain)),
                       .name = name,
                       .legend = {domain_label(domain), "govuk-fieldset__legend--s"},
                       .items = items,
                       .error = first ? error : "",
                       .small = true});
    first = false;
  }
  return out + Html::trusted("</div>");
}

}  // namespace sightline::pages
