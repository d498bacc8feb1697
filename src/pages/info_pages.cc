// Pages that say something about the service rather than a child: the
// accessibility statement (required of a public-sector service, and open
// without signing in) and "page not found".
#include "pages/components.h"
#include "pages/layout.h"
#include "pages/visit.h"

namespace sightline::pages {

web::Response accessibility_page(const web::Request&, const PagesParts& parts,
                                 const web::SessionInfo* session) {
  const Html content = Html::trusted(
      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
      "<h1 class=\"govuk-heading-l\">Accessibility statement for Sightline</h1>"
      "<p class=\"govuk-body\">Sightline is meant to be usable by everyone who records or reads "
      "what is known about a child: with a keyboard alone, with a screen reader, with speech "
      "recognition, and zoomed to 400% without scrolling sideways.</p>"
      "<h2 class=\"govuk-heading-m\">How it is built</h2>"
      "<ul class=\"govuk-list govuk-list--bullet\">"
      "<li>Every page uses the GOV.UK Design System and works without JavaScript.</li>"
      "<li>Every page starts with a link to skip to its main content, and has one main "
      "heading.</li>"
      "<li>Every form field has a label; errors are listed at the top of the page, each linked "
      "to its field.</li>"
      "</ul>"
      "<h2 class=\"govuk-heading-m\">Compliance status</h2>"
      "<p class=\"govuk-body\">The pages are tested automatically against the Web Content "
      "Accessibility Guidelines (WCAG) 2.2 level AA on every change. Automated tests find only "
      "some problems; the service has not yet had a manual audit.</p>"
      "<h2 class=\"govuk-heading-m\">Reporting a problem</h2>"
      "<p class=\"govuk-body\">If you find a page you cannot use, tell your agency's Sightline "
      "administrator, saying which page and what you were trying to do.</p>"
      "</div></div>");
  return render_page(
      parts.assets,
      PageFrame{
          .title = "Accessibility statement",
          .session = session,
          .agency_name = session != nullptr ? session_agency_name(parts, *session) : std::string()},
      content);
}

web::Response not_found_page(const PagesParts& parts, const web::SessionInfo* session) {
  const Html content = Html::trusted(
      "<h1 class=\"govuk-heading-l\">Page not found</h1><p class=\"govuk-body\">If you typed the "
      "web address, check it is correct.</p><p class=\"govuk-body\"><a class=\"govuk-link\" "
      "href=\"/\">Go to the start page</a></p>");
  return render_page(
      parts.assets,
      PageFrame{
          .title = "Page not found",
          .session = session,
          .agency_name = session != nullptr ? session_agency_name(parts, *session) : std::string()},
      content, 404);
}

}  // namespace sightline::pages
