// Record a contact or visit: how, whether the child was seen, where, and how
// it went. Whether the child was seen is asked on its own, as a yes or no,
// because that is what the safeguards watch. A phone call, a text or a letter
// cannot show the child (R69), so "seen" with one of those is refused. Where
// a child seen in person was seen is asked (at the home address, or
// somewhere else by postcode and area) and recorded as the contact's
// `address`: it is what says whether the home address is confirmed (R70).
#include "chronology/sightings.h"
#include "pages/address_fields.h"
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

// Whether the contact saw the child in person, so that where is asked: seen,
// in a way that can show the child, and not on video.
bool seen_in_person(const std::string& mode, const std::string& seen) {
  const auto m = parse_name<ContactMode>(mode);
  return seen == "yes" && m && mode_can_show_child(*m) && *m != ContactMode::kVideo;
}

// The child's current address on one line, from the summary's `address`, or
// "" when it has no postcode (then it cannot be recorded as where the child
// was seen).
std::string home_line(const nlohmann::json& summary) {
  const nlohmann::json& a = summary.contains("address") ? summary["address"] : nlohmann::json();
  if (!a.is_object() || a.value("postcode", "").empty()) return "";
  if (a.value("kind", "residential") != "residential" && a.value("kind", "") != "temporary") {
    return "";
  }
  std::string line;
  for (const char* f : {"line1", "line2", "town", "postcode"}) {
    const std::string part = a.value(f, "");
    if (!part.empty()) line += (line.empty() ? "" : ", ") + part;
  }
  return line;
}

}  // namespace

web::Response record_contact(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    const std::string& name = form_child.name;

    FieldErrors errors;
    const bool posted = v.request.method == "POST";
    const std::string mode = v.form.get("mode");
    const std::string seen = v.form.get("child_seen");
    const std::string outcome = v.form.get("outcome");
    const std::string note = v.form.get("note");
    const std::string where = v.form.get("where");
    const AddressAnswer elsewhere = read_address_answer(v, "seen_");
    const std::string home = home_line(form_child.summary);
    if (posted) {
      const auto at = read_event_at(v, "at", "of the contact", errors);
      if (mode.empty()) errors.add("mode", "Select how the contact was made");
      if (seen != "yes" && seen != "no")
        errors.add("child_seen", "Select yes if the child was seen");
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
      const bool ask_where = seen_in_person(mode, seen);
      if (ask_where && where != "elsewhere" && (where != "home" || home.empty())) {
        errors.add("where", "Select where the child was seen");
      }
      if (ask_where && where == "elsewhere") {
        check_address_answer(elsewhere, "seen_", AddressDetail::kPostcode, errors);
      }
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "contact", *at);
        event["persons"] = nlohmann::json::array({child});
        event["mode"] = mode;
        event["child_seen"] = seen == "yes";
        event["outcome"] = outcome;
        if (ask_where && where == "home") {
          nlohmann::ordered_json address = nlohmann::ordered_json::object();
          for (const auto& field : form_child.summary["address"].items()) {
            address[field.key()] = field.value().get<std::string>();
          }
          event["address"] = address;
        } else if (ask_where) {
          event["address"] = address_object(elsewhere);
        }
        if (!note.empty()) event["note"] = note;
        auto field_ids = address_field_ids("address", "seen_");
        field_ids.insert({{"at", "at-day"},
                          {"mode", "mode"},
                          {"child_seen", "child_seen"},
                          {"outcome", "outcome"},
                          {"note", "note"}});
        if (store_event(v, event, field_ids, "mode", errors)) {
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
    std::vector<ChoiceItem> places;
    if (!home.empty()) {
      places.push_back({"home", "At the home address (" + home + ")", "", where == "home"});
    }
    places.push_back(
        {"elsewhere", "Somewhere else", "Give the postcode and area below.", where == "elsewhere"});
    fields += radios({.id_prefix = "where",
                      .name = "where",
                      .legend = {"Where was the child seen?", "govuk-fieldset__legend--m"},
                      .items = places,
                      .hint = "Only if you saw the child in person. It says whether the home "
                              "address is confirmed.",
                      .error = errors.of("where"),
                      .small = true});
    fields += Html::trusted(
        "<fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend "
        "govuk-fieldset__legend--s\">If somewhere else: where</legend>");
    fields += address_inputs(elsewhere, "seen_", AddressDetail::kPostcode, errors);
    fields += Html::trusted("</fieldset>");
    fields +=
        radios({.id_prefix = "outcome",
                .name = "outcome",
                .legend = {"What happened?", "govuk-fieldset__legend--m"},
                .items = code_items(
                    {"seen", "no_answer", "no_access", "not_at_address", "declined"}, outcome),
                .error = errors.of("outcome"),
                .small = true});
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record a contact or visit",
                        .child = child,
                        .child_name = name,
                        .fields = fields},
                       errors);
  });
}

}  // namespace sightline::pages
