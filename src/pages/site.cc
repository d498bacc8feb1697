#include "pages/site.h"

namespace sightline::pages {

web::Response Site::handle(const web::Request& request) const {
  const std::string& path = request.path;
  if (path == "/health" || path == "/api" || path.starts_with("/api/")) {
    return api_.handle(request);
  }
  if (path.starts_with("/assets/")) return assets_.serve(request);
  return pages_.handle(request);
}

}  // namespace sightline::pages
