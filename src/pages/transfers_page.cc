// Transfers: those coming to the user's agency that it has yet to accept,
// and those it sent that the receiver has not accepted, with whether the
// receiver has seen the child since (GET /api/v1/transfers).
#include "pages/child_access.h"
#include "pages/components.h"
#include "pages/event_text.h"
#include "pages/layout.h"
#include "pages/visit.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* field) {
  if (!j.is_object() || !j.contains(field) || !j[field].is_string()) return {};
  return j[field].get<std::string>();
}

Html transfer_table(const json& list, bool incoming, const AgencyNames& names) {
  if (!list.is_array() || list.empty()) {
    return Html::trusted("<p class=\"govuk-body\">") +
           text(incoming ? "No transfers are waiting for your agency to accept them."
                         : "Every transfer your agency sent has been answered.") +
           Html::trusted("</p>");
  }
  TableOptions t{.caption = incoming ? "Transfers to your agency awaiting acceptance"
                                     : "Transfers from your agency not yet accepted",
                 .caption_classes = "govuk-visually-hidden",
                 .head = {{text("Child")},
                          {text(incoming ? "From" : "To")},
                          {text("Sent")},
                          {text("Status")},
                          {text("Seen by the receiver since")}}};
  for (const json& tr : list) {
    const std::string child = str(tr, "child");
    const std::string name = str(tr, "child_name").empty() ? child : str(tr, "child_name");
    const bool seen = tr.value("child_seen_by_receiver", false);
    t.rows.push_back({{Html::trusted("<a class=\"govuk-link\" href=\"/children/" +
                                     url_encode(child) + "\">" + escape(name) + "</a>")},
                      {text(agency_name(names, str(tr, incoming ? "from" : "to")))},
                      {text(display_date(str(tr, "sent")))},
                      {text(code_label(str(tr, "status")))},
                      {seen ? tag("Seen", "green") : tag("Not seen", "red")}});
  }
  return table(t);
}

}  // namespace

web::Response transfers_page(const Visit& v) {
  Html content = Html::trusted("<h1 class=\"govuk-heading-l\">Transfers</h1>");
  const ApiReply reply = v.api.get("/api/v1/transfers");
  if (!reply.ok()) {
    content +=
        Html::trusted("<p class=\"govuk-body\">") +
        text(reply.status == 403 ? "Your role works with figures across the partnership, not with "
                                   "children's transfers."
                                 : "The transfers could not be read: " + reply.error_message()) +
        Html::trusted("</p>");
    return v.page(v.frame("Transfers", "/transfers"), content);
  }
  const auto agencies = agency_list(v.parts);
  const AgencyNames& names = agencies->names;
  content += Html::trusted(
      "<p class=\"govuk-body\">A transfer is done when the receiving agency accepts it with the "
      "child seen; until then both agencies are responsible for the child.</p>");
  content += Html::trusted("<h2 class=\"govuk-heading-m\">Incoming, awaiting acceptance</h2>");
  content += transfer_table(reply.body.value("incoming", json::array()), true, names);
  content += Html::trusted("<h2 class=\"govuk-heading-m\">Outgoing, not yet accepted</h2>");
  content += transfer_table(reply.body.value("outgoing", json::array()), false, names);
  return v.page(v.frame("Transfers", "/transfers"), content);
}

}  // namespace sightline::pages
