// Everything `sightline serve` answers, by path: /health and /api/... go to
// the JSON API (web::Service), /assets/... to the static files, and every
// other path to the pages. Thread-safe.
#pragma once

#include "pages/pages.h"
#include "pages/static_assets.h"
#include "web/http.h"
#include "web/service.h"

namespace sightline::pages {

class Site {
 public:
  // Each must outlive the Site.
  Site(const web::Service& api, const Pages& pages, const StaticAssets& assets)
      : api_(api), pages_(pages), assets_(assets) {}
  web::Response handle(const web::Request& request) const;

 private:
  const web::Service& api_;
  const Pages& pages_;
  const StaticAssets& assets_;
};

}  // namespace sightline::pages
