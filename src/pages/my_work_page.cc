// My work: the page a signed-in user lands on. The safeguards' alerts owned
// by the user's agency, the most pressing first (escalated furthest, then
// overdue longest), each in plain English with the finding it guards against
// and what would resolve it, and a form to acknowledge it with a note; then
// the safeguards' notices to the agency, and, for a safeguarding lead, the
// break-glass and relationship notices, each naming the child. "Mine"
// (?view=mine) narrows the alerts to those the user acknowledged: alerts are
// owned by agencies, and acknowledging one is how a person takes it on. The
// API does the narrowing (`acknowledged_by=me`), so that it covers every
// alert; both views page through the alerts (?alerts-page=N), the most
// pressing first within a page. Read and written through the JSON API.
#include <algorithm>
#include <cctype>

#include "pages/child_access.h"
#include "pages/components.h"
#include "pages/event_text.h"
#include "pages/layout.h"
#include "pages/resolve_links.h"
#include "pages/rule_text.h"
#include "pages/visit.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

// The notices My work shows on a page; links page through the rest.
constexpr int kNoticesShown = 25;
// The alerts it shows on a page: the most the API gives at once.
constexpr int kAlertsShown = 200;

int level_rank(const std::string& level) {
  if (level == "partnership") return 3;
  if (level == "safeguarding_lead") return 2;
  if (level == "manager") return 1;
  return 0;
}

std::string level_label(const std::string& level) {
  if (level == "safeguarding_lead") return "Safeguarding lead";
  if (level == "partnership") return "Safeguarding partnership";
  if (level == "manager") return "Manager";
  return "Practitioner";
}

// Most pressing first: escalated furthest, then the earliest due (a fault,
// with no due date, counts from when it was raised), then the child.
void sort_by_urgency(std::vector<json>& alerts) {
  std::stable_sort(alerts.begin(), alerts.end(), [](const json& a, const json& b) {
    const int la = level_rank(text_field(a, "level")), lb = level_rank(text_field(b, "level"));
    if (la != lb) return la > lb;
    const std::string da =
        text_field(a, "due").empty() ? text_field(a, "raised") : text_field(a, "due");
    const std::string db =
        text_field(b, "due").empty() ? text_field(b, "raised") : text_field(b, "due");
    if (da != db) return da < db;
    return text_field(a, "child") < text_field(b, "child");
  });
}

Html finding_text(const std::string& findings) {
  if (findings.empty()) return text("None: from statutory guidance");
  return text(findings_text(findings));
}

// What would resolve the alert, and a link to the form that records it,
// pre-filled for the child.
Html resolve_html(const RuleText* t, const std::string& rule, const std::string& child,
                  const std::string& name) {
  Html out = text(t != nullptr ? t->resolves : "The duty done");
  if (const auto href = resolve_href(rule, child)) {
    out += Html::trusted(" <a class=\"govuk-link\" href=\"" + escape(*href) + "\">Record it") +
           Html::trusted("<span class=\"govuk-visually-hidden\"> for ") + text(name) +
           Html::trusted("</span></a>");
  }
  return out;
}

// One alert: the child as a heading, the summary, and the acknowledge form.
Html alert_card(const Visit& v, const json& a, const std::string& error_id,
                const std::string& error, const std::string& note) {
  const std::string id = text_field(a, "id");
  const std::string rule = text_field(a, "rule");
  const std::string child = text_field(a, "child");
  const std::string name =
      text_field(a, "child_name").empty() ? child : text_field(a, "child_name");
  const RuleText* t = rule_text(rule);
  const std::string due = text_field(a, "due");
  const std::string level = text_field(a, "level");
  const std::string status = text_field(a, "status");
  const std::string finding = a.contains("finding") && a["finding"].is_string()
                                  ? a["finding"].get<std::string>()
                                  : std::string();

  Html out = Html::trusted(
      "<div class=\"govuk-summary-card\" id=\"alert-" + escape(id) +
      "\"><div class=\"govuk-summary-card__title-wrapper\"><h2 "
      "class=\"govuk-summary-card__title\"><a class=\"govuk-link\" href=\"/children/" +
      url_encode(child) + "\">" + escape(name) + "</a>: " + escape(t != nullptr ? t->title : rule) +
      "</h2></div><div class=\"govuk-summary-card__content\">");
  Html due_html = due.empty()
                      ? text("At once (raised " + display_date(text_field(a, "raised")) + ")")
                      : text(display_date(due));
  if (!due.empty()) due_html += text(" ") + tag("Overdue", "red");
  Html level_html = text(level_label(level));
  if (level_rank(level) > 0) level_html += text(" ") + tag("Escalated", "orange");
  std::vector<SummaryRow> rows = {
      {"Due", due_html},
      {"Rule", text(t != nullptr ? t->meaning : rule)},
      {"Guards against", finding_text(finding)},
      {"What would resolve it", resolve_html(t, rule, child, name)},
      {"Escalation level", level_html},
  };
  const json& acks = a.contains("acknowledgements") ? a["acknowledgements"] : json();
  if (status == "acknowledged" && acks.is_array() && !acks.empty()) {
    const json& last = acks.back();
    // Who: their name, role and agency in words; when in UK time.
    rows.push_back({"Acknowledged", text(text_field(last, "user") + " (" +
                                         role_at(text_field(last, "role"),
                                                 agency_name(agency_list(v.parts)->names,
                                                             text_field(last, "agency"))) +
                                         ") on " + display_utc_as_local(text_field(last, "at")) +
                                         ": " + text_field(last, "note"))});
  }
  out += summary_list(rows);
  const std::string field = "note-" + id;
  out += Html::trusted("<form method=\"post\" action=\"/my-work/alerts/" + url_encode(id) +
                       "/acknowledge\" novalidate>") +
         csrf_field(v.session) +
         textarea({.id = field,
                   .name = "note",
                   .label = {"Acknowledge: what are you doing about it?", "govuk-label--s"},
                   .hint = "Acknowledging does not resolve the alert; it keeps escalating until "
                           "the duty is done.",
                   .value = error_id == field ? note : "",
                   .error = error_id == field ? error : "",
                   .rows = 2}) +
         button({.text = "Acknowledge", .classes = "govuk-button--secondary"}) +
         Html::trusted("</form></div></div>");
  return out;
}

// The query parameter that pages through the notices (1 is the newest).
constexpr const char* kNoticesPage = "notices-page";

// The page number a query parameter asks for: 1 when absent or not a number.
std::int64_t page_asked(const Visit& v, const char* param, std::int64_t per_page) {
  std::int64_t page = 1;
  if (const auto asked = v.request.query_param(param)) {
    try {
      page = std::max<std::int64_t>(1, std::stoll(*asked));
    } catch (const std::exception&) {
      page = 1;
    }
  }
  return std::min<std::int64_t>(page, 100'000'000 / per_page);
}

// What a pagination pages through: its label, the page's base query and the
// parameter naming the page, and the section to land on.
struct Paged {
  std::string what;    // "notices"
  std::string base;    // "/my-work?" or "/my-work?view=mine&"
  std::string param;   // kNoticesPage
  std::string anchor;  // "notices"
  std::string newer = "Newer", older = "Older";
};

// GOV.UK pagination: previous and next links, and where the reader is.
Html pagination(const Paged& p, std::int64_t page, std::int64_t pages) {
  const auto href = [&](std::int64_t n) {
    return p.base + p.param + "=" + std::to_string(n) + "#" + p.anchor;
  };
  std::string label = p.what;
  label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  std::string out = "<nav class=\"govuk-pagination\" aria-label=\"" + escape(label) + " pages\">";
  if (page > 1) {
    out +=
        "<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" "
        "href=\"" +
        escape(href(page - 1)) + "\" rel=\"prev\"><span class=\"govuk-pagination__link-title\">" +
        escape(p.newer) + "<span class=\"govuk-visually-hidden\"> " + escape(p.what) +
        "</span></span></a></div>";
  }
  out += "<p class=\"govuk-body govuk-!-margin-bottom-0\">Page " + std::to_string(page) + " of " +
         std::to_string(pages) + "</p>";
  if (page < pages) {
    out +=
        "<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" "
        "href=\"" +
        escape(href(page + 1)) + "\" rel=\"next\"><span class=\"govuk-pagination__link-title\">" +
        escape(p.older) + "<span class=\"govuk-visually-hidden\"> " + escape(p.what) +
        "</span></span></a></div>";
  }
  return Html::trusted(out + "</nav>");
}

// The safeguards' notices to the agency (GET /api/v1/safeguard-notices):
// what Sightline told it at once, such as a baby newly registered with a GP
// in its area, newest first, a page at a time; each says whether the duty it
// announced is done (the API's `done`: the child since seen).
Html safeguard_notices_section(const Visit& v) {
  Html out = Html::trusted("<h2 class=\"govuk-heading-m\" id=\"notices\">Notices</h2>");
  const std::int64_t page = page_asked(v, kNoticesPage, kNoticesShown);
  const Paged paged{
      .what = "notices", .base = "/my-work?", .param = kNoticesPage, .anchor = "notices"};
  const ApiReply reply = v.api.get("/api/v1/safeguard-notices",
                                   "limit=" + std::to_string(kNoticesShown) +
                                       "&offset=" + std::to_string((page - 1) * kNoticesShown));
  if (!reply.ok()) {
    return out + Html::trusted("<p class=\"govuk-body\">") +
           text("The notices could not be read: " + reply.error_message()) + Html::trusted("</p>");
  }
  const json& list = reply.body.contains("notices") ? reply.body["notices"] : json();
  const std::int64_t total = reply.body.value("total", std::int64_t{0});
  if (total == 0) {
    return out + Html::trusted("<p class=\"govuk-body\">There are no notices for your agency.</p>");
  }
  const std::int64_t pages = (total + kNoticesShown - 1) / kNoticesShown;
  std::string count =
      "What Sightline told your agency at once, newest first: nobody has failed "
      "yet, but someone should act. " +
      std::to_string(total) + (total == 1 ? " notice." : " notices.");
  out += Html::trusted("<p class=\"govuk-body\">") + text(count) + Html::trusted("</p>");
  if (!list.is_array() || list.empty()) {
    return out + Html::trusted("<p class=\"govuk-body\">There are no notices on this page.</p>") +
           pagination(paged, std::min(page, pages), pages);
  }
  const auto agencies = agency_list(v.parts);
  TableOptions t{
      .caption = "Notices for your agency",
      .caption_classes = "govuk-visually-hidden",
      .head = {
          {text("Date")}, {text("Child")}, {text("Notice")}, {text("Rule")}, {text("Status")}}};
  for (const json& n : list) {
    const std::string child = text_field(n, "child");
    const std::string name =
        text_field(n, "child_name").empty() ? child : text_field(n, "child_name");
    const std::string rule = text_field(n, "rule");
    const RuleText* rt = rule_text(rule);
    Html status = tag("To do", "yellow");
    if (n.value("done", false) && n.contains("seen") && n["seen"].is_object()) {
      status = tag("Done", "green") +
               text(" Child seen " + display_date(text_field(n["seen"], "at")) + " by " +
                    agency_name(agencies->names, text_field(n["seen"], "by")));
    }
    t.rows.push_back({{text(display_date(text_field(n, "at")))},
                      {Html::trusted("<a class=\"govuk-link\" href=\"/children/" +
                                     url_encode(child) + "\">" + escape(name) + "</a>")},
                      {status + Html::trusted("<br>") +
                       text(agencies_named(text_field(n, "text"), agencies->names))},
                      {text(rt != nullptr ? std::string(rt->title) : rule)}});
  }
  out += table(t);
  if (pages > 1) out += pagination(paged, page, pages);
  return out;
}

Html notices_section(const Visit& v) {
  Html out = Html::trusted(
      "<h2 class=\"govuk-heading-m\" id=\"break-glass\">Break-glass and new "
      "relationships</h2>");
  if (v.session.account.role != web::Role::kSafeguardingLead) {
    return out + Html::trusted(
                     "<p class=\"govuk-body\">Notices of records opened by breaking the glass "
                     "go to your agency's safeguarding leads.</p>");
  }
  const ApiReply reply = v.api.get("/api/v1/notices");
  const json& list = reply.ok() && reply.body.contains("notices") ? reply.body["notices"] : json();
  if (!list.is_array() || list.empty()) {
    return out + Html::trusted("<p class=\"govuk-body\">There are no notices.</p>");
  }
  TableOptions t{.caption = "Records opened by breaking the glass, and new relationships",
                 .caption_classes = "govuk-visually-hidden",
                 .head = {{text("When")}, {text("Who")}, {text("Child")}, {text("What")}}};
  const auto agencies = agency_list(v.parts);
  for (const json& n : list) {
    const std::string child = text_field(n, "child");
    const std::string name =
        text_field(n, "child_name").empty() ? child : text_field(n, "child_name");
    const std::string kind = text_field(n, "kind");
    const std::string who_agency = text_field(n, "user_agency");
    std::string what = "Began a relationship";
    if (kind == "break_glass") what = "Broke the glass: " + text_field(n, "reason");
    if (kind == "break_glass_elsewhere") {
      what =
          "Another area broke the glass on a child your agency works with (the family may "
          "have moved): " +
          text_field(n, "reason");
    }
    t.rows.push_back(
        {{text(display_date(text_field(n, "at")))},
         {text(text_field(n, "user") + " (" +
               (who_agency.empty()
                    ? code_label(text_field(n, "role"))
                    : role_at(text_field(n, "role"), agency_name(agencies->names, who_agency))) +
               ")")},
         {Html::trusted("<a class=\"govuk-link\" href=\"/children/" + url_encode(child) + "\">" +
                        escape(name) + "</a>")},
         {text(what)}});
  }
  return out + table(t);
}

// Whose work the page shows: the agency's (the default) or only the
// signed-in user's, "?view=mine".
constexpr const char* kMine = "mine";

// The query parameter that pages through the alerts (1 is the first).
constexpr const char* kAlertsPage = "alerts-page";

// "My agency" and "Mine": links, the current one marked, so that the choice
// needs no script and can be kept as a link.
Html whose_work_nav(bool mine) {
  const auto item = [](const std::string& href, const std::string& label, bool current) {
    return current ? "<li><strong class=\"govuk-!-font-weight-bold\" aria-current=\"page\">" +
                         escape(label) + "</strong></li>"
                   : "<li><a class=\"govuk-link\" href=\"" + escape(href) + "\">" + escape(label) +
                         "</a></li>";
  };
  return Html::trusted("<nav aria-label=\"Whose work\"><ul class=\"govuk-list\">" +
                       item("/my-work", "My agency", !mine) +
                       item("/my-work?view=mine", "Mine", mine) + "</ul></nav>");
}

web::Response my_work(const Visit& v, const std::string& error_id, const std::string& error,
                      const std::string& note, int status) {
  const web::Account& a = v.session.account;
  Html content;
  if (!error.empty()) content += error_summary({{"#" + error_id, error}});
  if (const auto done = v.request.query_param("acknowledged"); done && error.empty()) {
    content +=
        notification_banner(Html::trusted("<p class=\"govuk-notification-banner__heading\">") +
                                text("Alert acknowledged. It stays open until the duty is done.") +
                                Html::trusted("</p>"),
                            true);
  }
  content += Html::trusted("<span class=\"govuk-caption-l\">") +
             text(agency_name(agency_list(v.parts)->names, a.agency)) +
             Html::trusted("</span><h1 class=\"govuk-heading-l\">My work</h1>");
  if (!web::Access::sees_identities(a.role)) {
    content += Html::trusted(
        "<p class=\"govuk-body\">Your role works with figures across the partnership, not with "
        "children's alerts.</p>");
    return v.page(v.frame("My work", "/my-work"), content, status);
  }
  const bool mine = v.request.query_param("view").value_or("") == kMine;
  content += whose_work_nav(mine);
  const std::int64_t page = page_asked(v, kAlertsPage, kAlertsShown);
  const ApiReply reply =
      v.api.get("/api/v1/alerts", std::string(mine ? "acknowledged_by=me&" : "") +
                                      "limit=" + std::to_string(kAlertsShown) +
                                      "&offset=" + std::to_string((page - 1) * kAlertsShown));
  std::vector<json> alerts;
  if (reply.ok() && reply.body.contains("alerts") && reply.body["alerts"].is_array()) {
    for (const json& alert : reply.body["alerts"]) alerts.push_back(alert);
  }
  sort_by_urgency(alerts);
  const std::int64_t total = reply.ok() ? reply.body.value("total", std::int64_t{0}) : 0;
  const std::int64_t pages = (total + kAlertsShown - 1) / kAlertsShown;
  const Paged paged{.what = "alerts",
                    .base = mine ? "/my-work?view=mine&" : "/my-work?",
                    .param = kAlertsPage,
                    .anchor = "alerts",
                    .newer = "Previous",
                    .older = "Next"};
  // "N alerts ..., the most pressing first", and which of them this page shows.
  const auto count_text = [&](const std::string& what) {
    std::string out = std::to_string(total) + (total == 1 ? " alert" : " alerts") + what +
                      ", the most pressing first.";
    if (pages > 1) {
      const std::int64_t first = (page - 1) * kAlertsShown + 1;
      out += " Showing " + std::to_string(first) + " to " +
             std::to_string(first + static_cast<std::int64_t>(alerts.size()) - 1) + ".";
    }
    return out;
  };
  if (mine) {
    // Alerts are owned by agencies; what is one person's is what they took on
    // by acknowledging it.
    content += Html::trusted(
        "<h2 class=\"govuk-heading-m\" id=\"alerts\">Alerts you have acknowledged</h2>");
    if (!reply.ok()) {
      content += Html::trusted("<p class=\"govuk-body\">") +
                 text("The alerts could not be read: " + reply.error_message()) +
                 Html::trusted("</p>");
    } else if (total == 0) {
      content += Html::trusted(
          "<p class=\"govuk-body\">You have acknowledged none of your agency's open alerts. An "
          "alert you acknowledge is listed here until the duty is done.</p>");
    } else {
      content += Html::trusted("<p class=\"govuk-body\">") +
                 text(count_text(" of your agency's that you acknowledged")) +
                 Html::trusted("</p>");
      for (const json& alert : alerts) content += alert_card(v, alert, error_id, error, note);
      if (pages > 1) content += pagination(paged, std::min(page, pages), pages);
    }
    content += Html::trusted(
        "<p class=\"govuk-body\">Notices are sent to your agency, not to one person: they are "
        "under <a class=\"govuk-link\" href=\"/my-work#notices\">My agency</a>.</p>");
    PageFrame f = v.frame("My work", "/my-work");
    f.has_errors = !error.empty();
    return v.page(f, content, status);
  }
  content +=
      Html::trusted("<h2 class=\"govuk-heading-m\" id=\"alerts\">Alerts for your agency</h2>");
  if (!reply.ok()) {
    content += Html::trusted("<p class=\"govuk-body\">") +
               text("The alerts could not be read: " + reply.error_message()) +
               Html::trusted("</p>");
  } else if (total == 0) {
    content += Html::trusted(
        "<p class=\"govuk-body\">There are no open alerts for your agency: every duty the "
        "safeguards watch is in time.</p>");
  } else {
    content += Html::trusted("<p class=\"govuk-body\">") + text(count_text(" to act on")) +
               Html::trusted("</p>");
    for (const json& alert : alerts) content += alert_card(v, alert, error_id, error, note);
    if (pages > 1) content += pagination(paged, std::min(page, pages), pages);
  }
  content += safeguard_notices_section(v);
  content += notices_section(v);
  PageFrame f = v.frame("My work", "/my-work");
  f.has_errors = !error.empty();
  return v.page(f, content, status);
}

}  // namespace

web::Response my_work_page(const Visit& v) { return my_work(v, "", "", "", 200); }

web::Response acknowledge_alert(const Visit& v) {
  const std::string id = v.params.at("id");
  const std::string note = v.form.get("note");
  const std::string field = "note-" + id;
  if (trimmed(note).empty()) {
    return my_work(v, field, "Enter a note saying what you are doing about the alert", note, 400);
  }
  const ApiReply reply =
      v.api.send("POST", "/api/v1/alerts/" + url_encode(id) + "/acknowledge", {{"note", note}});
  if (reply.ok())
    return redirect("/my-work?acknowledged=" + url_encode(id) + "#alert-" + url_encode(id));
  if (reply.error_code() == "already_resolved") {
    return redirect("/my-work");
  }
  return my_work(v, field, "It could not be acknowledged: " + reply.error_message(), note,
                 reply.status == 404 ? 404 : 400);
}

}  // namespace sightline::pages
