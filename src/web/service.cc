#include "web/service.h"

#include <nlohmann/json.hpp>
#include <variant>

#include "web/api_error.h"
#include "web/json_body.h"
#include "web/secrets.h"

namespace sightline::web {
namespace {

using nlohmann::json;

Response health(const Request&, const PathParams&) {
  return json_response(200, R"({"status":"ok"})");
}

bool is_unsafe(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string session_cookie(const std::string& token) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict";
}

std::string cleared_cookie() {
  return std::string(kSessionCookie) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
}

Response unauthenticated() {
  Response r = error_response(ErrorCode::kUnauthenticated, "sign in first");
  r.headers.emplace_back("WWW-Authenticate", "Cookie");
  return r;
}

// The body as a JSON object, or the response refusing it.
std::variant<json, Response> json_object_body(const Request& request) {
  if (!declares_json(request)) {
    return error_response(ErrorCode::kUnsupportedMediaType, "the body must be application/json");
  }
  json body = parse_json_body(request.body);
  if (body.is_discarded() || !body.is_object()) {
    return error_response(ErrorCode::kBadJson, "the body must be one JSON object");
  }
  return body;
}

json session_json(const SessionInfo& s, const AccountPolicy& policy) {
  return {{"username", s.account.username},
          {"role", to_string(s.account.role)},
          {"agency", s.account.agency},
          {"csrf_token", s.csrf_token},
          {"idle_timeout_seconds", policy.idle_timeout},
          {"expires_at", utc_text(s.created + policy.absolute_timeout)}};
}

}  // namespace

Service::Service(ServiceParts parts, ServiceOptions options)
    : accounts_(parts.accounts),
      clock_(parts.clock),
      children_{parts.store, parts.access, parts.audit, parts.clock, parts.indicator_windows},
      alerts_{parts.alerts, parts.store, parts.audit},
      notices_{parts.store, parts.audit, parts.alerts, parts.sightings, &parts.clock},
      transfers_{parts.transfers, parts.store, parts.audit, parts.clock},
      dashboard_{parts.figures, parts.audit},
      events_(parts.events),
      options_(options) {
  router_.add("GET", "/health", health);
  router_.add("GET", "/api/v1/health", health);
  router_.add("POST", "/api/v1/session",
              [this](const Request& r, const PathParams&) { return login(r); });
  router_.add("GET", "/api/v1/session",
              with_session([this](const Request&, const PathParams&, const SessionInfo& s) {
                Response r = json_response(200, session_json(s, accounts_.policy()).dump());
                r.log_user = s.account.username;
                return r;
              }));
  router_.add("DELETE", "/api/v1/session",
              with_session([this](const Request& r, const PathParams&, const SessionInfo& s) {
                return logout(r, s);
              }));
  router_.add("GET", "/api/v1/children",
              with_session([this](const Request& r, const PathParams&, const SessionInfo& s) {
                return children_.search(r, s);
              }));
  router_.add("GET", "/api/v1/children/{id}",
              with_session([this](const Request& r, const PathParams& p, const SessionInfo& s) {
                return children_.summary(r, p.at("id"), s);
              }));
  router_.add("GET", "/api/v1/children/{id}/chronology",
              with_session([this](const Request& r, const PathParams& p, const SessionInfo& s) {
                return children_.chronology(r, p.at("id"), s);
              }));
  router_.add("POST", "/api/v1/children/{id}/break-glass",
              with_session([this](const Request& r, const PathParams& p, const SessionInfo& s) {
                return children_.break_glass(r, p.at("id"), s);
              }));
  router_.add("GET", "/api/v1/children/{id}/audit",
              with_session([this](const Request& r, const PathParams& p, const SessionInfo& s) {
                return children_.who_looked(r, p.at("id"), s);
              }));
  router_.add("POST", "/api/v1/events",
              with_session([this](const Request& r, const PathParams&, const SessionInfo& s) {
                return events_.post(r, s);
              }));
  router_.add("GET", "/api/v1/notices",
              with_session([this](const Request&, const PathParams&, const SessionInfo& s) {
                return children_.notices(s);
              }));
  router_.add("GET", "/api/v1/safeguard-notices",
              with_session([this](const Request& r, const PathParams&, const SessionInfo& s) {
                return notices_.list(r, s);
              }));
  router_.add("GET", "/api/v1/alerts",
              with_session([this](const Request& r, const PathParams&, const SessionInfo& s) {
                return alerts_.list(r, s);
              }));
  router_.add("POST", "/api/v1/alerts/{id}/acknowledge",
              with_session([this](const Request& r, const PathParams& p, const SessionInfo& s) {
                return alerts_.acknowledge(r, p.at("id"), s);
              }));
  router_.add("GET", "/api/v1/transfers",
              with_session([this](const Request& r, const PathParams&, const SessionInfo& s) {
                return transfers_.list(r, s);
              }));
  router_.add("GET", "/api/v1/dashboard",
              with_session([this](const Request& r, const PathParams&, const SessionInfo& s) {
                return dashboard_.summary(r, s);
              }));
  router_.add("GET", "/api/v1/dashboard/{file}",
              with_session([this](const Request& r, const PathParams& p, const SessionInfo& s) {
                return dashboard_.csv(r, p.at("file"), s);
              }));
  router_.add("GET", "/api/v1/statistics",
              with_session([this](const Request&, const PathParams&, const SessionInfo& s) {
                return children_.statistics(s);
              }));
}

Response Service::handle(const Request& request) const { return router_.route(request); }

RouteHandler Service::with_session(SessionHandler handler) const {
  return [this, handler = std::move(handler)](const Request& request, const PathParams& params) {
    const auto token = request.cookie(kSessionCookie);
    if (!token) return unauthenticated();
    const auto session = accounts_.authenticate(*token);
    if (!session) return unauthenticated();
    if (is_unsafe(request.method)) {
      const auto presented = request.header("x-csrf-token");
      if (!presented || !Accounts::csrf_matches(*token, *presented)) {
        Response r =
            error_response(ErrorCode::kCsrf, "the X-CSRF-Token header is missing or wrong");
        r.log_user = session->account.username;
        return r;
      }
    }
    Response r = handler(request, params, *session);
    if (r.log_user.empty()) r.log_user = session->account.username;
    return r;
  };
}

bool Service::address_throttled(const std::string& remote) const {
  std::lock_guard lock(throttle_mutex_);
  const auto it = failures_.find(remote);
  if (it == failures_.end()) return false;
  if (clock_.utc_seconds() - it->second.first >= options_.address_window) {
    failures_.erase(it);
    return false;
  }
  return it->second.second >= options_.max_failures_per_address;
}

void Service::count_failure(const std::string& remote) const {
  std::lock_guard lock(throttle_mutex_);
  const std::int64_t now = clock_.utc_seconds();
  if (failures_.size() > 100'000)
    std::erase_if(failures_,
                  [&](const auto& f) { return now - f.second.first >= options_.address_window; });
  auto [it, inserted] = failures_.try_emplace(remote, now, 0);
  if (now - it->second.first >= options_.address_window) it->second = {now, 0};
  ++it->second.second;
}

Response Service::login(const Request& request) const {
  auto parsed = json_object_body(request);
  if (auto* refused = std::get_if<Response>(&parsed)) return std::move(*refused);
  const json& body = std::get<json>(parsed);
  for (const char* field : {"username", "password"}) {
    if (!body.contains(field) || !body[field].is_string()) {
      return error_response(ErrorCode::kBadRequest, std::string(field) + ": expected a string");
    }
  }
  for (const auto& [key, value] : body.items()) {
    if (key != "username" && key != "password") {
      return error_response(ErrorCode::kBadRequest, key + ": unknown field");
    }
  }
  if (address_throttled(request.remote)) {
    Response r = error_response(ErrorCode::kTooManyAttempts,
                                "too many failed sign-ins from this address; try again later");
    r.headers.emplace_back("Retry-After", std::to_string(options_.address_window));
    return r;
  }
  // A new sign-in ends the session the browser held (no session fixation).
  if (const auto old = request.cookie(kSessionCookie)) accounts_.logout(*old, request.remote);
  const LoginResult result = accounts_.login(body["username"].get<std::string>(),
                                             body["password"].get<std::string>(), request.remote);
  if (!result.ok) {
    count_failure(request.remote);
    return error_response(ErrorCode::kLoginFailed,
                          "the user name or password is wrong, or the account cannot sign in now");
  }
  Response r = json_response(200, session_json(result.session, accounts_.policy()).dump());
  r.headers.emplace_back("Set-Cookie", session_cookie(result.token));
  r.log_user = result.session.account.username;
  return r;
}

Response Service::logout(const Request& request, const SessionInfo&) const {
  accounts_.logout(*request.cookie(kSessionCookie), request.remote);
  Response r;
  r.status = 204;
  r.headers.emplace_back("Set-Cookie", cleared_cookie());
  return r;
}

}  // namespace sightline::web
