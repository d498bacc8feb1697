// A receiving agency's answer to a transfer: `transfer_accepted` with whether
// it has seen the child, or `transfer_declined` with its reason (events-v1).
//
// The form shows what the sender handed over, as GET /api/v1/transfers lists
// it to the receiver. Whether the user's agency may answer is the API's to
// decide when the answer is sent (only the receiving agency may); the form
// shows its refusal like any other fault. Once stored, the transfers page
// says what was recorded and links to the child.
#include "pages/child_access.h"
#include "pages/event_text.h"
#include "pages/layout.h"
#include "pages/record_form.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

// The transfer as the API lists it to the user's agency to answer, or null.
json incoming_transfer(const Visit& v, const std::string& id) {
  const ApiReply reply = v.api.get("/api/v1/transfers");
  if (!reply.ok() || !reply.body.contains("incoming")) return nullptr;
  for (const json& t : reply.body["incoming"]) {
    if (text_field(t, "id") == id) return t;
  }
  return nullptr;
}

// What the sender handed over, for the receiver to answer.
Html transfer_details(const Visit& v, const json& transfer, const std::string& id) {
  if (transfer.is_null()) {
    return inset_text(text("Sightline lists no transfer \"" + id +
                           "\" of this child waiting for your agency to answer."));
  }
  const auto agencies = agency_list(v.parts);
  std::string risks;
  if (transfer.contains("risks") && transfer["risks"].is_array()) {
    for (const json& r : transfer["risks"]) {
      if (!r.is_string()) continue;
      risks += (risks.empty() ? "" : ", ") + code_label(r.get<std::string>());
    }
  }
  const std::string summary = text_field(transfer, "summary");
  const bool seen = transfer.value("child_seen_by_receiver", false);
  return summary_list({
      {"From", text(agency_name(agencies->names, text_field(transfer, "from")))},
      {"Sent", text(display_date(text_field(transfer, "sent")))},
      {"Taking on", text(code_label(text_field(transfer, "status")))},
      {"Risks passed on", text(risks.empty() ? "None" : risks)},
      {"Summary", text(summary.empty() ? "None given" : summary)},
      {"Handed over",
       text(code_label(text_field(transfer, "mode").empty() ? "written"
                                                            : text_field(transfer, "mode")))},
      {"Seen by your agency since", seen ? tag("Seen", "green") : tag("Not seen", "red")},
  });
}

struct Answer {
  bool accept = true;
};

web::Response answer_transfer(const Visit& v, Answer answer) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    const std::string transfer_id = v.params.at("transfer");
    const std::string mine = v.session.account.agency;

    const bool posted = v.request.method == "POST";
    const std::string child_seen = v.form.get("child_seen");
    const std::string reason = trimmed(v.form.get("reason"));
    FieldErrors errors;
    if (posted) {
      const auto at =
          read_event_at(v, "at", answer.accept ? "it was accepted" : "it was declined", errors);
      if (answer.accept && child_seen != "yes" && child_seen != "no") {
        errors.add("child_seen", "Select whether your agency has seen the child");
      }
      if (!answer.accept && reason.empty()) {
        errors.add("reason", "Enter why your agency declines the transfer");
      }
      if (errors.empty()) {
        nlohmann::ordered_json event =
            base_event(v, answer.accept ? "transfer_accepted" : "transfer_declined", *at);
        event["transfer"] = transfer_id;
        if (answer.accept) {
          event["child_seen"] = child_seen == "yes";
        } else {
          event["reason"] = reason;
        }
        const std::string field = answer.accept ? "child_seen" : "reason";
        if (store_event(v, event,
                        {{"at", "at-day"}, {"child_seen", "child_seen"}, {"reason", "reason"}},
                        field, errors)) {
          const std::string what = !answer.accept        ? "declined"
                                   : child_seen == "yes" ? "accepted_seen"
                                                         : "accepted_not_seen";
          return redirect("/transfers?answered=" + what + "&child=" + url_encode(child));
        }
      }
    }
    Html fields;
    if (answer.accept) {
      fields += radios({.id_prefix = "child_seen",
                        .name = "child_seen",
                        .legend = {"Has your agency seen the child since the transfer was sent?",
                                   "govuk-fieldset__legend--m"},
                        .items = {{"yes", "Yes", "", child_seen == "yes"},
                                  {"no", "No, not yet", "", child_seen == "no"}},
                        .hint = "Seen means seen in person, or on video, by your agency.",
                        .error = errors.of("child_seen")});
    } else {
      fields += textarea({.id = "reason",
                          .name = "reason",
                          .label = {"Why does your agency decline it?", "govuk-label--m"},
                          .hint = "The sending agency reads this. It stays responsible for the "
                                  "child.",
                          .value = reason,
                          .error = errors.of("reason")});
    }
    fields += when_field(
        v, answer.accept ? "When did your agency accept it?" : "When did your agency decline it?",
        errors);
    Html before = transfer_details(v, incoming_transfer(v, transfer_id), transfer_id);
    if (answer.accept) {
      before += inset_text(text(
          "The transfer is done when it is accepted with the child seen. Accepted with the child "
          "not seen, it waits on the transfers page until your agency records the child seen; "
          "until then its alerts stay open and the sending agency may not close its case."));
    }
    return record_page(v,
                       {.title = answer.accept ? "Accept the transfer" : "Decline the transfer",
                        .child = child,
                        .child_name = form_child.name,
                        .fields = fields,
                        .submit = answer.accept ? "Accept the transfer" : "Decline the transfer",
                        .before_form = before,
                        .active_nav = "/transfers"},
                       errors);
  });
}

}  // namespace

web::Response accept_transfer(const Visit& v) { return answer_transfer(v, {.accept = true}); }
web::Response decline_transfer(const Visit& v) { return answer_transfer(v, {.accept = false}); }

}  // namespace sightline::pages
