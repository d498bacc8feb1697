// Record the signed-in user's agency's named worker for the child, and how to
// reach them (events-v1 `allocation`): the child's page shows them against
// the agency in "Who is involved now".
#include "chronology/named_worker.h"
#include "core/text.h"
#include "pages/child_access.h"
#include "pages/record_form.h"

namespace sightline::pages {

web::Response record_allocation(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    const std::string& mine = v.session.account.agency;
    FieldErrors errors;
    const bool posted = v.request.method == "POST";
    // Before the form is sent, the worker named now, so that a changed phone
    // number is one field to edit.
    std::optional<NamedWorker> now;
    if (!posted) {
      const auto workers = read_child_facts(v, child).named_workers;
      if (const auto found = workers.find(mine); found != workers.end()) now = found->second;
    }
    const std::string worker = posted ? trimmed(v.form.get("worker")) : now ? now->name : "";
    const std::string phone = posted ? trimmed(v.form.get("phone")) : now ? now->phone : "";
    const std::string email = posted ? trimmed(v.form.get("email")) : now ? now->email : "";
    const std::string note = v.form.get("note");
    if (posted) {
      const auto at = read_event_at(v, "at", "the worker was allocated", errors);
      if (worker.empty()) errors.add("worker", "Enter the named worker's name");
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "allocation", *at);
        event["child"] = child;
        event["agency"] = mine;
        event["worker"] = worker;
        if (!phone.empty()) event["phone"] = phone;
        if (!email.empty()) event["email"] = email;
        if (!note.empty()) event["note"] = note;
        if (store_event(v, event,
                        {{"at", "at-day"},
                         {"worker", "worker"},
                         {"phone", "phone"},
                         {"email", "email"},
                         {"note", "note"}},
                        "worker", errors)) {
          return saved(child, "allocation");
        }
      }
    }
    Html fields;
    if (now) {
      fields += inset_text(text("Your agency's named worker for " + form_child.name + " is " +
                                now->name + ". Saving names a new one, or new details."));
    }
    fields += text_input({.id = "worker",
                          .name = "worker",
                          .label = {"Named worker", "govuk-label--m"},
                          .hint = "The professional at your agency who is responsible for " +
                                  form_child.name + ", whom others should contact",
                          .value = worker,
                          .error = errors.of("worker"),
                          .autocomplete = "off",
                          .spellcheck_off = true});
    fields += text_input({.id = "phone",
                          .name = "phone",
                          .label = {"Telephone (optional)", "govuk-label--s"},
                          .hint = "For example, 020 8825 5000 or +44 20 8825 5000",
                          .value = phone,
                          .error = errors.of("phone"),
                          .type = "tel",
                          .classes = "govuk-input--width-20",
                          .autocomplete = "off"});
    fields += text_input({.id = "email",
                          .name = "email",
                          .label = {"Email address (optional)", "govuk-label--s"},
                          .value = email,
                          .error = errors.of("email"),
                          .type = "email",
                          .autocomplete = "off",
                          .spellcheck_off = true});
    fields += when_field(v, "Since when?", errors);
    fields += note_field(note, errors.of("note"));
    return record_page(v,
                       {.title = "Record your agency's named worker",
                        .child = child,
                        .child_name = form_child.name,
                        .fields = fields},
                       errors);
  });
}

}  // namespace sightline::pages
