// Maps a method and a path to a handler. Patterns are literal segments and
// `{name}` placeholders that match one non-empty segment:
// "/api/v1/children/{id}/chronology". A path that matches no pattern answers
// 404; one that matches only under other methods answers 405 with Allow.
// Routes are added before serving starts; route() is then thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.h"

namespace sightline::web {

using PathParams = std::map<std::string, std::string, std::less<>>;
using RouteHandler = std::function<Response(const Request&, const PathParams&)>;

class Router {
 public:
  void add(std::string method, std::string_view pattern, RouteHandler handler);
  Response route(const Request& request) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    RouteHandler handler;
  };
  static bool match(const Route& route, const std::vector<std::string_view>& path,
                    PathParams& params);
  std::vector<Route> routes_;
};

// "/a/b/" -> {"a", "b"}; empty segments are dropped.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace sightline::web
