// The page template every page is rendered in: GOV.UK Frontend's template
// with Sightline's generic header, service navigation, footer and stylesheet.
#pragma once

#include <string>
#include <string_view>

#include "pages/html.h"
#include "pages/static_assets.h"
#include "web/accounts.h"
#include "web/http.h"

namespace sightline::pages {

inline constexpr std::string_view kServiceName = "Sightline";

struct PageFrame {
  std::string title = {};   // "Find a child": the <title> is "Find a child – Sightline"
  bool has_errors = false;  // prefixes the title with "Error: "
  // The signed-in user, for the navigation and the sign-out button; null on
  // pages shown before sign-in.
  const web::SessionInfo* session = nullptr;
  std::string active_nav = {};  // the href of the navigation item to mark
  Html before_main = {};        // a back link, shown above <main>
  // The signed-in user's agency by name (its id when empty).
  std::string agency_name = {};
};

// A complete HTML page with the status given. Pages carry their own
// Content-Security-Policy: scripts, styles and images from this origin only
// (no inline script or style anywhere), forms posted to this origin only.
web::Response render_page(const StaticAssets& assets, const PageFrame& frame, const Html& content,
                          int status = 200);

// 303 See Other to a path of this service.
web::Response redirect(std::string_view location);

// The hidden field that carries the session's CSRF token in every form.
Html csrf_field(const web::SessionInfo& session);

// "1 March 2026" for "2026-03-01" (and "1 March 2026 at 14:05" for a time);
// other text is returned as it is.
std::string display_date(std::string_view iso);
// An audit record's UTC time ("2026-11-28T00:37:35Z") as UK local time
// (Europe/London), as display_date words it; the text as given when it is not
// one.
std::string display_utc_as_local(std::string_view utc);
// "Practitioner, Ealing Health Visiting": a role (its code) and agency name.
std::string role_at(std::string_view role, std::string_view agency_name);

}  // namespace sightline::pages
