// Record a contact or visit: how, whether the child was seen, and how it went.
// Whether the child was seen is asked on its own, as a yes or no, because
// that is what the safeguards watch. A phone call, a text or a letter cannot
// show the child (R69), so "seen" with one of those is refused.
#include "chronology/sightings.h"
#include "pages/child_access.h"
#include "pages/record_form.h"

namespace sightline::pages {
namespace {

// What the form's mode is called when it cannot show the child (R69): "" for
// a mode that can.
std::string cannot_show_child(const std::string& mode) {
  const auto m = parse_name<ContactMode>(mode);
  if (!m || mode_can_show_child(*m)) return "";
  return *m == ContactMode::kPhone ? "phone call"
         : *m == ContactMode::kSms ? "text message"
                                   : "letter";
}

}  // namespace

web::Response record_contact(const Visit& v) {
  auto loaded = load_form_child(v);
  if (auto* refused = std::get_if<web::Response>(&loaded)) return std::move(*refused);
  const FormChild& form_child = std::get<FormChild>(loaded);
  const std::string& child = form_child.id;
  const std::string& name = form_child.name;

  FieldErrors errors;
  const bool posted = v.request.method == "POST";
  const std::string mode = v.form.get("mode");
  const std::string seen = v.form.get("child_seen");
  const std::string outcome = v.form.get("outcome");
  const std::string note = v.form.get("note");
  if (posted) {
    const auto at = read_event_at(v, "at", "of the contact", errors);
    if (mode.empty()) errors.add("mode", "Select how the contact was made");
    if (seen != "yes" && seen != "no") errors.add("child_seen", "Select yes if the child was seen");
    if (outcome.empty()) errors.add("outcome", "Select what happened");
    if (const std::string way = cannot_show_child(mode); seen == "yes" && !way.empty()) {
      errors.add("child_seen", "A " + way +
                                   " cannot show the child: select \u2018No\u2019 for \u2018Was "
                                   "the child seen?\u2019, or change \u2018How was the contact "
                                   "made?\u2019 to how you saw them");
    }
    if (seen == "yes" && !outcome.empty() && outcome != "seen") {
      errors.add("outcome", "The child was seen, so select \u2018Seen\u2019");
    }
    if (seen == "no" && outcome == "seen") {
      errors.add("outcome", "The child was not seen, so select what happened instead");
    }
    if (errors.empty()) {
      nlohmann::ordered_json event = {{"type", "contact"},
                                      {"at", *at},
                                      {"recorded", now_text(v.parts.clock)},
                                      {"by", v.session.account.agency},
                                      {"persons", {child}},
                                      {"mode", mode},
                                      {"child_seen", seen == "yes"},
                                      {"outcome", outcome}};
      if (!note.empty()) event["note"] = note;
      if (store_event(v, event,
                      {{"at", "at-day"},
                       {"mode", "mode"},
                       {"child_seen", "child_seen"},
                       {"outcome", "outcome"},
                       {"note", "note"}},
                      "mode", errors)) {
        return saved(child, "contact");
      }
    }
  }
  Html fields = when_field(v, "When was it?", errors);
  fields += radios({.id_prefix = "mode",
                    .name = "mode",
                    .legend = {"How was the contact made?", "govuk-fieldset__legend--m"},
                    .items = code_items({"home_visit", "clinic", "drop_in", "office", "hospital",
                                         "phone", "video", "sms", "letter"},
                                        mode),
                    .error = errors.of("mode"),
                    .small = true});
  fields += radios({.id_prefix = "child_seen",
                    .name = "child_seen",
                    .legend = {"Was the child seen?", "govuk-fieldset__legend--m"},
                    .items = {{"yes", "Yes", "", seen == "yes"}, {"no", "No", "", seen == "no"}},
                    .hint = "Seen means seen in person, or on video, by you.",
                    .error = errors.of("child_seen"),
                    .inline_items = true});
  fields += radios({.id_prefix = "outcome",
                    .name = "outcome",
                    .legend = {"What happened?", "govuk-fieldset__legend--m"},
                    .items = code_items(
                        {"seen", "no_answer", "no_access", "not_at_address", "declined"}, outcome),
                    .error = errors.of("outcome"),
                    .small = true});
  fields += textarea({.id = "note",
                      .name = "note",
                      .label = {"Notes (optional)", "govuk-label--m"},
                      .value = note,
                      .error = errors.of("note")});
  return record_page(
      v,
      {.title = "Record a contact or visit", .child = child, .child_name = name, .fields = fields},
      errors);
}

}  // namespace sightline::pages
