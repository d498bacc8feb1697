// Record a case closed (events-v1 `case_closed`). A closure the safeguards
// forbid is refused with the reason (catalogue rule closure-before-seen, by
// its one definition in chronology/closure_blockers.h): the child's
// whereabouts unknown, a transfer to or from the closing agency about the
// child not yet accepted with the child seen, or an assessment the closing
// agency still has open. A manager or safeguarding lead may close anyway with
// a recorded reason, kept in the event's note, in the chronology and the
// audit of the write. A closure because the child moved out is refused, for
// anyone, while the agency has recorded no transfer and nobody has seen the
// child in the 28 days before it: the form says to record the transfer or see
// the child.
#include "chronology/closure_blockers.h"
#include "chronology/sightings.h"
#include "pages/child_access.h"
#include "pages/chronology_events.h"
#include "pages/event_text.h"
#include "pages/layout.h"
#include "pages/record_form.h"

namespace sightline::pages {
namespace {

constexpr int kMovedOutSeenWithinDays = 28;

// Why the safeguards forbid the agency closing the case now, in the words of
// the form; empty if they do not.
std::vector<std::string> closure_blockers(const Visit& v, const std::string& child) {
  const ApiReply chronology = v.api.get("/api/v1/children/" + url_encode(child) + "/chronology");
  if (!chronology.ok()) return {};
  const std::vector<Event> events = typed_events(chronology.body["entries"]);
  const auto agencies = agency_list(v.parts);
  const AgencyNames& names = agencies->names;
  const ClosureBlockers found = sightline::closure_blockers(events, child, v.session.account.agency,
                                                            AgencyListFacts(*agencies));
  std::vector<std::string> out;
  if (found.whereabouts_unknown_since) {
    out.push_back("The child's whereabouts have been unknown since " +
                  display_date(found.whereabouts_unknown_since->to_string()) +
                  ", and nobody has located the child since");
  }
  if (found.transfer) {
    out.push_back(std::string("A transfer ") + (found.transfer->to_it ? "to" : "from") +
                  " your agency (" + (found.transfer->to_it ? "from " : "to ") +
                  agency_name(names, found.transfer->other) + "), sent " +
                  display_date(found.transfer->sent.to_string()) +
                  ", has not been accepted with the child seen");
  }
  if (found.assessment) {
    // Mid-sentence, the kind's label ("Child and family") starts in lower case.
    std::string kind = code_label(found.assessment->kind);
    if (!kind.empty() && kind.front() >= 'A' && kind.front() <= 'Z') kind.front() += 'a' - 'A';
    out.push_back("Your agency has an open " + kind + " assessment, started " +
                  display_date(found.assessment->started.to_string()));
  }
  return out;
}

// Why a "moved out" closure is refused (empty if it is not): the closing
// agency recorded no transfer of the child, and nobody has seen the child in
// the 28 days up to the closure. Closing then would leave a child who has left
// with no one responsible and no one who knows they are safe.
std::string moved_out_refusal(const Visit& v, const std::string& child, const Timestamp& at) {
  const ApiReply chronology = v.api.get("/api/v1/children/" + url_encode(child) + "/chronology");
  if (!chronology.ok()) return {};
  const std::vector<Event> events = typed_events(chronology.body["entries"]);
  const std::string& mine = v.session.account.agency;
  for (const Event& e : events) {
    if (e.type == EventType::kTransfer && e.as<TransferEvent>().child == child &&
        e.as<TransferEvent>().from == mine) {
      return {};
    }
  }
  const auto seen = latest_sighting(events, child, v.parts.clock.now());
  if (seen && seen->event->at.date.days_until(at.date) <= kMovedOutSeenWithinDays) return {};
  return "The child moved out, but your agency has recorded no transfer and nobody has seen the "
         "child in the " +
         std::to_string(kMovedOutSeenWithinDays) +
         " days before the closure: record the transfer to the agency of the child's new area, "
         "or see the child, before closing";
}

}  // namespace

web::Response record_closure(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    const std::string& name = form_child.name;
    const std::vector<std::string> blockers = closure_blockers(v, child);
    const web::Role role = v.session.account.role;
    const bool may_override = role == web::Role::kManager || role == web::Role::kSafeguardingLead;

    FieldErrors errors;
    const std::string reason = v.form.get("reason");
    const std::string note = v.form.get("note");
    const std::string override_reason = trimmed(v.form.get("override_reason"));
    // Every reason, not only the first: a manager overriding one must know of
    // the others, and the record must say what was overridden.
    std::string why;
    for (const std::string& b : blockers) why += (why.empty() ? "" : "; ") + b;
    if (v.request.method == "POST") {
      const auto at = read_event_at(v, "at", "of the closure", errors);
      if (reason.empty()) errors.add("reason", "Select why the case is closed");
      if (reason == "moved_out" && at) {
        if (const auto when = Timestamp::parse(*at)) {
          if (const std::string refusal = moved_out_refusal(v, child, *when); !refusal.empty()) {
            errors.add("reason", refusal);
          }
        }
      }
      if (!blockers.empty()) {
        if (!may_override) {
          errors.add("reason", "The case cannot be closed: " + why +
                                   ". Only a manager or safeguarding lead can close it anyway");
        } else if (override_reason.empty()) {
          errors.add("override_reason", "The case cannot be closed: " + why +
                                            ". Enter why it should be closed anyway");
        }
      }
      if (errors.empty()) {
        std::string text = note;
        if (!blockers.empty()) {
          if (!text.empty()) text += "\n";
          text += "Closed despite the safeguards (" + why + ") by " + v.session.account.username +
                  ": " + override_reason;
        }
        nlohmann::ordered_json event = base_event(v, "case_closed", *at);
        event["child"] = child;
        event["agency"] = v.session.account.agency;
        event["reason"] = reason;
        if (!text.empty()) event["note"] = text;
        if (store_event(v, event, {{"at", "at-day"}, {"reason", "reason"}, {"note", "note"}},
                        "reason", errors)) {
          return saved(child, "case_closed");
        }
      }
    }
    Html before;
    for (const std::string& b : blockers)
      before += warning_text("The safeguards forbid closing: " + b + ".");
    Html fields = when_field(v, "When was it closed?", errors);
    fields += radios(
        {.id_prefix = "reason",
         .name = "reason",
         .legend = {"Why is the case closed?", "govuk-fieldset__legend--m"},
         .items = code_items(
             {"moved_out", "no_further_action", "not_found", "transferred", "other"}, reason),
         .error = errors.of("reason"),
         .small = true});
    fields += note_field(note, errors.of("note"));
    if (!blockers.empty() && may_override) {
      fields += textarea({.id = "override_reason",
                          .name = "override_reason",
                          .label = {"Why close it anyway? (managers and leads)", "govuk-label--m"},
                          .hint = "Kept with the closure in the chronology.",
                          .value = override_reason,
                          .error = errors.of("override_reason")});
    }
    return record_page(v,
                       {.title = "Record a case closed",
                        .child = child,
                        .child_name = name,
                        .fields = fields,
                        .before_form = before},
                       errors);
  });
}

}  // namespace sightline::pages
