#include "web/service.h"

namespace sightline::web {
namespace {

Response health(const Request&, const PathParams&) {
  return json_response(200, R"({"status":"ok"})");
}

}  // namespace

Service::Service() {
  router_.add("GET", "/health", health);
  router_.add("GET", "/api/v1/health", health);
}

Response Service::handle(const Request& request) const { return router_.route(request); }

}  // namespace sightline::web
