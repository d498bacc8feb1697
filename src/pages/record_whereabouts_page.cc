// Where the child is: an address change or move (with whether the family gave
// notice), the child's whereabouts unknown, the child found, and a
// missing-child alert raised.
#include <algorithm>

#include "core/areas.h"
#include "pages/child_access.h"
#include "pages/record_form.h"

namespace sightline::pages {
namespace {

bool one_of(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

Html note_field(const std::string& note) {
  return textarea({.id = "note",
                   .name = "note",
                   .label = {"Notes (optional)", "govuk-label--m"},
                   .value = note});
}

std::string own_area(const Visit& v) {
  const auto list = agency_list(v.parts);
  for (const AgencyView& a : list->by_name) {
    if (a.id == v.session.account.agency) return a.area;
  }
  return {};
}

}  // namespace

web::Response record_address(const Visit& v) {
  auto loaded = load_form_child(v);
  if (auto* refused = std::get_if<web::Response>(&loaded)) return std::move(*refused);
  const FormChild& form_child = std::get<FormChild>(loaded);
  const std::string& child = form_child.id;

  static const std::vector<std::string> kKinds = {"residential", "temporary", "no_fixed_abode",
                                                  "unknown"};
  static const std::vector<std::string> kNotices = {"planned", "without_notice",
                                                    "reported_by_other"};
  FieldErrors errors;
  const bool posted = v.request.method == "POST";
  const std::string line1 = v.form.get("line1");
  const std::string line2 = v.form.get("line2");
  const std::string town = v.form.get("town");
  const std::string postcode = v.form.get("postcode");
  const std::string area = posted ? v.form.get("area") : own_area(v);
  const std::string kind = answer_or_prefill(v, "kind");
  const std::string notice = answer_or_prefill(v, "notice");
  const std::string note = v.form.get("note");
  if (posted) {
    const auto at = read_event_at(v, "at", "of the move", errors);
    if (!one_of(kKinds, kind)) errors.add("kind", "Select what kind of address it is");
    const bool has_place = kind != "no_fixed_abode" && kind != "unknown";
    if (has_place && line1.empty()) errors.add("line1", "Enter the first line of the address");
    if (has_place && town.empty()) errors.add("town", "Enter the town or city");
    if (has_place && postcode.empty()) errors.add("postcode", "Enter the postcode");
    if (find_area(area) == nullptr) errors.add("area", "Select the local authority area");
    if (!one_of(kNotices, notice)) errors.add("notice", "Select whether the family gave notice");
    if (errors.empty()) {
      nlohmann::ordered_json address = {};
      if (has_place) {
        address["line1"] = line1;
        if (!line2.empty()) address["line2"] = line2;
        address["town"] = town;
        address["postcode"] = postcode;
      }
      address["area"] = area;
      address["kind"] = kind;
      nlohmann::ordered_json event = {{"type", "address"},
                                      {"at", *at},
                                      {"recorded", now_text(v.parts.clock)},
                                      {"by", v.session.account.agency},
                                      {"persons", {child}},
                                      {"address", address},
                                      {"notice", notice}};
      if (!note.empty()) event["note"] = note;
      if (store_event(v, event,
                      {{"at", "at-day"},
                       {"address", "line1"},
                       {"line1", "line1"},
                       {"town", "town"},
                       {"postcode", "postcode"},
                       {"area", "area"},
                       {"kind", "kind"},
                       {"notice", "notice"},
                       {"note", "note"}},
                      "line1", errors)) {
        return saved(child, "address");
      }
    }
  }
  std::vector<const LocalAuthorityArea*> areas;
  for (const LocalAuthorityArea& a : all_areas()) areas.push_back(&a);
  std::sort(areas.begin(), areas.end(),
            [](const auto* a, const auto* b) { return a->name < b->name; });
  std::vector<SelectItem> area_items = {{"", "Choose an area", area.empty()}};
  for (const LocalAuthorityArea* a : areas)
    area_items.push_back({a->code, a->name, a->code == area});

  Html fields = when_field(v, "When did the child move?", errors);
  fields += radios({.id_prefix = "kind",
                    .name = "kind",
                    .legend = {"What kind of address is it?", "govuk-fieldset__legend--m"},
                    .items = code_items(kKinds, kind),
                    .hint = "Temporary means a bed and breakfast, hostel or other placement.",
                    .error = errors.of("kind"),
                    .small = true});
  fields += Html::trusted(
      "<fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend "
      "govuk-fieldset__legend--m\">The new address</legend><div class=\"govuk-hint\">Leave the "
      "lines empty for no fixed abode or an unknown address.</div>");
  fields += text_input({.id = "line1",
                        .name = "line1",
                        .label = {"Address line 1"},
                        .value = line1,
                        .error = errors.of("line1")});
  fields += text_input(
      {.id = "line2", .name = "line2", .label = {"Address line 2 (optional)"}, .value = line2});
  fields += text_input({.id = "town",
                        .name = "town",
                        .label = {"Town or city"},
                        .value = town,
                        .error = errors.of("town"),
                        .classes = "govuk-!-width-two-thirds"});
  fields += text_input({.id = "postcode",
                        .name = "postcode",
                        .label = {"Postcode"},
                        .value = postcode,
                        .error = errors.of("postcode"),
                        .classes = "govuk-input--width-10"});
  fields += select({.id = "area",
                    .name = "area",
                    .label = {"Local authority area"},
                    .items = area_items,
                    .error = errors.of("area")});
  fields += Html::trusted("</fieldset>");
  fields +=
      radios({.id_prefix = "notice",
              .name = "notice",
              .legend = {"Did the family give notice of the move?", "govuk-fieldset__legend--m"},
              .items = code_items(kNotices, notice),
              .error = errors.of("notice")});
  fields += note_field(note);
  return record_page(v,
                     {.title = "Record an address change or move",
                      .child = child,
                      .child_name = form_child.name,
                      .fields = fields},
                     errors);
}

// whereabouts_unknown and found carry only the child (and a note): one form each.
namespace {

web::Response child_only_event(const Visit& v, const std::string& type, const std::string& title,
                               const std::string& when, const std::string& what) {
  auto loaded = load_form_child(v);
  if (auto* refused = std::get_if<web::Response>(&loaded)) return std::move(*refused);
  const FormChild& form_child = std::get<FormChild>(loaded);
  const std::string& child = form_child.id;
  FieldErrors errors;
  const std::string note = v.form.get("note");
  if (v.request.method == "POST") {
    const auto at = read_event_at(v, "at", what, errors);
    if (errors.empty()) {
      nlohmann::ordered_json event = {{"type", type},
                                      {"at", *at},
                                      {"recorded", now_text(v.parts.clock)},
                                      {"by", v.session.account.agency},
                                      {"child", child}};
      if (!note.empty()) event["note"] = note;
      if (store_event(v, event, {{"at", "at-day"}, {"note", "note"}}, "at-day", errors)) {
        return saved(child, type);
      }
    }
  }
  const Html fields = when_field(v, when, errors) + note_field(note);
  return record_page(
      v, {.title = title, .child = child, .child_name = form_child.name, .fields = fields}, errors);
}

}  // namespace

web::Response record_whereabouts_unknown(const Visit& v) {
  return child_only_event(v, "whereabouts_unknown", "Record the child's whereabouts unknown",
                          "Since when are the child's whereabouts unknown?",
                          "the whereabouts became unknown");
}

web::Response record_found(const Visit& v) {
  return child_only_event(v, "found", "Record the child found", "When was the child found?",
                          "the child was found");
}

web::Response record_missing(const Visit& v) {
  auto loaded = load_form_child(v);
  if (auto* refused = std::get_if<web::Response>(&loaded)) return std::move(*refused);
  const FormChild& form_child = std::get<FormChild>(loaded);
  const std::string& child = form_child.id;
  static const std::vector<std::string> kAlerts = {
      "national_missing_child", "police_missing_person", "children_missing_education"};
  FieldErrors errors;
  const std::string alert = answer_or_prefill(v, "alert");
  const std::string note = v.form.get("note");
  if (v.request.method == "POST") {
    const auto at = read_event_at(v, "at", "of the alert", errors);
    if (!one_of(kAlerts, alert)) errors.add("alert", "Select which alert was raised");
    if (errors.empty()) {
      nlohmann::ordered_json event = {{"type", "missing"},
                                      {"at", *at},
                                      {"recorded", now_text(v.parts.clock)},
                                      {"by", v.session.account.agency},
                                      {"child", child},
                                      {"alert", alert}};
      if (!note.empty()) event["note"] = note;
      if (store_event(v, event, {{"at", "at-day"}, {"alert", "alert"}, {"note", "note"}}, "alert",
                      errors)) {
        return saved(child, "missing");
      }
    }
  }
  Html fields = when_field(v, "When was the alert raised?", errors);
  fields += radios({.id_prefix = "alert",
                    .name = "alert",
                    .legend = {"Which missing-child alert?", "govuk-fieldset__legend--m"},
                    .items = code_items(kAlerts, alert),
                    .error = errors.of("alert")});
  fields += note_field(note);
  return record_page(v,
                     {.title = "Record a missing-child alert",
                      .child = child,
                      .child_name = form_child.name,
                      .fields = fields},
                     errors);
}

}  // namespace sightline::pages
