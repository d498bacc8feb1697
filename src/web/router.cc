#include "web/router.h"

#include "web/api_error.h"

namespace sightline::web {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    const auto slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    if (!segment.empty()) out.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

void Router::add(std::string method, std::string_view pattern, RouteHandler handler) {
  Route route{std::move(method), {}, std::move(handler)};
  for (std::string_view s : split_path(pattern)) route.segments.emplace_back(s);
  routes_.push_back(std::move(route));
}

bool Router::match(const Route& route, const std::vector<std::string_view>& path,
                   PathParams& params) {
  if (route.segments.size() != path.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::string& want = route.segments[i];
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      params[want.substr(1, want.size() - 2)] = percent_decode(path[i], false);
    } else if (want != path[i]) {
      return false;
    }
  }
  return true;
}

Response Router::route(const Request& request) const {
  const auto path = split_path(request.path);
  PathParams params;
  std::string allowed;
  for (const Route& r : routes_) {
    if (!match(r, path, params)) continue;
    if (r.method == request.method) return r.handler(request, params);
    if (allowed.find(r.method) == std::string::npos) {
      allowed += (allowed.empty() ? "" : ", ") + r.method;
    }
  }
  if (allowed.empty()) return error_response(ErrorCode::kNotFound, "no such resource");
  Response r = error_response(ErrorCode::kMethodNotAllowed, "method not allowed here");
  r.headers.emplace_back("Allow", allowed);
  return r;
}

}  // namespace sightline::web
