// Children's social care's decisions after an assessment: an options review
// of a family's routes of support, a child protection conference, a plan
// started or ended; and a written notice to another agency (e.g. of an
// out-of-area placement).
#include <algorithm>

#include "chronology/involvement.h"
#include "pages/child_access.h"
#include "pages/chronology_events.h"
#include "pages/event_text.h"
#include "pages/record_form.h"

namespace sightline::pages {
namespace {

struct OpenPlan {
  std::string id, kind, agency, started;
};

// The child's open plans (the catalogue's open involvement), with their ids.
std::vector<OpenPlan> open_plans(const Visit& v, const std::string& child) {
  const auto agencies = agency_list(v.parts);
  std::vector<OpenPlan> out;
  const nlohmann::json entries = read_chronology_entries(v, child);
  if (!entries.is_array()) return out;
  for (const OpenInvolvement& i :
       open_involvement(typed_events(entries), child, AgencyListFacts(*agencies))) {
    if (i.kind == InvolvementKind::kChildInNeedPlan ||
        i.kind == InvolvementKind::kChildProtectionPlan ||
        i.kind == InvolvementKind::kLookedAfterPlan) {
      out.push_back({i.ref, i.detail, i.agency, i.since.to_string()});
    }
  }
  return out;
}

}  // namespace

// An options review is of a family's routes of support, and the format's
// `person` is whom it was held with: the parent or carer whose circumstances
// (immigration, income, housing) call for it (support-options-review watches
// the carers'), which also settles it for each of their children. So the form
// asks which of the child's carers; only a child with no carer recorded is
// reviewed as themselves.
web::Response record_options_review(const Visit& v) {
  return with_form_child(v, [&](const FormChild& fc) -> web::Response {
    static const std::vector<std::string> kOptions = {"s17_support",       "adult_care_support",
                                                      "return_assistance", "benefits_if_working",
                                                      "specialist_advice", "rent_deposit"};
    std::vector<std::string> carer_ids;
    std::vector<ChoiceItem> carer_items;
    if (fc.summary.contains("carers") && fc.summary["carers"].is_array()) {
      for (const nlohmann::json& c : fc.summary["carers"]) {
        const std::string id = text_field(c, "id");
        if (id.empty() || one_of(carer_ids, id)) continue;
        carer_ids.push_back(id);
        const std::string name = text_field(c, "name").empty() ? id : text_field(c, "name");
        carer_items.push_back({id, name, code_label(text_field(c, "role")), false});
      }
    }
    FieldErrors errors;
    const std::vector<std::string> options = v.form.all("options");
    const std::string note = v.form.get("note");
    std::string person = v.form.get("person");
    if (carer_ids.size() == 1 && v.request.method != "POST") person = carer_ids.front();
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "of the review", errors);
      if (!carer_ids.empty() && !one_of(carer_ids, person)) {
        errors.add("person", "Select the parent or carer the review was held with");
      }
      if (carer_ids.empty()) person = fc.id;
      if (options.empty()) errors.add("options", "Select the routes of support the review covered");
      for (const std::string& o : options) {
        if (!one_of(kOptions, o)) errors.add("options", "Select only the routes listed");
      }
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "options_review", *at);
        event["person"] = person;
        event["agency"] = v.session.account.agency;
        event["options"] = options;
        if (!note.empty()) event["note"] = note;
        if (store_event(
                v, event,
                {{"at", "at-day"}, {"person", "person"}, {"options", "options"}, {"note", "note"}},
                "options", errors)) {
          return saved(fc.id, "options_review");
        }
      }
    }
    for (ChoiceItem& item : carer_items) item.checked = item.value == person;
    std::vector<ChoiceItem> items;
    for (const std::string& o : kOptions)
      items.push_back({o, code_label(o), "", one_of(options, o)});
    Html fields = when_field(v, "When was the review?", errors);
    if (carer_items.empty()) {
      fields +=
          inset_text(text("No parent or carer of " + fc.name +
                          " is recorded, so the review is recorded as held for " + fc.name + "."));
    } else {
      fields +=
          radios({.id_prefix = "person",
                  .name = "person",
                  .legend = {"Who was the review held with?", "govuk-fieldset__legend--m"},
                  .items = carer_items,
                  .hint = "The parent or carer whose circumstances it reviewed. It counts for "
                          "each of their children.",
                  .error = errors.of("person")});
    }
    fields += checkboxes(
        {.id_prefix = "options",
         .name = "options",
         .legend = {"Which routes of support did it cover?", "govuk-fieldset__legend--m"},
         .items = items,
         .hint = "Select all that were considered with the family.",
         .error = errors.of("options")});
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record an options review",
                        .child = fc.id,
                        .child_name = fc.name,
                        .fields = fields},
                       errors);
  });
}

web::Response record_conference(const Visit& v) {
  return with_form_child(v, [&](const FormChild& fc) -> web::Response {
    static const std::vector<std::string> kKinds = {"initial", "review", "transfer_in"};
    static const std::vector<std::string> kDecisions = {"cp_plan", "cin_plan", "no_plan"};
    FieldErrors errors;
    const std::string kind = answer_or_prefill(v, "kind");
    const std::string decision = v.form.get("decision");
    const std::vector<std::string> typed = v.form.all("participants");
    const std::string note = v.form.get("note");
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "of the conference", errors);
      if (!one_of(kKinds, kind)) errors.add("kind", "Select the kind of conference");
      const std::vector<std::string> participants =
          read_agency_list_field(v, "participants", errors);
      if (!one_of(kDecisions, decision))
        errors.add("decision", "Select what the conference decided");
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "conference", *at);
        event["child"] = fc.id;
        event["kind"] = kind;
        std::vector<std::string> all = participants;
        if (!one_of(all, v.session.account.agency))
          all.insert(all.begin(), v.session.account.agency);
        event["participants"] = all;
        event["decision"] = decision;
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event,
                        {{"at", "at-day"},
                         {"kind", "kind"},
                         {"participants", "participants"},
                         {"decision", "decision"},
                         {"note", "note"}},
                        "kind", errors)) {
          return saved(fc.id, "conference");
        }
      }
    }
    const std::vector<AgencyView> others =
        agency_choices(v, fc.summary.value("agencies", nlohmann::json::array()), std::nullopt);
    Html fields = when_field(v, "When was the conference?", errors);
    fields +=
        radios({.id_prefix = "kind",
                .name = "kind",
                .legend = {"What kind of conference?", "govuk-fieldset__legend--m"},
                .items = {{"initial", "Initial child protection conference", "", kind == "initial"},
                          {"review", "Review conference", "", kind == "review"},
                          {"transfer_in", "Transfer-in conference", "", kind == "transfer_in"}},
                .error = errors.of("kind")});
    fields += agency_list_field(v, "participants",
                                {"Which other agencies took part?", "govuk-fieldset__legend--m"},
                                "Type each agency's name and choose it from the suggestions. Your "
                                "agency is counted as taking part.",
                                typed, others, errors);
    fields += radios({.id_prefix = "decision",
                      .name = "decision",
                      .legend = {"What did it decide?", "govuk-fieldset__legend--m"},
                      .items = {{"cp_plan", "A child protection plan", "", decision == "cp_plan"},
                                {"cin_plan", "A child in need plan", "", decision == "cin_plan"},
                                {"no_plan", "No plan", "", decision == "no_plan"}},
                      .error = errors.of("decision")});
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record a child protection conference",
                        .child = fc.id,
                        .child_name = fc.name,
                        .fields = fields},
                       errors);
  });
}

web::Response record_plan_start(const Visit& v) {
  return with_form_child(v, [&](const FormChild& fc) -> web::Response {
    static const std::vector<std::string> kKinds = {"child_in_need", "child_protection",
                                                    "looked_after"};
    FieldErrors errors;
    const std::string kind = answer_or_prefill(v, "kind");
    const std::string note = v.form.get("note");
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "the plan started", errors);
      if (!one_of(kKinds, kind)) errors.add("kind", "Select the kind of plan");
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "plan_started", *at);
        event["id"] = new_event_id("plan");
        event["child"] = fc.id;
        event["kind"] = kind;
        event["agency"] = v.session.account.agency;
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event, {{"at", "at-day"}, {"kind", "kind"}, {"note", "note"}}, "kind",
                        errors)) {
          return saved(fc.id, "plan_started");
        }
      }
    }
    Html fields = when_field(v, "When did the plan start?", errors);
    fields += radios({.id_prefix = "kind",
                      .name = "kind",
                      .legend = {"What kind of plan?", "govuk-fieldset__legend--m"},
                      .items = code_items(kKinds, kind),
                      .error = errors.of("kind")});
    fields += note_field(note, errors.of("note"));
    return record_page(
        v,
        {.title = "Record a plan started", .child = fc.id, .child_name = fc.name, .fields = fields},
        errors);
  });
}

web::Response record_plan_end(const Visit& v) {
  return with_form_child(v, [&](const FormChild& fc) -> web::Response {
    const std::vector<OpenPlan> plans = open_plans(v, fc.id);
    const auto agencies = agency_list(v.parts);
    FieldErrors errors;
    const std::string plan = answer_or_prefill(v, "plan");
    const std::string note = v.form.get("note");
    const bool open =
        std::any_of(plans.begin(), plans.end(), [&](const OpenPlan& p) { return p.id == plan; });
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "the plan ended", errors);
      if (!open) errors.add("plan", "Select the plan that ended");
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "plan_ended", *at);
        event["plan"] = plan;
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event, {{"at", "at-day"}, {"plan", "plan"}, {"note", "note"}}, "plan",
                        errors)) {
          return saved(fc.id, "plan_ended");
        }
      }
    }
    const std::string title = "Record a plan ended";
    if (plans.empty()) {
      return record_page(
          v,
          {.title = title,
           .child = fc.id,
           .child_name = fc.name,
           .fields = Html::trusted("<p class=\"govuk-body\">") +
                     text("There is no open plan for this child.") + Html::trusted("</p>"),
           .show_form = false},
          errors);
    }
    std::vector<ChoiceItem> items;
    for (const OpenPlan& p : plans) {
      items.push_back({p.id, code_label(p.kind) + " plan, started " + display_date(p.started),
                       "By " + agency_name(agencies->names, p.agency), p.id == plan});
    }
    Html fields = radios({.id_prefix = "plan",
                          .name = "plan",
                          .legend = {"Which plan ended?", "govuk-fieldset__legend--m"},
                          .items = items,
                          .error = errors.of("plan")});
    fields += when_field(v, "When did it end?", errors);
    fields += note_field(note, errors.of("note"));
    return record_page(v, {.title = title, .child = fc.id, .child_name = fc.name, .fields = fields},
                       errors);
  });
}

web::Response record_notification(const Visit& v) {
  return with_form_child(v, [&](const FormChild& fc) -> web::Response {
    static const std::vector<std::string> kSubjects = {"out_of_area_placement", "move_in",
                                                       "gp_registration", "birth", "concern"};
    FieldErrors errors;
    const std::string to_typed = v.form.get("to");
    std::string to;
    const std::string subject = answer_or_prefill(v, "subject");
    const std::string note = v.form.get("note");
    const std::string mine = v.session.account.agency;
    if (v.request.method == "POST") {
      to = read_agency_field(v, "to", errors);
      const auto at = read_event_at(v, "at", "of the notice", errors);
      if (to.empty() || to == mine) errors.add("to", "Select the agency the notice went to");
      if (!one_of(kSubjects, subject)) errors.add("subject", "Select what the notice was about");
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "notification", *at);
        event["from"] = mine;
        event["to"] = to;
        event["subject"] = subject;
        event["persons"] = nlohmann::json::array({fc.id});
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event,
                        {{"at", "at-day"}, {"to", "to"}, {"subject", "subject"}, {"note", "note"}},
                        "to", errors)) {
          return saved(fc.id, "notification");
        }
      }
    }
    const std::vector<AgencyView> others = agency_choices(
        v, fc.summary.value("agencies", nlohmann::json::array()), AgencyKind::kChildrensSocialCare);
    // Before it is sent, a notice of an out-of-area placement goes to social
    // care of the area the child was placed in (out-of-area-placement-notice).
    const std::string chosen =
        v.request.method == "POST" || subject != "out_of_area_placement"
            ? to
            : agency_in_childs_area(v, fc.summary, others, AgencyKind::kChildrensSocialCare,
                                    /*temporary_only=*/true);
    Html fields = when_field(v, "When was the notice sent?", errors);
    fields += agency_picker({.id = "to",
                             .name = "to",
                             .label = {"Who was it sent to?", "govuk-label--m"},
                             .value = chosen.empty() ? to_typed : chosen,
                             .error = errors.of("to"),
                             .suggestions = others},
                            agency_list(v.parts)->names);
    fields += radios({.id_prefix = "subject",
                      .name = "subject",
                      .legend = {"What was it about?", "govuk-fieldset__legend--m"},
                      .items = code_items(kSubjects, subject),
                      .error = errors.of("subject")});
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record a notice sent to another agency",
                        .child = fc.id,
                        .child_name = fc.name,
                        .fields = fields},
                       errors);
  });
}

}  // namespace sightline::pages
