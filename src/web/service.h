// The Sightline HTTP service: every route of the JSON API, behind one
// handler that the HttpServer calls. Thread-safe.
#pragma once

#include <memory>

#include "web/http.h"
#include "web/router.h"

namespace sightline::web {

class Service {
 public:
  Service();
  Response handle(const Request& request) const;

 private:
  Router router_;
};

}  // namespace sightline::web
