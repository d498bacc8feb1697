// A child's page: who the child is (NHS number, age, sex, parents, carers,
// siblings and household, the family's circumstances, address history), a
// summary (whereabouts and how sure that is, when the child was last seen and
// by whom, plan, next planned contact), who is involved now, active
// indicators by domain, links to record what happened, and the latest of the
// integrated chronology, which has a page of its own (chronology_page.cc). A
// child who has died is said so first, with no live work.
#include <map>
#include <set>

#include "pages/child_access.h"
#include "pages/child_facts.h"
#include "pages/chronology_view.h"
#include "pages/components.h"
#include "pages/layout.h"
#include "pages/resolve_links.h"
#include "pages/rule_text.h"
#include "pages/visit.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

// An address on one line, as the API gives it.
std::string address_line(const json& a) {
  std::string address;
  for (const char* f : {"line1", "line2", "town", "postcode"}) {
    if (!text_field(a, f).empty()) address += (address.empty() ? "" : ", ") + text_field(a, f);
  }
  if (text_field(a, "kind") == "temporary") address += " (temporary)";
  return address;
}

// "1 year, 3 months" from the API's `age`.
std::string age_text(const json& age) {
  if (!age.is_object()) return {};
  const int years = age.value("years", 0), months = age.value("months", 0);
  std::string out;
  if (years > 0) out = std::to_string(years) + (years == 1 ? " year" : " years");
  if (years < 5 || months > 0) {
    if (!out.empty()) out += ", ";
    out += std::to_string(months) + (months == 1 ? " month" : " months");
  }
  return out;
}

Html whereabouts_text(const json& summary, const AgencyNames& names) {
  const json& w = summary.contains("whereabouts") ? summary["whereabouts"] : json();
  // No address and no whereabouts recorded is a gap in the record, not the
  // catalogue's "whereabouts unknown" (an agency saying it does not know where
  // the child is), which the closure form and the safeguards act on: the two
  // must not read alike.
  if (!w.is_object())
    return tag("No address", "grey") + text(" Nothing recorded about where the child lives");
  const std::string state = text_field(w, "state");
  const std::string since = text_field(w, "since");
  const std::string detail = text_field(w, "detail");
  Html out;
  if (state == "at_address") {
    const json& a = summary.contains("address") ? summary["address"] : json();
    const std::string address = address_line(a);
    // The API's reading (chronology/address_confirmation.h): someone saw the
    // child at this address since it was given.
    const json& there = w.contains("seen_there") ? w["seen_there"] : json();
    const bool seen_there = w.value("confirmed", false) && there.is_object();
    out += seen_there ? tag("Confirmed", "green") : tag("Not confirmed", "yellow");
    out += Html::trusted(" ") + text(address.empty() ? "An address" : address);
    out += Html::trusted("<br>") +
           text(seen_there ? "Child seen there by " + agency_name(names, text_field(there, "by")) +
                                 " on " + display_date(text_field(there, "at"))
                           : "Given on " + display_date(since) +
                                 "; nobody has seen the child there since");
  } else if (state == "unknown") {
    out += tag("Not known", "red") + text(" Not known since " + display_date(since));
  } else if (state == "missing") {
    out += tag("Missing", "red") + text(" Reported missing on " + display_date(since));
  } else if (state == "found") {
    out += tag("Found", "yellow") + text(" Found on " + display_date(since));
  } else if (state == "claimed") {
    out += tag("Not verified", "yellow") +
           text(" Said on " + display_date(since) + " to be: " + detail);
  } else {
    out += text(code_label(state) + " since " + display_date(since));
  }
  // For an address the detail repeats it; for the others it says more.
  if (!detail.empty() && state != "claimed" && state != "at_address") {
    out += Html::trusted("<br>") + text(detail);
  }
  return out;
}

Html list_of(const std::vector<std::string>& items, const char* none) {
  if (items.empty()) return text(none);
  if (items.size() == 1) return text(items.front());
  Html out = Html::trusted("<ul class=\"govuk-list\">");
  for (const std::string& i : items)
    out += Html::trusted("<li>") + text(i) + Html::trusted("</li>");
  return out + Html::trusted("</ul>");
}

const json& array_field(const json& j, const char* field) {
  static const json kEmpty = json::array();
  return j.contains(field) && j[field].is_array() ? j[field] : kEmpty;
}

// Who the child is and who is around them: the API's identity, household,
// circumstances and address history (chronology/child_identity.h).
Html identity_section(const json& summary) {
  std::vector<SummaryRow> rows;
  const std::string nhs = text_field(summary, "nhs_number");
  rows.push_back({"NHS number", text(nhs.empty() ? "Not recorded" : nhs)});
  const std::string dob = text_field(summary, "dob");
  const std::string died = text_field(summary, "deceased");
  const std::string age = age_text(summary.contains("age") ? summary["age"] : json());
  if (!dob.empty()) {
    rows.push_back({"Date of birth", text(display_date(dob) +
                                          (age.empty() || !died.empty() ? "" : " (" + age + ")"))});
  } else if (!text_field(summary, "expected").empty()) {
    rows.push_back({"Expected", text(display_date(text_field(summary, "expected")))});
  }
  if (!died.empty()) {
    rows.push_back({"Died", text(display_date(died) + (age.empty() ? "" : ", aged " + age))});
  }
  static const std::map<std::string, std::string> kSex = {
      {"F", "Female"}, {"M", "Male"}, {"X", "Not specified (X)"}};
  const auto sex = kSex.find(text_field(summary, "sex"));
  rows.push_back({"Sex", text(sex == kSex.end() ? "Not recorded" : sex->second)});
  std::vector<std::string> carers, others, circumstances;
  for (const json& m : array_field(summary, "household")) {
    const std::string name =
        text_field(m, "name").empty() ? "Name not recorded" : text_field(m, "name");
    const std::string who = name + " (" + code_label(text_field(m, "relationship")) + ")";
    (m.value("carer", false) ? carers : others).push_back(who);
    const json& c = m.contains("circumstances") ? m["circumstances"] : json();
    if (!c.is_object()) continue;
    std::string what;
    for (const char* f : {"housing", "income", "immigration"}) {
      if (text_field(c, f).empty()) continue;
      what += (what.empty() ? "" : "; ") + code_label(f) + ": " + code_label(text_field(c, f));
    }
    std::string health;
    for (const json& h : array_field(c, "health")) {
      if (h.is_string()) health += (health.empty() ? "" : ", ") + code_label(h.get<std::string>());
    }
    if (!health.empty()) what += (what.empty() ? "" : "; ") + std::string("health: ") + health;
    if (!what.empty()) {
      circumstances.push_back(name + ": " + what + " (recorded " +
                              display_date(text_field(c, "at")) + ")");
    }
  }
  rows.push_back({"Parents and carers", list_of(carers, "None recorded")});
  rows.push_back({"Siblings and household", list_of(others, "None recorded")});
  rows.push_back({"Family circumstances", list_of(circumstances, "None recorded")});
  std::vector<std::string> addresses;
  for (const json& a : array_field(summary, "addresses")) {
    const std::string line = address_line(a.contains("address") ? a["address"] : json());
    const std::string notice = text_field(a, "notice");
    addresses.push_back(
        (line.empty() ? "An address" : line) + ", from " + display_date(text_field(a, "since")) +
        (notice == "planned" || notice.empty() ? "" : " (" + code_label(notice) + ")"));
  }
  rows.push_back({"Addresses, latest first", list_of(addresses, "None recorded")});
  return Html::trusted("<h2 class=\"govuk-heading-m\">About the child</h2>") + summary_list(rows);
}

// Where the work stands: whereabouts, last seen, plan and next contact. A
// child who has died has no live whereabouts, plan or planned contact.
Html summary_section(const json& summary, const ChildFacts& facts, const AgencyNames& names) {
  std::vector<SummaryRow> rows;
  const bool died = !text_field(summary, "deceased").empty();
  if (!died) rows.push_back({"Whereabouts", whereabouts_text(summary, names)});
  rows.push_back({"Last seen",
                  facts.last_seen
                      ? text(display_date(facts.last_seen->at) + " by " +
                             agency_name(names, facts.last_seen->by) + " (" +
                             code_label(facts.last_seen->how) + ")")
                      : tag("Never seen", "red") + text(" No one has recorded seeing the child")});
  if (!died) {
    std::vector<std::string> plans;
    for (const std::string& p : facts.open_plans) plans.push_back(code_label(p) + " plan");
    rows.push_back({"Plan", list_of(plans, "No plan")});
    const json& next = summary.contains("next_appointment") ? summary["next_appointment"] : json();
    rows.push_back({"Next planned contact",
                    next.is_object() ? text(display_date(text_field(next, "at")) + ": " +
                                            code_label(text_field(next, "kind")) + " with " +
                                            agency_name(names, text_field(next, "by")))
                                     : text("None booked")});
  }
  return Html::trusted("<h2 class=\"govuk-heading-m\">Where things stand</h2>") +
         summary_list(rows);
}

Html ties_table(const std::vector<Involvement>& ties, const char* caption, const char* what,
                const AgencyNames& names) {
  TableOptions t{.caption = caption,
                 .caption_classes = "govuk-visually-hidden",
                 .head = {{text("Agency")}, {text(what)}, {text("Since")}}};
  for (const Involvement& i : ties) {
    t.rows.push_back({{text(agency_name(names, i.agency))},
                      {text(code_label(i.what))},
                      {text(display_date(i.since))}});
  }
  return table(t);
}

// How to reach an agency's named worker: their name, a phone number to call
// (tel:) and an address to write to (mailto:), or that none is recorded.
Html named_worker_text(const ChildFacts& facts, const std::string& agency) {
  const auto found = facts.named_workers.find(agency);
  if (found == facts.named_workers.end()) return text("No named worker recorded");
  const NamedWorker& w = found->second;
  Html out = text("Named worker: " + w.name);
  if (!w.phone.empty()) {
    std::string dial;
    for (const char c : w.phone) {
      if ((c >= '0' && c <= '9') || c == '+') dial.push_back(c);
    }
    out += Html::trusted("<br><a class=\"govuk-link\" href=\"tel:" + escape(dial) + "\">") +
           text(w.phone) + Html::trusted("</a>");
  }
  if (!w.email.empty()) {
    out += Html::trusted("<br><a class=\"govuk-link govuk-!-text-break-word\" href=\"mailto:" +
                         escape(w.email) + "\">") +
           text(w.email) + Html::trusted("</a>");
  }
  return out;
}

// Who is involved now, one row per agency: its kinds of involvement, since
// when, and its named worker and how to reach them.
Html involved_now_table(const ChildFacts& facts, const AgencyNames& names) {
  TableOptions t{
      .caption = "Agencies involved now",
      .caption_classes = "govuk-visually-hidden",
      .head = {{text("Agency and named worker")}, {text("Involvement")}, {text("Since")}}};
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Involvement*>> by_agency;
  for (const Involvement& i : facts.involved_now) {
    auto& list = by_agency[i.agency];
    if (list.empty()) order.push_back(i.agency);
    list.push_back(&i);
  }
  for (const std::string& agency : order) {
    std::vector<std::string> kinds;
    for (const Involvement* i : by_agency[agency]) kinds.push_back(code_label(i->what));
    Html what = text(kinds.front());
    for (std::size_t k = 1; k < kinds.size(); ++k) what += Html::trusted("<br>") + text(kinds[k]);
    t.rows.push_back({{Html::trusted("<span class=\"govuk-!-font-weight-bold\">") +
                       text(agency_name(names, agency)) + Html::trusted("</span><br>") +
                       named_worker_text(facts, agency)},
                      {what},
                      {text(display_date(by_agency[agency].front()->since))}});
  }
  return table(t);
}

// The catalogue's open involvement (what the safeguards and the API call
// involvement), then, apart, the other ties an agency has to the child now.
Html involvement_section(const ChildFacts& facts, const AgencyNames& names, bool died) {
  Html out = Html::trusted("<h2 class=\"govuk-heading-m\">Who is involved now</h2>");
  if (died) {
    out += Html::trusted("<p class=\"govuk-body\">") +
           text(
               "The child has died: no agency has live work with the child. What each agency "
               "did is in the chronology below.") +
           Html::trusted("</p>");
    // Whom to ask about each agency's work with the child (a review of the
    // death asks them first): the named workers of the cases not closed.
    if (!facts.named_workers.empty()) {
      std::vector<SummaryRow> rows;
      for (const auto& [agency, worker] : facts.named_workers) {
        rows.push_back({agency_name(names, agency), named_worker_text(facts, agency)});
      }
      out += Html::trusted("<h3 class=\"govuk-heading-s\">") +
             text("Named workers of the cases not closed") + Html::trusted("</h3>") +
             summary_list(rows);
    }
    return out;
  }
  if (facts.involved_now.empty()) {
    out += Html::trusted("<p class=\"govuk-body\">") +
           text("No agency has an open piece of work with this child.") + Html::trusted("</p>");
  } else {
    out += involved_now_table(facts, names);
  }
  if (!facts.other_ties.empty()) {
    out += Html::trusted("<h3 class=\"govuk-heading-s\">") +
           text("Also connected to the child, without open work") + Html::trusted("</h3>");
    out +=
        ties_table(facts.other_ties, "Agencies also connected to the child", "Connection", names);
  }
  return out;
}

Html indicators_section(const ChildFacts& facts, const AgencyNames& names) {
  Html out = Html::trusted("<h2 class=\"govuk-heading-m\">Active indicators</h2>");
  if (facts.indicators.empty()) {
    // Resolved or lapsed concerns, and a dead child's, are in the chronology.
    return out + Html::trusted("<p class=\"govuk-body\">") + text("None active.") +
           Html::trusted("</p>");
  }
  std::vector<SummaryRow> rows;
  for (const auto& [domain, list] : facts.indicators) {
    Html value = Html::trusted("<ul class=\"govuk-list\">");
    for (const ActiveIndicator& i : list) {
      value += Html::trusted("<li>") + text(code_label(i.code)) +
               Html::trusted(" <span class=\"govuk-body-s\">") +
               text("(" + agency_name(names, i.by) + ", " + display_date(i.since) + ")") +
               Html::trusted("</span></li>");
    }
    value += Html::trusted("</ul>");
    rows.push_back({domain_label(domain), value});
  }
  return out + summary_list(rows);
}

Html record_links(const std::string& child) {
  const std::string base = escape(child_path(child)) + "/record/";
  return Html::trusted(
      "<h2 class=\"govuk-heading-m\">Record</h2><ul class=\"govuk-list\">"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "contact\">A contact or visit</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "referral\">A referral</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "referral-outcome\">A referral's outcome</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "strategy-discussion\">A strategy discussion</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "case-closed\">A case closed</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "transfer\">A transfer to another agency</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "assessment\">An assessment started</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "assessment-outcome\">An assessment's outcome</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "appointment\">A health appointment or review</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "address\">An address change or move</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "whereabouts-unknown\">Whereabouts unknown</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "found\">The child found</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "missing\">A missing-child alert</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "indicator\">A concern, or a concern resolved</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "options-review\">An options review</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "conference\">A child protection conference</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "plan-start\">A plan started</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "plan-end\">A plan ended</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "notification\">A notice to another agency</a></li>"
      "<li><a class=\"govuk-link\" href=\"" +
      base +
      "allocation\">Your agency's named worker</a></li>"
      "</ul>");
}

// The child's alerts owned by the caller's agency, past and present, open
// first (as the alerts API lists them).
Html alerts_section(const Visit& v, const std::string& child) {
  Html out = Html::trusted("<h2 class=\"govuk-heading-m\" id=\"alerts\">Alerts</h2>");
  if (!web::Access::sees_identities(v.session.account.role)) return {};
  const ApiReply reply =
      v.api.get("/api/v1/alerts",
                "child=" + url_encode(child) + "&status=open,acknowledged,resolved&limit=200");
  if (!reply.ok()) {
    return out + Html::trusted("<p class=\"govuk-body\">") +
           text("The alerts could not be read: " + reply.error_message()) + Html::trusted("</p>");
  }
  const json& list = reply.body.contains("alerts") ? reply.body["alerts"] : json();
  if (!list.is_array() || list.empty()) {
    return out + Html::trusted(
                     "<p class=\"govuk-body\">Your agency has no alerts about this "
                     "child: every duty the safeguards watch was done in time.</p>");
  }
  TableOptions t{.caption = "Alerts about this child owned by your agency",
                 .caption_classes = "govuk-visually-hidden",
                 .head = {{text("Alert")}, {text("Due")}, {text("Level")}, {text("Status")}}};
  for (const json& a : list) {
    const std::string rule = text_field(a, "rule");
    const RuleText* rt = rule_text(rule);
    const std::string status = text_field(a, "status");
    Html status_html = status == "resolved"       ? tag("Resolved", "green")
                       : status == "acknowledged" ? tag("Acknowledged", "blue")
                                                  : tag("Open", "red");
    if (status == "resolved" && !text_field(a, "resolved").empty()) {
      status_html += text(" " + display_date(text_field(a, "resolved")));
    }
    const std::string due = text_field(a, "due");
    const std::string title = rt != nullptr ? std::string(rt->title) : rule;
    Html alert_html = text(title);
    // An alert still to be dealt with links to the form that resolves it,
    // pre-filled for this child, as its card in My work does.
    if (status != "resolved") {
      if (const auto href = resolve_href(rule, child)) {
        alert_html += Html::trusted("<br><a class=\"govuk-link\" href=\"" + escape(*href) +
                                    "\">Record it<span class=\"govuk-visually-hidden\">: ") +
                      text(title) + Html::trusted("</span></a>");
      }
    }
    t.rows.push_back({{alert_html},
                      {text(due.empty() ? "At once" : display_date(due))},
                      {text(code_label(text_field(a, "level")))},
                      {status_html}});
  }
  out += table(t);
  return out + Html::trusted(
                   "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/my-work\">Acknowledge "
                   "open alerts in My work</a></p>");
}

}  // namespace

web::Response child_page(const Visit& v) {
  const std::string child = v.params.at("id");
  auto fetched = fetch_child(v, child);
  if (auto* refused = std::get_if<web::Response>(&fetched)) return std::move(*refused);
  const json summary = std::get<json>(std::move(fetched));

  // The chronology's filters moved to its own page: an old link still works.
  for (const char* p : {"agency", "known-day", "known-month", "known-year"}) {
    if (v.request.query_param(p))
      return redirect(child_path(child) + "/chronology?" + v.request.query);
  }

  const ApiReply now = v.api.get("/api/v1/children/" + url_encode(child) + "/chronology");
  if (!now.ok())
    return v.page(v.frame("Sorry, there is a problem"), text("The chronology could not be shown."),
                  500);
  const json& entries_now = now.body["entries"];
  const auto agencies = agency_list(v.parts);
  const ChildFacts facts =
      derive_child_facts(entries_now, child, v.parts.clock.now(), AgencyListFacts(*agencies),
                         v.parts.indicator_windows);
  const AgencyNames& names = agencies->names;

  const std::string name = text_field(summary, "name");
  Html content;
  static const std::set<std::string> kRecordable = {
      "contact",  "referral",    "referral_outcome", "strategy_discussion",
      "transfer", "case_closed", "allocation"};
  if (const auto recorded = v.request.query_param("recorded");
      recorded && kRecordable.contains(*recorded)) {
    content +=
        notification_banner(Html::trusted("<p class=\"govuk-notification-banner__heading\">") +
                                text(code_label(*recorded) + " recorded") + Html::trusted("</p>"),
                            true);
  }
  const json& access = summary.contains("access") ? summary["access"] : json();
  if (text_field(access, "basis") == "break_glass") {
    content += notification_banner(
        Html::trusted("<p class=\"govuk-notification-banner__heading\">") +
        text("You are seeing this record by breaking the glass, until " +
             display_date(text_field(access, "expires_at")) + " (UTC)") +
        Html::trusted("</p><p class=\"govuk-body\">") +
        text("Your reason: " + text_field(access, "reason")) + Html::trusted("</p>"));
  }
  content +=
      Html::trusted("<span class=\"govuk-caption-l\">Child</span><h1 class=\"govuk-heading-l\">") +
      text(name) + Html::trusted("</h1>");
  content +=
      Html::trusted("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
  const std::string died = text_field(summary, "deceased");
  if (!died.empty()) content += warning_text(name + " died on " + display_date(died) + ".");
  content += identity_section(summary);
  content += summary_section(summary, facts, names);
  content += involvement_section(facts, names, !died.empty());
  content += indicators_section(facts, names);
  content += Html::trusted("</div><div class=\"govuk-grid-column-one-third\">");
  content += record_links(child);
  if (v.session.account.role == web::Role::kSafeguardingLead) {
    content += Html::trusted(
        "<h2 class=\"govuk-heading-m\">Audit</h2><p class=\"govuk-body\"><a "
        "class=\"govuk-link\" href=\"" +
        escape(child_path(child)) + "/audit\">Who has looked at this record</a></p>");
  }
  content += Html::trusted("</div></div>");

  content += alerts_section(v, child);

  content += latest_chronology(child, entries_now, chronology_context(v, child, summary, names));

  return v.page(
      PageFrame{
          .title = name.empty() ? "Child" : name, .session = &v.session, .active_nav = "/children"},
      content);
}

}  // namespace sightline::pages
