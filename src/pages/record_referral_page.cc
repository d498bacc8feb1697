// Record a referral (to whom, the concerns) and a referral's outcome (what
// the receiving agency decided).
#include "pages/child_access.h"
#include "pages/child_facts.h"
#include "pages/record_form.h"

namespace sightline::pages {
namespace {

const std::map<std::string, std::string> kReferralFields = {
    {"at", "at-day"}, {"to", "to"}, {"concerns", "concerns-physical_care"}, {"note", "note"}};

}  // namespace

web::Response record_referral(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    const std::string& name = form_child.name;

    FieldErrors errors;
    const std::string to_typed = v.form.get("to");
    std::string to;
    const std::vector<std::string> concerns = v.form.all("concerns");
    const std::string note = v.form.get("note");
    const std::string mine = v.session.account.agency;
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "of the referral", errors);
      to = read_agency_field(v, "to", errors);
      if (to.empty()) errors.add("to", "Enter the agency the referral is to");
      if (to == mine) errors.add("to", "Select another agency: a referral goes to someone else");
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "referral", *at, new_event_id("ref"));
        event["child"] = child;
        event["from"] = mine;
        event["to"] = to;
        event["concerns"] = concerns;
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event, kReferralFields, "to", errors)) return saved(child, "referral");
      }
    }
    const std::vector<AgencyView> others =
        agency_choices(v, form_child.summary.value("agencies", nlohmann::json::array()),
                       AgencyKind::kChildrensSocialCare);
    Html fields = when_field(v, "When was the referral made?", errors);
    fields += agency_picker({.id = "to",
                             .name = "to",
                             .label = {"Who is the referral to?", "govuk-label--m"},
                             .value = to_typed,
                             .error = errors.of("to"),
                             .suggestions = others},
                            agency_list(v.parts)->names);
    fields += indicator_checkboxes("concerns", "What are the concerns?", concerns,
                                   errors.of("concerns-physical_care"));
    fields += textarea({.id = "note",
                        .name = "note",
                        .label = {"What did you tell them? (optional)", "govuk-label--m"},
                        .value = note});
    return record_page(
        v, {.title = "Record a referral", .child = child, .child_name = name, .fields = fields},
        errors);
  });
}

web::Response record_referral_outcome(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    const std::string& name = form_child.name;
    const ChildFacts facts = read_child_facts(v, child);
    const auto agencies = agency_list(v.parts);
    const AgencyNames& names = agencies->names;

    FieldErrors errors;
    const std::string referral = v.form.get("referral");
    const std::string outcome = v.form.get("outcome");
    const std::string to_typed = v.form.get("to");
    std::string to;
    const std::string note = v.form.get("note");
    const std::string mine = v.session.account.agency;
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "of the decision", errors);
      to = read_agency_field(v, "to", errors);
      if (referral.empty()) errors.add("referral", "Select the referral");
      if (outcome.empty()) errors.add("outcome", "Select what was decided");
      if ((outcome == "passed_to" || outcome == "signposted") && to.empty()) {
        errors.add("to", "Enter the agency it was passed or signposted to");
      }
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "referral_outcome", *at);
        event["referral"] = referral;
        event["outcome"] = outcome;
        if ((outcome == "passed_to" || outcome == "signposted") && !to.empty()) event["to"] = to;
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event,
                        {{"at", "at-day"},
                         {"referral", "referral"},
                         {"outcome", "outcome"},
                         {"to", "to"},
                         {"note", "note"}},
                        "referral", errors)) {
          return saved(child, "referral_outcome");
        }
      }
    }
    if (facts.open_referrals.empty()) {
      const Html fields = Html::trusted("<p class=\"govuk-body\">") +
                          text("There is no referral about this child waiting for an outcome.") +
                          Html::trusted("</p>");
      return record_page(v,
                         {.title = "Record a referral's outcome",
                          .child = child,
                          .child_name = name,
                          .fields = fields,
                          .show_form = false},
                         errors);
    }
    std::vector<ChoiceItem> referral_items;
    for (const OpenReferral& r : facts.open_referrals) {
      referral_items.push_back({r.id,
                                "From " + agency_name(names, r.from) + " to " +
                                    agency_name(names, r.to) + ", " + display_date(r.at),
                                r.to == mine ? "To your agency" : "", referral == r.id});
    }
    const std::vector<AgencyView> others =
        agency_choices(v, form_child.summary.value("agencies", nlohmann::json::array()),
                       AgencyKind::kChildrensSocialCare);
    Html fields = radios({.id_prefix = "referral",
                          .name = "referral",
                          .legend = {"Which referral?", "govuk-fieldset__legend--m"},
                          .items = referral_items,
                          .error = errors.of("referral")});
    fields += when_field(v, "When was it decided?", errors);
    fields += radios({.id_prefix = "outcome",
                      .name = "outcome",
                      .legend = {"What was decided?", "govuk-fieldset__legend--m"},
                      .items = code_items({"assessment", "strategy_discussion", "passed_to",
                                           "signposted", "no_further_action"},
                                          outcome),
                      .error = errors.of("outcome")});
    fields += agency_picker({.id = "to",
                             .name = "to",
                             .label = {"Passed or signposted to (if it was)", "govuk-label--m"},
                             .value = to_typed,
                             .error = errors.of("to"),
                             .suggestions = others},
                            names);
    fields += textarea({.id = "note",
                        .name = "note",
                        .label = {"Reasons (optional)", "govuk-label--m"},
                        .value = note});
    return record_page(v,
                       {.title = "Record a referral's outcome",
                        .child = child,
                        .child_name = name,
                        .fields = fields},
                       errors);
  });
}

}  // namespace sightline::pages
