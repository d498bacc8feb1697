// Record a concern (an indicator of neglect or risk) noted, or one resolved.
#include "chronology/indicators.h"
#include "pages/child_access.h"
#include "pages/event_text.h"
#include "pages/record_form.h"

namespace sightline::pages {

web::Response record_indicator(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;

    FieldErrors errors;
    const std::string indicator = answer_or_prefill(v, "indicator");
    const std::string status = answer_or_prefill(v, "status");
    const std::string note = v.form.get("note");
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "it was noted", errors);
      if (!parse_name<Indicator>(indicator)) errors.add("indicator", "Select the concern");
      if (status != "present" && status != "resolved") {
        errors.add("status", "Select whether it is a new concern or one resolved");
      }
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "indicator", *at);
        event["child"] = child;
        event["indicator"] = indicator;
        event["status"] = status;
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event,
                        {{"at", "at-day"},
                         {"indicator", "indicator"},
                         {"status", "status"},
                         {"note", "note"}},
                        "indicator", errors)) {
          return saved(child, "indicator");
        }
      }
    }
    std::vector<SelectItem> items = {{"", "Choose a concern", indicator.empty()}};
    for (std::string_view code : names_of<Indicator>()) {
      const Indicator i = *parse_name<Indicator>(code);
      items.push_back({std::string(code), domain_label(domain_of(i)) + ": " + code_label(code),
                       code == indicator});
    }
    Html fields =
        radios({.id_prefix = "status",
                .name = "status",
                .legend = {"Is it a new concern or one resolved?", "govuk-fieldset__legend--m"},
                .items = {{"present", "A new concern", "", status == "present"},
                          {"resolved", "A concern resolved", "", status == "resolved"}},
                .error = errors.of("status")});
    fields += select({.id = "indicator",
                      .name = "indicator",
                      .label = {"What is the concern?", "govuk-label--m"},
                      .items = items,
                      .error = errors.of("indicator")});
    fields += when_field(v, "When was it noted?", errors);
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record a concern, or a concern resolved",
                        .child = child,
                        .child_name = form_child.name,
                        .fields = fields},
                       errors);
  });
}

}  // namespace sightline::pages
