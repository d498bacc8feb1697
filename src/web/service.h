// The Sightline HTTP service: every route of the JSON API behind one handler
// that the HttpServer calls. Thread-safe.
//
// Access: every route under /api/v1 except the health check and signing in
// needs a live session cookie (`__Host-sightline`); without one it answers 401
// and nothing else. A request that changes state (POST, PUT, PATCH, DELETE)
// and carries the cookie must also carry the session's CSRF token in
// X-CSRF-Token, else 403. Request bodies must be JSON (Content-Type
// application/json), else 415. Failed sign-ins are also throttled per client
// address (`max_failures_per_address` in `address_window` seconds, then 429),
// on top of the per-account lockout.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "web/access.h"
#include "web/accounts.h"
#include "web/alerts_api.h"
#include "web/audit_log.h"
#include "web/children_api.h"
#include "web/dashboard_api.h"
#include "web/events_api.h"
#include "web/http.h"
#include "web/notices_api.h"
#include "web/router.h"
#include "web/transfers_api.h"

namespace sightline::web {

inline constexpr std::string_view kSessionCookie = "__Host-sightline";

struct ServiceOptions {
  int max_failures_per_address = 20;
  std::int64_t address_window = 15 * 60;
};

// What the service works with; each must outlive it.
struct ServiceParts {
  Accounts& accounts;
  AuditLog& audit;
  Access& access;
  EventsApi& events;
  SharedStore& store;
  const Clock& clock;
  AlertsView& alerts;
  TransfersView& transfers;
  FiguresView& figures;
  // The indicators' windows of each area (the API's child summary); empty:
  // the national ones.
  IndicatorWindowsOfArea indicator_windows = {};
  // Who saw a child (a notice's duty done); without it, notices never say so.
  SightingStore* sightings = nullptr;
};

class Service {
 public:
  explicit Service(ServiceParts parts, ServiceOptions options = {});
  Response handle(const Request& request) const;

 private:
  using SessionHandler =
      std::function<Response(const Request&, const PathParams&, const SessionInfo&)>;
  // Wraps a handler that needs a session (and, for unsafe methods, CSRF).
  RouteHandler with_session(SessionHandler handler) const;
  Response login(const Request& request) const;
  Response logout(const Request& request, const SessionInfo& session) const;

  // Failed sign-ins per client address within the current window.
  bool address_throttled(const std::string& remote) const;
  void count_failure(const std::string& remote) const;

  Accounts& accounts_;
  const Clock& clock_;
  ChildrenApi children_;
  AlertsApi alerts_;
  NoticesApi notices_;
  TransfersApi transfers_;
  DashboardApi dashboard_;
  EventsApi& events_;
  ServiceOptions options_;
  Router router_;
  mutable std::mutex throttle_mutex_;
  mutable std::map<std::string, std::pair<std::int64_t, int>> failures_;  // window start, count
};

}  // namespace sightline::web
