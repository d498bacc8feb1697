// Start an assessment (what kind) and record an open assessment's outcome;
// for a section 47 enquiry the outcome is its conclusion (s47_concluded).
#include <algorithm>

#include "pages/child_access.h"
#include "pages/child_facts.h"
#include "pages/event_text.h"
#include "pages/record_form.h"

namespace sightline::pages {
namespace {

const std::vector<std::string> kAssessmentKinds = {"child_and_family", "neglect", "pre_birth",
                                                   "s47", "adult_needs"};
const std::vector<std::string> kAssessmentOutcomes = {"no_further_action", "child_in_need",
                                                      "child_protection", "early_help"};
const std::vector<std::string> kS47Outcomes = {"not_substantiated", "substantiated_no_icpc",
                                               "icpc"};

}  // namespace

web::Response record_assessment(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;

    FieldErrors errors;
    const std::string kind = answer_or_prefill(v, "kind");
    const std::string note = v.form.get("note");
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "the assessment started", errors);
      if (!one_of(kAssessmentKinds, kind)) errors.add("kind", "Select the kind of assessment");
      if (errors.empty()) {
        nlohmann::ordered_json event =
            base_event(v, "assessment_started", *at, new_event_id("asm"));
        event["child"] = child;
        event["kind"] = kind;
        event["agency"] = v.session.account.agency;
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event, {{"at", "at-day"}, {"kind", "kind"}, {"note", "note"}}, "kind",
                        errors)) {
          return saved(child, "assessment_started");
        }
      }
    }
    Html fields = when_field(v, "When did the assessment start?", errors);
    fields += radios({.id_prefix = "kind",
                      .name = "kind",
                      .legend = {"What kind of assessment?", "govuk-fieldset__legend--m"},
                      .items = code_items(kAssessmentKinds, kind),
                      .error = errors.of("kind")});
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Start an assessment",
                        .child = child,
                        .child_name = form_child.name,
                        .fields = fields},
                       errors);
  });
}

web::Response record_assessment_outcome(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    const ChildFacts facts = read_child_facts(v, child);
    const auto agencies = agency_list(v.parts);

    FieldErrors errors;
    const std::string assessment = answer_or_prefill(v, "assessment");
    const std::string outcome = v.form.get("outcome");
    const std::string note = v.form.get("note");
    const auto open = std::find_if(facts.open_assessments.begin(), facts.open_assessments.end(),
                                   [&](const OpenAssessment& a) { return a.id == assessment; });
    const bool s47 = open != facts.open_assessments.end() && open->kind == "s47";
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "of the outcome", errors);
      if (open == facts.open_assessments.end()) errors.add("assessment", "Select the assessment");
      if (outcome.empty()) {
        errors.add("outcome", "Select the outcome");
      } else if (open != facts.open_assessments.end() &&
                 !one_of(s47 ? kS47Outcomes : kAssessmentOutcomes, outcome)) {
        errors.add("outcome", s47 ? "A section 47 enquiry ends with one of its own outcomes: "
                                    "select one under \u2018Section 47 enquiry\u2019"
                                  : "Select one of the assessment outcomes, not a section 47 one");
      }
      if (errors.empty()) {
        nlohmann::ordered_json event =
            base_event(v, s47 ? "s47_concluded" : "assessment_completed", *at);
        event["assessment"] = assessment;
        event["outcome"] = outcome;
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event,
                        {{"at", "at-day"},
                         {"assessment", "assessment"},
                         {"outcome", "outcome"},
                         {"note", "note"}},
                        "assessment", errors)) {
          return saved(child, s47 ? "s47_concluded" : "assessment_completed");
        }
      }
    }
    const std::string title = "Record an assessment's outcome";
    if (facts.open_assessments.empty()) {
      return record_page(
          v,
          {.title = title,
           .child = child,
           .child_name = form_child.name,
           .fields = Html::trusted("<p class=\"govuk-body\">") +
                     text("There is no open assessment of this child.") + Html::trusted("</p>"),
           .show_form = false},
          errors);
    }
    std::vector<ChoiceItem> items;
    bool any_s47 = false;
    for (const OpenAssessment& a : facts.open_assessments) {
      any_s47 = any_s47 || a.kind == "s47";
      items.push_back({a.id, code_label(a.kind) + " assessment, started " + display_date(a.started),
                       "By " + agency_name(agencies->names, a.agency), a.id == assessment});
    }
    Html fields = radios({.id_prefix = "assessment",
                          .name = "assessment",
                          .legend = {"Which assessment?", "govuk-fieldset__legend--m"},
                          .items = items,
                          .error = errors.of("assessment")});
    fields += when_field(v, "When was the outcome decided?", errors);
    std::vector<ChoiceItem> outcomes = code_items(kAssessmentOutcomes, outcome);
    if (any_s47) {
      for (ChoiceItem item : code_items(kS47Outcomes, outcome)) {
        item.hint = "Section 47 enquiry";
        outcomes.push_back(std::move(item));
      }
    }
    fields += radios({.id_prefix = "outcome",
                      .name = "outcome",
                      .legend = {"What was the outcome?", "govuk-fieldset__legend--m"},
                      .items = outcomes,
                      .hint = any_s47 ? "A section 47 enquiry ends with one of the outcomes marked "
                                        "\u2018Section 47 enquiry\u2019."
                                      : "",
                      .error = errors.of("outcome")});
    fields += note_field(note, errors.of("note"));
    return record_page(
        v, {.title = title, .child = child, .child_name = form_child.name, .fields = fields},
        errors);
  });
}

}  // namespace sightline::pages
