// The start page after signing in: where to go next, and, for a safeguarding
// lead, the break-glass and relationship notices their agency must account
// for.
#include "pages/components.h"
#include "pages/event_text.h"
#include "pages/layout.h"
#include "pages/visit.h"

namespace sightline::pages {

web::Response start_page(const Visit& v) {
  const web::Account& a = v.session.account;
  Html content = Html::trusted(
      "<h1 class=\"govuk-heading-l\">Sightline</h1><p class=\"govuk-body\">Signed in as " +
      escape(a.username) + ", " + escape(code_label(web::to_string(a.role))) + " at " +
      escape(a.agency) + ".</p>");
  if (web::Access::sees_identities(a.role)) {
    content += Html::trusted(
        "<ul class=\"govuk-list\"><li><a class=\"govuk-link\" href=\"/children\">Find a "
        "child</a> by name, date of birth, NHS number or postcode</li></ul>");
  } else {
    content += Html::trusted(
        "<p class=\"govuk-body\">Your role works with figures across the partnership, not with "
        "children's records.</p>");
  }
  if (a.role == web::Role::kSafeguardingLead) {
    const ApiReply reply = v.api.get("/api/v1/notices");
    content += Html::trusted("<h2 class=\"govuk-heading-m\">Notices for your agency</h2>");
    const nlohmann::json& list =
        reply.ok() && reply.body.contains("notices") ? reply.body["notices"] : nlohmann::json();
    if (!list.is_array() || list.empty()) {
      content += Html::trusted("<p class=\"govuk-body\">There are no notices.</p>");
    } else {
      TableOptions t{
          .caption = "Records opened by breaking the glass, and new relationships",
          .caption_classes = "govuk-visually-hidden",
          .head = {
              {text("When")}, {text("Who")}, {text("Child")}, {text("What")}, {text("Reason")}}};
      for (const nlohmann::json& n : list) {
        const std::string child = n.value("child", "");
        t.rows.push_back(
            {{text(display_date(n.value("at", "")))},
             {text(n.value("user", "") + " (" + code_label(n.value("role", "")) + ")")},
             {Html::trusted("<a class=\"govuk-link\" href=\"/children/" + url_encode(child) +
                            "\">" + escape(child) + "</a>")},
             {text(n.value("kind", "") == "break_glass" ? "Broke the glass"
                                                        : "Began a relationship")},
             {text(n.value("reason", ""))}});
      }
      content += table(t);
    }
  }
  return v.page(v.frame("Home", "/"), content);
}

}  // namespace sightline::pages
