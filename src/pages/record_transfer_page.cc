// Record a transfer of responsibility for a child to another agency.
//
// The form starts from what the sender knows, because the review found
// transfers that understated the case: the status is pre-selected from the
// child's record (an open section 47 enquiry means incomplete_s47, another
// open assessment incomplete_assessment, an open plan its kind; for health
// visiting, an enhanced level means enhanced), and every active indicator (the
// catalogue's, C7, which handover-understated compares the risks with, not
// the child page's live view, which has none for a child who has died) is
// ticked as a risk to pass on. The sender may change both, but a verbal
// handover with no risks and no summary is refused.
#include <algorithm>

#include "chronology/child_area.h"
#include "chronology/indicators.h"
#include "pages/child_access.h"
#include "pages/child_facts.h"
#include "pages/chronology_events.h"
#include "pages/record_form.h"

namespace sightline::pages {
namespace {

bool is_health_visiting(const std::vector<AgencyView>& agencies, const std::string& agency) {
  for (const AgencyView& a : agencies) {
    if (a.id == agency) return a.kind == AgencyKind::kHealthVisiting;
  }
  return false;
}

std::string suggested_status(const ChildFacts& facts, bool health_visiting) {
  if (health_visiting) {
    return facts.hv_level == "universal_plus" || facts.hv_level == "partnership_plus" ? "enhanced"
                                                                                      : "universal";
  }
  for (const OpenAssessment& a : facts.open_assessments) {
    if (a.kind == "s47") return "incomplete_s47";
  }
  if (!facts.open_assessments.empty()) return "incomplete_assessment";
  for (const std::string& kind : facts.open_plans) {
    if (kind == "child_protection") return "child_protection";
  }
  for (const std::string& kind : facts.open_plans) {
    if (kind == "child_in_need") return "child_in_need";
  }
  return "welfare_check";
}

// The catalogue's active indicators of the child (chronology/indicators.h)
// from the chronology's entries, in the format's order.
std::vector<std::string> risks_known(const Visit& v, const nlohmann::json& entries,
                                     const std::string& child, const AgencyFacts& agencies) {
  if (!entries.is_array()) return {};
  const std::vector<Event> events = typed_events(entries);
  const IndicatorWindows windows =
      v.parts.indicator_windows ? v.parts.indicator_windows(child_area(events, child, agencies))
                                : IndicatorWindows();
  std::vector<bool> active(names_of<Indicator>().size(), false);
  for (const auto& [domain, list] :
       active_indicators(events, child, v.parts.clock.now(), windows)) {
    for (const sightline::ActiveIndicator& i : list)
      active[static_cast<std::size_t>(i.indicator)] = true;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < active.size(); ++i) {
    if (active[i]) out.emplace_back(names_of<Indicator>()[i]);
  }
  return out;
}

}  // namespace

web::Response record_transfer(const Visit& v) {
  return with_form_child(v, [&](const FormChild& form_child) -> web::Response {
    const std::string& child = form_child.id;
    const std::string& name = form_child.name;
    const auto list = agency_list(v.parts);
    const nlohmann::json entries = read_chronology_entries(v, child);
    const AgencyListFacts agency_facts(*list);
    const ChildFacts facts = derive_child_facts(entries, child, v.parts.clock.now(), agency_facts,
                                                v.parts.indicator_windows);
    const std::vector<AgencyView>& agencies = list->by_name;
    const std::string mine = v.session.account.agency;
    const bool hv = is_health_visiting(agencies, mine);

    const bool posted = v.request.method == "POST";
    const std::string to_typed = v.form.get("to");
    std::string to;
    const std::string status = posted ? v.form.get("status") : suggested_status(facts, hv);
    const std::vector<std::string> risks =
        posted ? v.form.all("risks") : risks_known(v, entries, child, agency_facts);
    const std::string mode = posted ? v.form.get("mode") : "written";
    const std::string summary = v.form.get("summary");
    FieldErrors errors;
    if (posted) {
      const auto at = read_event_at(v, "at", "of the transfer", errors);
      to = read_agency_field(v, "to", errors);
      if (to.empty()) errors.add("to", "Enter the agency taking over");
      // A transfer is between like services (see the receivers below).
      const auto kind_of = [&](const std::string& id) -> std::optional<AgencyKind> {
        for (const AgencyView& a : agencies) {
          if (a.id == id) return a.kind;
        }
        return std::nullopt;
      };
      if (!to.empty() && kind_of(to) != kind_of(mine)) {
        errors.add("to", "Enter an agency of the same kind as yours: " +
                             agency_name(list->names, to) + " is not");
      }
      if (to == mine) errors.add("to", "Select another agency: a transfer goes to someone else");
      if (status.empty()) errors.add("status", "Select what the receiver is taking on");
      if (mode.empty()) errors.add("mode", "Select how the transfer was made");
      // Nothing in writing reaches the receiver: the understated handover the
      // review found. Refused before it is saved, as the closure form refuses.
      if (mode == "verbal" && risks.empty() && trimmed(summary).empty()) {
        errors.add(
            "summary",
            "A verbal handover with no risks and no summary leaves the receiver nothing in "
            "writing: tick the risks you are passing on, or write a summary for the receiver");
      }
      if (errors.empty()) {
        nlohmann::ordered_json event = base_event(v, "transfer", *at, new_event_id("tr"));
        event["child"] = child;
        event["from"] = mine;
        event["to"] = to;
        event["status"] = status;
        if (!summary.empty()) event["summary"] = summary;
        event["risks"] = risks;
        event["mode"] = mode;
        if (store_event(v, event,
                        {{"at", "at-day"},
                         {"to", "to"},
                         {"status", "status"},
                         {"risks", "risks-physical_care"},
                         {"mode", "mode"},
                         {"summary", "summary"}},
                        "to", errors)) {
          return saved(child, "transfer");
        }
      }
    }
    // Receivers of the same kind as the sender, in any area: a transfer is
    // between like services (its statuses are social care's or health
    // visiting's), and every agency in England would be hundreds of kilobytes
    // of options.
    AgencyKind my_kind = AgencyKind::kChildrensSocialCare;
    for (const AgencyView& a : agencies) {
      if (a.id == mine) my_kind = a.kind;
    }
    std::vector<AgencyView> receivers;
    for (const AgencyView& a : agencies) {
      if (a.id != mine && a.kind == my_kind) receivers.push_back(a);
    }
    // Before it is sent, the like service where the child now lives: the
    // receiver a handover after a move is owed to (hv-handover-missing).
    const std::string chosen =
        posted ? to : agency_in_childs_area(v, form_child.summary, receivers, my_kind);
    const std::vector<std::string> statuses =
        hv ? std::vector<std::string>{"universal", "enhanced"}
           : std::vector<std::string>{"welfare_check", "child_in_need", "incomplete_assessment",
                                      "incomplete_s47", "child_protection"};
    Html fields = agency_picker({.id = "to",
                                 .name = "to",
                                 .label = {"Which agency is taking over?", "govuk-label--m"},
                                 .value = chosen.empty() ? to_typed : chosen,
                                 .error = errors.of("to"),
                                 .suggestions = receivers},
                                list->names);
    fields += radios({.id_prefix = "status",
                      .name = "status",
                      .legend = {"What are they taking on?", "govuk-fieldset__legend--m"},
                      .items = code_items(statuses, status),
                      .hint = posted ? "" : "Selected from the child's record: check it.",
                      .error = errors.of("status")});
    fields += indicator_checkboxes("risks", "Which risks are you passing on?", risks,
                                   errors.of("risks-physical_care"));
    fields += textarea({.id = "summary",
                        .name = "summary",
                        .label = {"Summary for the receiver (optional)", "govuk-label--m"},
                        .hint = "Needed for a verbal handover that passes on no risks.",
                        .value = summary,
                        .error = errors.of("summary")});
    fields += radios({.id_prefix = "mode",
                      .name = "mode",
                      .legend = {"How was it handed over?", "govuk-fieldset__legend--m"},
                      .items = code_items({"written", "verbal"}, mode),
                      .error = errors.of("mode"),
                      .inline_items = true});
    fields += when_field(v, "When was it handed over?", errors);
    Html before;
    if (!posted && !risks.empty()) {
      before = inset_text(text("The child's active indicators are ticked as risks to pass on."));
    }
    return record_page(v,
                       {.title = "Record a transfer",
                        .child = child,
                        .child_name = name,
                        .fields = fields,
                        .before_form = before},
                       errors);
  });
}

}  // namespace sightline::pages
