// Who has looked at a child's record: the audit records about the child, for
// a safeguarding lead whose agency is involved (the API decides).
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
      {"child.found_in_search", "Found in a search"},
      {"child.break_glass", "Broke the glass"},
      {"child.refused", "Was refused"},
      {"child.audit_read", "Read this audit"},
      {"child.relationship_claimed", "Began a relationship by recording"},
  };
  TableOptions t{.caption = "Every look at this record, newest first",
                 .caption_classes = "govuk-table__caption--m",
                 .head = {{text("When (UK time)")},
                          {text("Who")},
                          {text("Agency")},
                          {text("What")},
                          {text("Reason")}},
                 .classes = "govuk-table--small-text-until-tablet"};
  const auto agencies = agency_list(v.parts);
  const nlohmann::json& records = reply.body["records"];
  for (auto it = records.rbegin(); it != records.rend(); ++it) {
    const nlohmann::json& r = *it;
    const std::string action = r.value("action", "");
    const auto known = kActions.find(action);
    t.rows.push_back(
        {{text(display_utc_as_local(r.value("at", "")))},
         {text(r.value("user", "") + " (" + code_label(r.value("role", "")) + ")")},
         {text(agency_name(agencies->names, r.value("agency", "")))},
         {action == "child.break_glass" ? tag("Broke the glass", "orange")
                                        : text(known != kActions.end() ? known->second : action)},
         {text(r.value("reason", ""))}});
  }
  Html content = back_link(child_path(child), "Back to the child's record") +
                 Html::trusted("<h1 class=\"govuk-heading-l\">Who has looked at this record</h1>") +
                 table(t);
  return v.page(v.frame("Who has looked at this record", "/children"), content);
}

}  // namespace sightline::pages
