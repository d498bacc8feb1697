// Sightline's pages for browsers: server-rendered HTML with the GOV.UK
// Design System, working without JavaScript.
//
// Contract:
// - Every page but sign-in and the accessibility statement needs a live
//   session (the API's `__Host-sightline` cookie); without one a GET is sent
//   to sign in and back, anything else to sign in.
// - Every POST carries the session's CSRF token in the form field
//   `csrf_token` (sign-in, before there is a session, carries a token bound to
//   a cookie of its own); a POST without the right token changes nothing and
//   answers 403.
// - What a page shows about a child, and every event it records, goes through
//   the JSON API in the same process (api_client.h): the pages add no access
//   rule, and lose none.
// - Errors in a form are shown with the GOV.UK error summary pattern: the
//   summary first, each message linked to its field, the field marked too, and
//   the title prefixed with "Error: ".
// Thread-safe once constructed.
#pragma once

#include "chronology/indicators.h"
#include "core/clock.h"
#include "pages/agency_directory.h"
#include "pages/static_assets.h"
#include "web/access.h"
#include "web/accounts.h"
#include "web/http.h"
#include "web/router.h"
#include "web/service.h"

namespace sightline::pages {

// What the pages work with; each must outlive them.
struct PagesParts {
  const web::Service& api;
  web::Accounts& accounts;
  web::SharedStore& store;  // reference data only (agency names): never a child's record
  const Clock& clock;
  const StaticAssets& assets;
  // The agencies, read once and kept until the store changes; Pages makes it.
  AgencyDirectory* agencies = nullptr;
  // The indicators' windows of each area, as the safeguards are configured
  // (cli/indicator_windows.h); empty: the national defaults.
  IndicatorWindowsOfArea indicator_windows = {};
};

class Pages {
 public:
  explicit Pages(PagesParts parts);
  web::Response handle(const web::Request& request) const;

 private:
  std::unique_ptr<AgencyDirectory> agencies_;
  PagesParts parts_;
  web::Router router_;
};

}  // namespace sightline::pages
