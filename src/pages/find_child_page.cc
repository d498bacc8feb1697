// Find a child: one search box, read as the API reads it (a date of birth, an
// NHS number, a postcode or a name). The results are the API's, so a child
// the user has no relationship with is left out, exactly as there.
#include "pages/child_access.h"
#include "pages/components.h"
#include "pages/layout.h"
#include "pages/visit.h"

namespace sightline::pages {

namespace {

// From "no children found": the search lists only children the user's agency
// is involved with, so a child it has never been involved with is not found.
// A professional who must see such a record in an emergency opens it by its
// record number, which leads to the break-glass page (a reason, recorded and
// told to their safeguarding lead); without one, the words say whom to ask.
Html route_to_break_glass(const std::string& record, const std::string& error) {
  Html content = Html::trusted("<h2 class=\"govuk-heading-s\" id=\"break-glass\">") +
                 text("If your agency has not been involved with the child") +
                 Html::trusted("</h2><p class=\"govuk-body\">") +
                 text(
                     "A child your agency has no recorded involvement with is not listed, even "
                     "if their record exists. In an emergency you can still see the record, "
                     "with a reason. Your reason is recorded with your name, and your "
                     "agency's safeguarding lead is told at once.") +
                 Html::trusted("</p>");
  content += Html::trusted("<form method=\"get\" action=\"/children\" novalidate>");
  content += text_input({.id = "record",
                         .name = "record",
                         .label = {"The child's record number", "govuk-label--s"},
                         .hint = "As given on the referral, transfer or notice about the child",
                         .value = record,
                         .error = error,
                         .classes = "govuk-!-width-two-thirds",
                         .spellcheck_off = true});
  content += button({.text = "Continue to break-glass", .classes = "govuk-button--secondary"});
  content += Html::trusted("</form><p class=\"govuk-body\">") +
             text(
                 "If you do not have the record number, ask whoever told you about the child "
                 "(the referrer, or the agency that sent the transfer) for it. If there is "
                 "none, the child may not be known to any agency here yet: contact your "
                 "safeguarding lead, or the children's social care front door for the area "
                 "where the child lives, and, if the child is in immediate danger, call 999.") +
             Html::trusted("</p>");
  return content;
}

}  // namespace

web::Response find_child_page(const Visit& v) {
  // A record number given from "no children found" opens the record, which
  // without a relationship is the break-glass page (child_access.h).
  const auto record_param = v.request.query_param("record");
  const std::string record = record_param ? trimmed(*record_param) : "";
  if (!record.empty()) return redirect(child_path(record));
  const auto q = v.request.query_param("q");
  const std::string query = q ? trimmed(*q) : "";
  std::string error;
  std::string record_error;
  ApiReply reply;
  if (record_param) {
    record_error = "Enter the child's record number";
  } else if (q && query.empty()) {
    error = "Enter a name, date of birth, NHS number or postcode";
  } else if (!query.empty()) {
    reply = v.api.get("/api/v1/children", "q=" + url_encode(query));
    if (reply.status == 400) {
      // The API says what was wrong ("q: 31/02/2012 is not a real date: ...;
      // type a date of birth like ..."); the page says it as a sentence.
      std::string said = reply.error_message();
      if (said.starts_with("q: ")) said = said.substr(3);
      if (const auto semi = said.find("; type "); semi != std::string::npos) {
        said = said.substr(0, semi) + ". Type" + said.substr(semi + 6);
      }
      error = said.empty() || !reply.error_message().starts_with("q: ")
                  ? "Enter a name, date of birth (like 02/10/2012), NHS number or postcode"
                  : said;
    }
  }
  Html content;
  if (!error.empty()) content += error_summary({{"#q", error}});
  if (!record_error.empty()) content += error_summary({{"#record", record_error}});
  content += Html::trusted("<form method=\"get\" action=\"/children\" novalidate role=\"search\">");
  content += text_input({.id = "q",
                         .name = "q",
                         .label = {"Find a child", "govuk-label--l", true},
                         .hint = "Name, date of birth (like 02/10/2012), NHS number or postcode",
                         .value = query,
                         .error = error,
                         .classes = "govuk-!-width-two-thirds",
                         .spellcheck_off = true});
  content += button({.text = "Search"});
  content += Html::trusted("</form>");

  if (reply.status == 403) {
    content += Html::trusted("<p class=\"govuk-body\">") +
               text(
                   "Your role works with figures across the partnership, not with children's "
                   "records.") +
               Html::trusted("</p>");
  } else if (reply.ok()) {
    const nlohmann::json& children = reply.body["children"];
    const std::size_t n = children.is_array() ? children.size() : 0;
    content += Html::trusted("<h2 class=\"govuk-heading-m\">") +
               text(n == 0   ? "No children found"
                    : n == 1 ? "1 child found"
                             : std::to_string(n) + " children found") +
               Html::trusted("</h2>");
    if (n == 0) {
      content += Html::trusted(
          "<p class=\"govuk-body\">Only children your agency has been involved with are listed. "
          "Check the spelling, or search by date of birth or NHS number.</p>");
      content += route_to_break_glass("", "");
    } else {
      TableOptions t{.caption = "Children matching " + query,
                     .caption_classes = "govuk-visually-hidden",
                     .head = {{text("Name")}, {text("Date of birth")}, {text("Access")}}};
      for (const nlohmann::json& c : children) {
        const std::string id = c.value("id", "");
        std::string dob = c["dob"].is_string() ? display_date(c["dob"].get<std::string>()) : "";
        if (dob.empty() && c["expected"].is_string()) {
          dob = "Expected " + display_date(c["expected"].get<std::string>());
        }
        const bool relationship =
            c.contains("access") && c["access"].value("basis", "") == "relationship";
        t.rows.push_back(
            {{Html::trusted("<a class=\"govuk-link\" href=\"/children/" + url_encode(id) + "\">" +
                            escape(c.value("name", id)) + "</a>")},
             {text(dob.empty() ? "Not known" : dob)},
             {relationship ? text("Your agency is involved") : tag("Break-glass", "orange")}});
      }
      content += table(t);
      if (reply.body.value("truncated", false)) {
        content +=
            inset_text(text("Only the first 50 are shown. Add a date of birth or postcode "
                            "to narrow the search."));
      }
    }
  }
  if (!record_error.empty()) content += route_to_break_glass("", record_error);
  const bool has_errors = !error.empty() || !record_error.empty();
  return v.page(PageFrame{.title = "Find a child",
                          .has_errors = has_errors,
                          .session = &v.session,
                          .active_nav = "/children"},
                content, has_errors ? 400 : 200);
}

}  // namespace sightline::pages
