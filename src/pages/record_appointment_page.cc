// Record a health appointment of a named kind (a new birth visit, a 6-8 week
// review, ...) and whether the child attended or was not brought: what the
// health-visiting safeguards ask for.
#include <algorithm>

#include "pages/child_access.h"
#include "pages/record_form.h"

namespace sightline::pages {

web::Response record_appointment(const Visit& v) {
  auto loaded = load_form_child(v);
  if (auto* refused = std::get_if<web::Response>(&loaded)) return std::move(*refused);
  const FormChild& form_child = std::get<FormChild>(loaded);
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
    if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end()) {
      errors.add("kind", "Select what the appointment was for");
    }
    if (std::find(kOutcomes.begin(), kOutcomes.end(), outcome) == kOutcomes.end()) {
      errors.add("outcome", "Select whether the child attended");
    }
    if (errors.empty()) {
      nlohmann::ordered_json event = {{"type", "appointment"},
                                      {"at", *at},
                                      {"recorded", now_text(v.parts.clock)},
                                      {"by", v.session.account.agency},
                                      {"child", child},
                                      {"kind", kind},
                                      {"outcome", outcome}};
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
  fields += textarea({.id = "note",
                      .name = "note",
                      .label = {"Notes (optional)", "govuk-label--m"},
                      .value = note});
  return record_page(v,
                     {.title = "Record a health appointment or review",
                      .child = child,
                      .child_name = form_child.name,
                      .fields = fields},
                     errors);
}

}  // namespace sightline::pages
