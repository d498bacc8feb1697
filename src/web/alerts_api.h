// The alerts over HTTP: GET /api/v1/alerts and
// POST /api/v1/alerts/{id}/acknowledge, on AlertsView.
//
// - Practitioners, managers and safeguarding leads list the alerts of their
//   agency (`owner`, default their own; a lead may also name an unowned
//   `KIND:AREA` of their area), filtered by `status` (open, acknowledged,
//   resolved; a comma-separated list, default open and acknowledged), a page
//   at a time (`limit` 1 to 200, default 50; `offset`). Each child an answer
//   names is audited as a record read ("child.alerts_read") before it leaves.
// - Partnership analysts get counts by owner, rule, level and status, never a
//   child; administrators get nothing (403).
// - Acknowledging needs a note, is audited with it, and does not resolve the
//   alert; only an alert of an owner the user may see can be acknowledged
//   (otherwise 404, as for an id that does not exist).
#pragma once

#include "web/access.h"
#include "web/alerts_view.h"
#include "web/http.h"

namespace sightline::web {

struct AlertsApi {
  AlertsView& alerts;
  SharedStore& store;
  AuditLog& audit;

  Response list(const Request& request, const SessionInfo& session) const;
  Response acknowledge(const Request& request, const std::string& id,
                       const SessionInfo& session) const;
};

}  // namespace sightline::web
