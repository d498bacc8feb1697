// Record a health appointment of a named kind (a new birth visit, a 6-8 week
// review, ...) and whether the child attended or was not brought: what the
// health-visiting safeguards ask for.
#include <algorithm>

#include "pages/child_access.h"
#include "pages/record_form.h"

namespace sightline::pages {

web::Response record_appointment(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;

    static const std::vector<std::string> kKinds = {
        "new_birth_visit", "review_6_8_week", "review_1_year", "review_2_year",
        "immunisation",    "paediatric",      "other"};
    static const std::vector<std::string> kOutcomes = {"attended", "was_not_brought", "cancelled"};
    FieldErrors errors;
    const std::string kind = answer_or_prefill(v, "kind");
    const std::string outcome = answer_or_prefill(v, "outcome");
    const std::string note = v.form.get("note");
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "of the appointment", errors);
      if (!one_of(kKinds, kind)) {
        errors.add("kind", "Select what the appointment was for");
      }
      if (!one_of(kOutcomes, outcome)) {
        errors.add("outcome", "Select whether the child attended");
      }
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "appointment", *at);
        event["child"] = child;
        event["kind"] = kind;
        event["outcome"] = outcome;
        if (!note.empty()) event["note"] = note;
        if (store_event(
                v, event,
                {{"at", "at-day"}, {"kind", "kind"}, {"outcome", "outcome"}, {"note", "note"}},
                "kind", errors)) {
          return saved(child, "appointment");
        }
      }
    }
    Html fields = when_field(v, "When was the appointment?", errors);
    fields += radios({.id_prefix = "kind",
                      .name = "kind",
                      .legend = {"What was it for?", "govuk-fieldset__legend--m"},
                      .items = code_items(kKinds, kind),
                      .error = errors.of("kind"),
                      .small = true});
    fields += radios({.id_prefix = "outcome",
                      .name = "outcome",
                      .legend = {"Did the child attend?", "govuk-fieldset__legend--m"},
                      .items = code_items(kOutcomes, outcome),
                      .hint = "Attended means the child was seen at the appointment.",
                      .error = errors.of("outcome")});
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record a health appointment or review",
                        .child = child,
                        .child_name = form_child.name,
                        .fields = fields},
                       errors);
  });
}

}  // namespace sightline::pages
