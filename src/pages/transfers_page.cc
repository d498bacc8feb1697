// Transfers: those coming to the user's agency that it has yet to accept,
// those it sent that the receiver has not accepted, with whether the
// receiver has seen the child since, and, apart, those accepted without the
// child seen, which are not done until the receiver records the child seen
// (GET /api/v1/transfers).
#include "pages/child_access.h"
#include "pages/components.h"
#include "pages/event_text.h"
#include "pages/layout.h"
#include "pages/visit.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

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
    const std::string child = text_field(tr, "child");
    const std::string name =
        text_field(tr, "child_name").empty() ? child : text_field(tr, "child_name");
    const bool seen = tr.value("child_seen_by_receiver", false);
    Html who = Html::trusted("<a class=\"govuk-link\" href=\"/children/" + url_encode(child) +
                             "\">" + escape(name) + "</a>");
    if (incoming) {
      // The receiver's answers, under the name: a sixth column would not fit
      // a phone.
      const std::string base =
          "/children/" + url_encode(child) + "/transfers/" + url_encode(text_field(tr, "id"));
      const std::string of =
          "<span class=\"govuk-visually-hidden\"> the transfer of " + escape(name) + "</span></a>";
      who += Html::trusted("<br><a class=\"govuk-link\" href=\"" + base + "/accept\">Accept" + of +
                           " \u00b7 <a class=\"govuk-link\" href=\"" + base + "/decline\">Decline" +
                           of);
    }
    t.rows.push_back({{who},
                      {text(agency_name(names, text_field(tr, incoming ? "from" : "to")))},
                      {text(display_date(text_field(tr, "sent")))},
                      {text(code_label(text_field(tr, "status")))},
                      {seen ? tag("Seen", "green") : tag("Not seen", "red")}});
  }
  return table(t);
}

// Transfers to or from the user's agency accepted without the child seen:
// the receiver records the child seen from here; the sender sees them still
// awaiting it.
Html accepted_unseen_table(const json& list, const std::string& mine, const AgencyNames& names) {
  if (!list.is_array() || list.empty()) {
    return Html::trusted("<p class=\"govuk-body\">") +
           text("No transfer to or from your agency is waiting for the child to be seen.") +
           Html::trusted("</p>");
  }
  TableOptions t{
      .caption = "Transfers accepted with the child not yet seen by the receiving team",
      .caption_classes = "govuk-visually-hidden",
      .head = {{text("Child")}, {text("From and to")}, {text("Accepted")}, {text("Child seen")}}};
  for (const json& tr : list) {
    const std::string child = text_field(tr, "child");
    const std::string name =
        text_field(tr, "child_name").empty() ? child : text_field(tr, "child_name");
    const bool incoming = text_field(tr, "direction") == "incoming";
    Html who = Html::trusted("<a class=\"govuk-link\" href=\"/children/" + url_encode(child) +
                             "\">" + escape(name) + "</a><br>");
    if (incoming) {
      who += Html::trusted("<a class=\"govuk-link\" href=\"/children/" + url_encode(child) +
                           "/record/transfer-seen?transfer=" + url_encode(text_field(tr, "id")) +
                           "\">Record the child seen<span class=\"govuk-visually-hidden\">: " +
                           escape(name) + "</span></a>");
    } else {
      who += text("Awaiting the receiver's sighting");
    }
    const std::string from = text_field(tr, "from"), to = text_field(tr, "to");
    t.rows.push_back({{who},
                      {text(agency_name(names, from) + (from == mine ? " (yours)" : "") + " to " +
                            agency_name(names, to) + (to == mine ? " (yours)" : ""))},
                      {text(display_date(text_field(tr, "accepted")))},
                      {tag("Not yet", "red")}});
  }
  return table(t);
}

// What the receiver's answer recorded (after the accept and decline forms),
// with a link to the child.
Html answered_banner(const Visit& v) {
  const auto answered = v.request.query_param("answered");
  const auto child = v.request.query_param("child");
  if (!answered || !child || child->empty()) return {};
  std::string heading, body;
  if (*answered == "accepted_seen") {
    heading = "Transfer accepted, with the child seen";
    body = "Your agency has taken the child on.";
  } else if (*answered == "accepted_not_seen") {
    heading = "Transfer accepted, with the child not seen";
    body =
        "Its alerts stay open, and the sending agency may not close its case, until your "
        "agency records the child seen: the transfer is listed below until then.";
  } else if (*answered == "declined") {
    heading = "Transfer declined";
    body = "The sending agency stays responsible for the child, and sees your reason.";
  } else {
    return {};
  }
  return notification_banner(
      Html::trusted("<p class=\"govuk-notification-banner__heading\">") + text(heading) +
          Html::trusted("</p><p class=\"govuk-body\">") + text(body + " ") +
          Html::trusted("<a class=\"govuk-notification-banner__link\" href=\"/children/" +
                        url_encode(*child) + "\">") +
          text("Go to the child's record") + Html::trusted("</a></p>"),
      true);
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
  content = answered_banner(v) + content;
  content += Html::trusted(
      "<p class=\"govuk-body\">A transfer is done when the receiving agency accepts it with the "
      "child seen; until then both agencies are responsible for the child.</p>");
  content += Html::trusted("<h2 class=\"govuk-heading-m\">Incoming, awaiting acceptance</h2>");
  content += transfer_table(reply.body.value("incoming", json::array()), true, names);
  content += Html::trusted("<h2 class=\"govuk-heading-m\">Outgoing, not yet accepted</h2>");
  content += transfer_table(reply.body.value("outgoing", json::array()), false, names);
  content += Html::trusted(
      "<h2 class=\"govuk-heading-m\" id=\"accepted-unseen\">Accepted \u2014 child not yet seen by "
      "the receiving team</h2><p class=\"govuk-body\">Accepted without the child seen, a "
      "transfer is not done: its alerts stay open and the sending agency may not close its case "
      "until the receiving team records the child seen.</p>");
  content += accepted_unseen_table(reply.body.value("accepted_unseen", json::array()),
                                   v.session.account.agency, names);
  return v.page(v.frame("Transfers", "/transfers"), content);
}

}  // namespace sightline::pages
