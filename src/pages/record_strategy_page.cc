// Record a strategy discussion, with who took part typed by agency name
// (agency_list_picker: suggestions, several agencies, no script needed).
//
// Working Together expects health, the police and the referrer at every
// strategy discussion (the review found discussions held without them). When
// any of them is missing the page does not save at once: it says who is
// missing and asks to confirm, keeping everything typed; saving then needs the
// confirmation of exactly that list and a reason why they did not take part,
// kept in the discussion's note.
#include <algorithm>
#include <set>

#include "chronology/strategy_referral.h"
#include "pages/child_access.h"
#include "pages/child_facts.h"
#include "pages/chronology_events.h"
#include "pages/record_form.h"

namespace sightline::pages {
namespace {

bool is_health(AgencyKind kind) {
  return kind == AgencyKind::kGpPractice || kind == AgencyKind::kHealthVisiting ||
         kind == AgencyKind::kMidwifery || kind == AgencyKind::kHospital ||
         kind == AgencyKind::kPaediatrics;
}

// Who is expected and not ticked, in words: "health", "the police", "the
// referrer (NAME)".
std::vector<std::string> missing_participants(const std::vector<std::string>& ticked,
                                              const std::vector<AgencyView>& agencies,
                                              const std::string& referrer,
                                              const AgencyNames& names) {
  bool health = false, police = false;
  for (const AgencyView& a : agencies) {
    if (std::find(ticked.begin(), ticked.end(), a.id) == ticked.end()) continue;
    health = health || is_health(a.kind);
    police = police || a.kind == AgencyKind::kPolice;
  }
  std::vector<std::string> missing;
  if (!health) missing.push_back("health");
  if (!police) missing.push_back("the police");
  if (!referrer.empty() && std::find(ticked.begin(), ticked.end(), referrer) == ticked.end()) {
    missing.push_back("the referrer (" + agency_name(names, referrer) + ")");
  }
  return missing;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace

web::Response record_strategy_discussion(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    const std::string& name = form_child.name;
    const nlohmann::json entries = read_chronology_entries(v, child);
    const auto list = agency_list(v.parts);
    const ChildFacts facts = derive_child_facts(entries, child, v.parts.clock.now(),
                                                AgencyListFacts(*list), v.parts.indicator_windows);
    const AgencyNames& names = list->names;
    const std::vector<AgencyView>& agencies = list->by_name;
    const std::string mine = v.session.account.agency;

    const bool posted = v.request.method == "POST";
    const std::string format = v.form.get("format");
    const std::string decision = v.form.get("decision");
    const std::string note = v.form.get("note");
    const std::string missing_reason = trimmed(v.form.get("missing_reason"));
    // What the participant inputs show: as typed, or before the form is sent,
    // the user's own agency.
    const std::vector<std::string> typed = posted ? v.form.all("participants") : std::vector{mine};
    std::vector<std::string> ticked = posted ? std::vector<std::string>() : std::vector{mine};
    FieldErrors errors;
    Html warning;
    // The referrer expected is that of the referral that led to the discussion
    // (chronology/strategy_referral.h): as of the day typed, else today.
    std::optional<std::string> at;
    if (posted) at = read_event_at(v, "at", "of the discussion", errors);
    const Date discussion_day = at ? Timestamp::parse(*at)->date : v.parts.clock.now().date;
    const auto referral = strategy_referral(typed_events(entries), child, discussion_day);
    const std::string referrer = referral ? referral->from : std::string();
    if (posted) {
      if (format.empty()) errors.add("format", "Select how the discussion was held");
      ticked = read_agency_list_field(v, "participants", errors);
      if (ticked.empty() && errors.of("participants").empty()) {
        errors.add("participants", "Enter the agencies that took part");
      }
      if (decision.empty()) errors.add("decision", "Select what was decided");
      const std::vector<std::string> missing =
          missing_participants(ticked, agencies, referrer, names);
      const std::string missing_key = joined(missing);
      const bool confirming = !missing.empty() && v.form.get("confirm_missing") == missing_key;
      if (errors.empty() && confirming && missing_reason.empty()) {
        errors.add("missing_reason", "Enter why " + missing_key + " did not take part");
      }
      if (!missing.empty() &&
          ((errors.empty() && !confirming) || !errors.of("missing_reason").empty())) {
        warning = Html::trusted("<div class=\"govuk-inset-text\" id=\"missing\">") +
                  warning_text("Not saved yet: " + missing_key + " did not take part.") +
                  Html::trusted("<p class=\"govuk-body\">") +
                  text(
                      "Working Together expects health, the police and the referrer at every "
                      "strategy discussion. Tick them below if they took part, or save to record "
                      "that they did not, and why.") +
                  Html::trusted("</p></div>");
      }
      if (errors.empty() && warning.empty()) {
        nlohmann::ordered_json event =
            base_event(v, "strategy_discussion", *at, new_event_id("sd"));
        event["child"] = child;
        event["format"] = format;
        event["participants"] = ticked;
        event["decision"] = decision;
        std::string text = note;
        if (!missing.empty()) {
          text += (text.empty() ? "" : "\n") + std::string("Held without ") + missing_key + ": " +
                  missing_reason;
        }
        if (!text.empty()) event["note"] = text;
        if (store_event(v, event,
                        {{"at", "at-day"},
                         {"format", "format"},
                         {"participants", "participants"},
                         {"decision", "decision"},
                         {"note", "note"}},
                        "format", errors)) {
          return saved(child, "strategy_discussion");
        }
      }
    }
    // The involved agencies first, then the others of the user's area, each
    // group by name (agency_choices); the user's own agency among them.
    std::set<std::string> involved(facts.agencies.begin(), facts.agencies.end());
    std::vector<AgencyView> offered = agency_choices(
        v, form_child.summary.value("agencies", nlohmann::json::array()), std::nullopt);
    for (const AgencyView& a : agencies) {
      if (a.id == mine) offered.push_back(a);
    }
    std::stable_sort(offered.begin(), offered.end(),
                     [](const AgencyView& a, const AgencyView& b) { return a.name < b.name; });
    std::vector<AgencyView> suggested;
    for (int pass = 0; pass < 2; ++pass) {
      for (const AgencyView& a : offered) {
        if ((pass == 0) == involved.contains(a.id)) suggested.push_back(a);
      }
    }
    Html fields = when_field(v, "When was it held?", errors);
    fields += radios({.id_prefix = "format",
                      .name = "format",
                      .legend = {"How was it held?", "govuk-fieldset__legend--m"},
                      .items = code_items({"meeting", "telephone", "video"}, format),
                      .error = errors.of("format"),
                      .inline_items = true});
    std::string hint =
        "Type each agency's name and choose it from the suggestions: those involved with the "
        "child first, then the others of your area. Health, the police and the referrer are "
        "expected.";
    if (!referrer.empty()) hint += " The referrer is " + agency_name(names, referrer) + ".";
    fields += agency_list_field(v, "participants", {"Who took part?", "govuk-fieldset__legend--m"},
                                hint, typed, suggested, errors);
    fields += radios(
        {.id_prefix = "decision",
         .name = "decision",
         .legend = {"What was decided?", "govuk-fieldset__legend--m"},
         .items = code_items({"s47_joint", "s47_single_agency", "no_s47", "review"}, decision),
         .error = errors.of("decision")});
    fields += textarea({.id = "note",
                        .name = "note",
                        .label = {"Reasons and actions (optional)", "govuk-label--m"},
                        .value = note});
    std::string submit = "Save";
    if (!warning.empty()) {
      const std::vector<std::string> missing =
          missing_participants(ticked, agencies, referrer, names);
      fields +=
          textarea({.id = "missing_reason",
                    .name = "missing_reason",
                    .label = {"Why did " + joined(missing) + " not take part?", "govuk-label--m"},
                    .hint = "Kept with the discussion in the chronology.",
                    .value = missing_reason,
                    .error = errors.of("missing_reason")});
      fields += Html::trusted("<input type=\"hidden\" name=\"confirm_missing\" value=\"") +
                text(joined(missing)) + Html::trusted("\">");
      submit = "Save without " + joined(missing);
    }
    return record_page(v,
                       {.title = "Record a strategy discussion",
                        .child = child,
                        .child_name = name,
                        .fields = fields,
                        .submit = submit,
                        .before_form = warning},
                       errors);
  });
}

}  // namespace sightline::pages
