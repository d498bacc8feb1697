// Where the child is: an address change or move (with whether the family gave
// notice), the child's whereabouts unknown, the child found, and a
// missing-child alert raised.
#include <algorithm>

#include "core/areas.h"
#include "pages/address_fields.h"
#include "pages/child_access.h"
#include "pages/record_form.h"

namespace sightline::pages {
web::Response record_address(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
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
        nlohmann::ordered_json event = base_event(v, "address", *at);
        event["persons"] = nlohmann::json::array({child});
        event["address"] = address;
        event["notice"] = notice;
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
                      .items = area_items(area),
                      .error = errors.of("area")});
    fields += Html::trusted("</fieldset>");
    fields +=
        radios({.id_prefix = "notice",
                .name = "notice",
                .legend = {"Did the family give notice of the move?", "govuk-fieldset__legend--m"},
                .items = code_items(kNotices, notice),
                .error = errors.of("notice")});
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record an address change or move",
                        .child = child,
                        .child_name = form_child.name,
                        .fields = fields},
                       errors);
  });
}

// whereabouts_unknown carries only the child (and a note).
web::Response record_whereabouts_unknown(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    FieldErrors errors;
    const std::string note = v.form.get("note");
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "the whereabouts became unknown", errors);
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "whereabouts_unknown", *at);
        event["child"] = child;
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event, {{"at", "at-day"}, {"note", "note"}}, "at-day", errors)) {
          return saved(child, "whereabouts_unknown");
        }
      }
    }
    const Html fields = when_field(v, "Since when are the child's whereabouts unknown?", errors) +
                        note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record the child's whereabouts unknown",
                        .child = child,
                        .child_name = form_child.name,
                        .fields = fields},
                       errors);
  });
}

// The child found, and where, if it is known: the address becomes the
// child's (events-v1 `found`).
web::Response record_found(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    FieldErrors errors;
    const std::string note = v.form.get("note");
    const AddressAnswer where = read_address_answer(v, "");
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "the child was found", errors);
      if (where.given()) check_address_answer(where, "", AddressDetail::kFull, errors);
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "found", *at);
        event["child"] = child;
        if (where.given()) event["address"] = address_object(where);
        if (!note.empty()) event["note"] = note;
        auto field_ids = address_field_ids("address", "");
        field_ids.insert({{"at", "at-day"}, {"note", "note"}});
        if (store_event(v, event, field_ids, "at-day", errors)) return saved(child, "found");
      }
    }
    Html fields = when_field(v, "When was the child found?", errors);
    fields += Html::trusted(
        "<fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend "
        "govuk-fieldset__legend--m\">Where was the child found? (optional)</legend><div "
        "class=\"govuk-hint\">The address the child was found at. Leave it empty if it is not "
        "known. An address given here becomes the child's address.</div>");
    fields += address_inputs(where, "", AddressDetail::kFull, errors);
    fields += Html::trusted("</fieldset>");
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record the child found",
                        .child = child,
                        .child_name = form_child.name,
                        .fields = fields},
                       errors);
  });
}

web::Response record_missing(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
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
        nlohmann::ordered_json event = base_event(v, "missing", *at);
        event["child"] = child;
        event["alert"] = alert;
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
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record a missing-child alert",
                        .child = child,
                        .child_name = form_child.name,
                        .fields = fields},
                       errors);
  });
}

}  // namespace sightline::pages
