// What the record forms share: reading a date, turning the form into one
// events-v1 event, storing it through the API (POST /api/v1/events, so it is
// checked exactly as an imported feed is), and showing the faults the
// validator finds next to the fields they concern, with the GOV.UK error
// summary.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pages/agency_picker.h"
#include "pages/child_facts.h"
#include "pages/components.h"
#include "pages/visit.h"

namespace sightline::pages {

// The errors of one submitted form, in the order of the form's fields.
class FieldErrors {
 public:
  // `field_id` is the id of the element the summary links to.
  void add(const std::string& field_id, const std::string& message);
  bool empty() const { return summary_.empty(); }
  // The message for the field, or "".
  std::string of(const std::string& field_id) const;
  const std::vector<ErrorItem>& summary() const { return summary_; }

 private:
  std::vector<ErrorItem> summary_;
  std::map<std::string, std::string> by_field_;
};

// The day, month and year typed into a date input named `name`; today's
// when the form has not been sent yet.
struct DateParts {
  std::string day = {}, month = {}, year = {};
};
DateParts date_parts(const Visit& v, const std::string& name);

// The child a record form is about (the route's `id`): the summary the API
// gives (GET /api/v1/children/{id}, audited) and the name from it, or, when
// the API refuses, the response to send instead (the break-glass page, or an
// error), as fetch_child (child_access.h) decides.
struct FormChild {
  std::string id = {};
  std::string name = {};  // the id when the summary has none
  nlohmann::json summary = {};
};
std::variant<FormChild, web::Response> load_form_child(const Visit& v);
// The opening of every record form: `form` answers for the route's child, or,
// when load_form_child refuses, its response is the answer and `form` is not run.
web::Response with_form_child(const Visit& v,
                              const std::function<web::Response(const FormChild&)>& form);

// What the child's chronology says (GET /api/v1/children/{id}/chronology,
// audited), for the forms that pre-fill or check against it; no facts when
// the API gives no chronology.
ChildFacts read_child_facts(const Visit& v, const std::string& child);
// The child's chronology through the API as the session may see it: its
// "entries" (null when the API refused or failed).
nlohmann::json read_chronology_entries(const Visit& v, const std::string& child);

// A form's answer `name`: what was sent, or before the form is sent, the
// page's query parameter of that name (a link that pre-fills the form, e.g.
// "?kind=review_6_8_week" from an alert).
std::string answer_or_prefill(const Visit& v, const std::string& name);

// The form's "when" field: the date input named `at`, asked with `legend`,
// showing what was typed (today's date before the form is sent) and the
// error read_event_at added for `at-day`.
Html when_field(const Visit& v, const std::string& legend, const FieldErrors& errors);

// The `at` of an event from a date input: the date itself ("2026-03-01"), or,
// for today, the present minute (so that it is not later than `recorded`).
// nullopt, with an error added for `name`-day, when the date is missing,
// impossible or in the future.
std::optional<std::string> read_event_at(const Visit& v, const std::string& name,
                                         const std::string& what, FieldErrors& errors);

// The envelope every recorded event starts with: its `type`, its own `id`
// when it has one (an event others refer to, e.g. a referral), `at`,
// `recorded` now, and `by` the signed-in user's agency. The form adds the
// type's fields and the note after it.
nlohmann::ordered_json base_event(const Visit& v, const std::string& type, const std::string& at,
                                  const std::string& id = "");

// True when a form's answer `code` is one of the `codes` it offered.
bool one_of(const std::vector<std::string>& codes, const std::string& code);

// The optional free-text field every record form ends with, named `note`,
// showing `note` (what was typed, when the form is shown again) and `error`.
Html note_field(const std::string& note, const std::string& error);

// The present moment as an events-v1 time, for `recorded`.
std::string now_text(const Clock& clock);
// A new id for an event that others will refer to ("ref-5f0c9e1a2b3c4d5e").
std::string new_event_id(const std::string& prefix);

// Stores `event` through the API. True when it was stored (or had been, for
// a form sent twice); otherwise every fault is added to `errors`, the field
// named by the validator mapped to a form field through `field_ids` (the
// event's field name, without the type: "outcome" -> "outcome"), and a fault
// on a field the form does not have is shown against `fallback_id`.
bool store_event(const Visit& v, const nlohmann::ordered_json& event,
                 const std::map<std::string, std::string>& field_ids,
                 const std::string& fallback_id, FieldErrors& errors);

struct RecordPage {
  std::string title = {};  // "Record a contact or visit"
  std::string child = {};  // id
  std::string child_name = {};
  Html fields = {};  // the form's fields
  std::string submit = "Save";
  Html before_form = {};  // e.g. a warning asking to confirm
  bool show_form = true;  // false: `fields` is only a message, with nothing to send
  // The navigation item the form belongs to: a child's record, or for the
  // answers to a transfer, the transfers.
  std::string active_nav = "/children";
};
// The form page: back link, error summary, the child's name as a caption,
// the title as the <h1>, and a form posting to the page's own path with the
// CSRF token and a fresh idempotency key.
web::Response record_page(const Visit& v, const RecordPage& page, const FieldErrors& errors);

// After a successful save: back to the child's page, which says what was recorded.
web::Response saved(const std::string& child, const std::string& what);

// Radio items from events-v1 codes, labelled in words, the one equal to
// `chosen` checked.
std::vector<ChoiceItem> code_items(const std::vector<std::string>& codes,
                                   const std::string& chosen);
// The agencies a form offers (by name, never a safeguarding partnership nor
// the user's own): those in `involved` (the child's summary's `agencies`),
// those of the user's own area, and every one of kind `also` (e.g. children's
// social care, to which most referrals go, in any area). Not every agency in
// England: with a national caseload that is hundreds of kilobytes of
// options no one could scan.
std::vector<AgencyView> agency_choices(const Visit& v, const nlohmann::json& involved,
                                       std::optional<AgencyKind> also);
// Among `choices`, the first agency of `kind` in the area of the child's
// latest address outside the user's area (the `addresses` of its summary;
// with `temporary_only`, of its temporary ones): where a transfer is owed
// after a move, or the notice of an out-of-area placement. "" when there is
// no such address or no offered agency fits.
std::string agency_in_childs_area(const Visit& v, const nlohmann::json& summary,
                                  const std::vector<AgencyView>& choices, AgencyKind kind,
                                  bool temporary_only = false);
// The agency the agency picker (agency_picker.h) named `field` was answered
// with, as its id: "" when it was left empty, or when what was typed names no
// agency, and that error is then added against `field`.
std::string read_agency_field(const Visit& v, const std::string& field, FieldErrors& errors);
// The agencies a list picker (agency_list_picker) named `name` was answered
// with, as ids, each once, in the order typed; empty inputs are skipped. What
// names no agency adds its error against the input it will be shown in again
// (`name`, `name-2`, ... among the non-empty answers).
std::vector<std::string> read_agency_list_field(const Visit& v, const std::string& name,
                                                FieldErrors& errors);
// The list picker named `name` (its first input's id too), showing `values`
// (what was typed, or ids) with the errors read_agency_list_field added.
Html agency_list_field(const Visit& v, const std::string& name, const Caption& legend,
                       const std::string& hint, const std::vector<std::string>& values,
                       const std::vector<AgencyView>& suggestions, const FieldErrors& errors);
// One checkbox group per indicator domain, named `name`, with the codes in
// `checked` ticked. Ids are NAME-DOMAIN, so the first group's is the error target.
Html indicator_checkboxes(const std::string& name, const std::string& legend,
                          const std::vector<std::string>& checked, const std::string& error);

}  // namespace sightline::pages
