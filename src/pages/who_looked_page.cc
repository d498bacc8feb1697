// Who has looked at a child's record: the audit records about the child, for
// a safeguarding lead whose agency is involved (the API decides), filtered by
// person, by what they did and by date (a GET form: no script).
#include <set>

#include "pages/audit_filter.h"
#include "pages/child_access.h"
#include "pages/components.h"
#include "pages/event_text.h"
#include "pages/layout.h"
#include "pages/visit.h"

namespace sightline::pages {

web::Response who_looked_page(const Visit& v) {
  const std::string child = v.params.at("id");
  const ApiReply reply = v.api.get("/api/v1/children/" + url_encode(child) + "/audit");
  if (reply.error_code() == "no_relationship") return break_glass_page(v, child, "", "", 403);
  if (!reply.ok()) {
    return v.page(v.frame("Not available to your role"),
                  Html::trusted("<h1 class=\"govuk-heading-l\">Not available to your role</h1><p "
                                "class=\"govuk-body\">Only a safeguarding lead sees who has looked "
                                "at a record.</p>"),
                  reply.status);
  }
  static const std::map<std::string, std::string, std::less<>> kActions = {
      {"child.read", "Opened the record"},
      {"child.chronology", "Read the chronology"},
      {"child.alerts_read", "Read the alerts"},
      {"child.transfers_read", "Read the transfers"},
      {"child.notices_read", "Read a notice naming the child"},
      {"child.found_in_search", "Found in a search"},
      {"child.break_glass", "Broke the glass"},
      {"child.refused", "Was refused"},
      {"child.audit_read", "Read this audit"},
      {"child.relationship_claimed", "Began a relationship by recording"},
      {"alert.acknowledged", "Acknowledged an alert"},
  };
  const AuditFilter filter = read_audit_filter(v.request);
  const auto agencies = agency_list(v.parts);
  const nlohmann::json& records = reply.body["records"];
  // Everyone who appears, for the "Who" choice: username -> how they are named.
  std::map<std::string, std::string> people;
  for (const nlohmann::json& r : records) {
    people.emplace(
        r.value("user", ""),
        r.value("user", "") + " (" +
            role_at(r.value("role", ""), agency_name(agencies->names, r.value("agency", ""))) +
            ")");
  }
  TableOptions t{.caption = filter.any() ? "The looks at this record you asked for, newest first"
                                         : "Every look at this record, newest first",
                 .caption_classes = "govuk-table__caption--m",
                 .head = {{text("When (UK time)")},
                          {text("Who")},
                          {text("Agency")},
                          {text("What")},
                          {text("Reason")}},
                 .classes = "govuk-table--small-text-until-tablet"};
  for (auto it = records.rbegin(); it != records.rend(); ++it) {
    const nlohmann::json& r = *it;
    const std::string action = r.value("action", "");
    if (!filter.matches(r.value("user", ""), action, r.value("at", ""))) continue;
    const auto known = kActions.find(action);
    t.rows.push_back(
        {{text(display_utc_as_local(r.value("at", "")))},
         {text(r.value("user", "") + " (" + code_label(r.value("role", "")) + ")")},
         {text(agency_name(agencies->names, r.value("agency", "")))},
         {action == "child.break_glass" ? tag("Broke the glass", "orange")
                                        : text(known != kActions.end() ? known->second : action)},
         {text(r.value("reason", ""))}});
  }
  const auto error_of = [&](const std::string& id) {
    for (const ErrorItem& e : filter.errors) {
      if (e.href == "#" + id) return e.text;
    }
    return std::string();
  };
  std::vector<SelectItem> who = {{"", "Anyone", filter.who.empty()}};
  for (const auto& [user, label] : people) who.push_back({user, label, user == filter.who});
  std::vector<SelectItem> what = {{"", "Anything", filter.what.empty()}};
  for (const AuditActionKind& k : audit_action_kinds()) {
    what.push_back({std::string(k.value), std::string(k.label), k.value == filter.what});
  }
  const std::string path = "/children/" + url_encode(child) + "/audit";
  Html form = Html::trusted("<form method=\"get\" action=\"" + escape(path) +
                            "\" novalidate><h2 class=\"govuk-heading-m\">Filter</h2>") +
              select({.id = "who", .name = "who", .label = {"Who"}, .items = who}) +
              select({.id = "what",
                      .name = "what",
                      .label = {"What they did"},
                      .items = what,
                      .error = error_of("what")}) +
              date_input({.id = "from",
                          .name = "from",
                          .legend = {"From", "govuk-fieldset__legend--s"},
                          .day = filter.from_day,
                          .month = filter.from_month,
                          .year = filter.from_year,
                          .hint = "UK time. For example, 27 3 2026",
                          .error = error_of("from-day")}) +
              date_input({.id = "to",
                          .name = "to",
                          .legend = {"To", "govuk-fieldset__legend--s"},
                          .day = filter.to_day,
                          .month = filter.to_month,
                          .year = filter.to_year,
                          .hint = "Including that day",
                          .error = error_of("to-day")}) +
              Html::trusted("<div class=\"govuk-button-group\">") +
              button({.text = "Apply filter", .classes = "govuk-button--secondary"}) +
              Html::trusted("<a class=\"govuk-link\" href=\"" + escape(path) +
                            "\">Clear filter</a></div></form>");
  Html content = back_link(child_path(child), "Back to the child's record");
  if (!filter.errors.empty()) content += error_summary(filter.errors);
  content +=
      Html::trusted("<h1 class=\"govuk-heading-l\">Who has looked at this record</h1>") + form;
  if (t.rows.empty()) {
    content += Html::trusted(
        "<p class=\"govuk-body\" id=\"no-records\">No looks at this record match the "
        "filter.</p>");
  } else {
    content += table(t);
  }
  PageFrame f = v.frame("Who has looked at this record", "/children");
  f.has_errors = !filter.errors.empty();
  return v.page(f, content, filter.errors.empty() ? 200 : 400);
}

}  // namespace sightline::pages
