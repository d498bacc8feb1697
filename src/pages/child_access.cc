#include "pages/child_access.h"

#include <algorithm>

#include "pages/components.h"
#include "pages/layout.h"

namespace sightline::pages {
namespace {

web::Response message_page(const Visit& v, const std::string& title, const std::string& message,
                           int status) {
  const Html content = Html::trusted("<h1 class=\"govuk-heading-l\">") + text(title) +
                       Html::trusted("</h1><p class=\"govuk-body\">") + text(message) +
                       Html::trusted(
                           "</p><p class=\"govuk-body\"><a class=\"govuk-link\" "
                           "href=\"/children\">Find a child</a></p>");
  return v.page(v.frame(title), content, status);
}

}  // namespace

std::string child_path(const std::string& child) { return "/children/" + url_encode(child); }

std::variant<nlohmann::json, web::Response> fetch_child(const Visit& v, const std::string& child) {
  const ApiReply reply = v.api.get("/api/v1/children/" + url_encode(child));
  if (reply.ok()) return reply.body;
  const std::string code = reply.error_code();
  if (code == "no_relationship") return break_glass_page(v, child, "", "", 403);
  if (code == "forbidden") {
    return message_page(v, "Not available to your role",
                        "Your role works with figures across the partnership, not with "
                        "children's records.",
                        403);
  }
  if (reply.status == 404) {
    return message_page(v, "Child not found", "There is no record of this child.", 404);
  }
  return message_page(v, "Sorry, there is a problem with the service",
                      "The record could not be shown. Try again later.", 500);
}

web::Response break_glass_page(const Visit& v, const std::string& child, const std::string& reason,
                               const std::string& error, int status) {
  Html content =
      Html::trusted("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
  if (!error.empty()) content += error_summary({{"#reason", error}});
  content += Html::trusted(
      "<h1 class=\"govuk-heading-l\">Your agency has no recorded involvement with this "
      "child</h1><p class=\"govuk-body\">You can see a child's record when your agency has "
      "recorded something about them or has been named in their record, for example as the "
      "receiver of a referral or transfer.</p><p class=\"govuk-body\">In an emergency you can "
      "see the record now by giving a reason. Access lasts 60 minutes.</p>");
  content += warning_text(
      "Your reason is recorded with your name, and your agency's safeguarding lead is told at "
      "once.");
  content += Html::trusted("<form method=\"post\" action=\"" + escape(child_path(child)) +
                           "/break-glass\" novalidate>") +
             csrf_field(v.session);
  content += textarea({.id = "reason",
                       .name = "reason",
                       .label = {"Why do you need to see this record now?", "govuk-label--m"},
                       .hint = "At least 10 characters. For example: child brought to A&E "
                               "out of hours with an injury, checking for a plan",
                       .value = reason,
                       .error = error,
                       .rows = 4});
  content += button({.text = "See the record", .classes = "govuk-button--warning"});
  content += Html::trusted(
      "</form><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/children\">Find another "
      "child</a></p></div></div>");
  return v.page(PageFrame{.title = "No recorded involvement",
                          .has_errors = !error.empty(),
                          .session = &v.session,
                          .active_nav = "/children"},
                content, status);
}

web::Response break_glass(const Visit& v) {
  const std::string child = v.params.at("id");
  const std::string reason = v.form.get("reason");
  if (reason.empty()) {
    return break_glass_page(v, child, reason, "Enter why you need to see this record now", 400);
  }
  if (reason.size() < 10) {
    return break_glass_page(v, child, reason, "The reason must be at least 10 characters", 400);
  }
  const ApiReply reply = v.api.send(
      "POST", "/api/v1/children/" + url_encode(child) + "/break-glass", {{"reason", reason}});
  if (reply.ok()) return redirect(child_path(child) + "?opened=1");
  if (reply.status == 400) {
    return break_glass_page(v, child, reason, "The reason must be at least 10 characters", 400);
  }
  return break_glass_page(v, child, reason,
                          reply.status == 403 ? "Your role cannot see children's records"
                                              : "The record could not be opened. Try again",
                          reply.status);
}

std::shared_ptr<const AgencyList> agency_list(const PagesParts& parts) {
  if (parts.agencies != nullptr) return parts.agencies->current();
  return AgencyDirectory(parts.store).current();
}

}  // namespace sightline::pages
