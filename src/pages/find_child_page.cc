// Find a child: one search box, read as the API reads it (a date of birth, an
// NHS number, a postcode or a name). The results are the API's, so a child
// the user has no relationship with is left out, exactly as there.
#include "pages/components.h"
#include "pages/layout.h"
#include "pages/visit.h"

namespace sightline::pages {

web::Response find_child_page(const Visit& v) {
  const auto q = v.request.query_param("q");
  const std::string query = q ? trimmed(*q) : "";
  std::string error;
  ApiReply reply;
  if (q && query.empty()) {
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
  return v.page(PageFrame{.title = "Find a child",
                          .has_errors = !error.empty(),
                          .session = &v.session,
                          .active_nav = "/children"},
                content, error.empty() ? 200 : 400);
}

}  // namespace sightline::pages
