// The partnership dashboard over HTTP: GET /api/v1/dashboard (every figure
// for one area, or all areas, over the last 12 months of each) and
// GET /api/v1/dashboard/{figure}.csv (one figure, one row per area and month,
// RFC 4180), on FiguresView.
//
// - Partnership analysts, managers and safeguarding leads may see them;
//   practitioners and administrators get 403. The figures are aggregates: no
//   child's name or id is in either answer.
// - `area`: a GSS code, or `all`. The JSON's default is the area of the
//   user's agency (else all); the CSV's is all areas. A code that is not a GSS
//   code is 400.
// - Each view and each download is audited ("dashboard.read",
//   "dashboard.csv"), naming the area and figure and no child, before the
//   answer leaves; if the audit cannot be written nothing is shown.
#pragma once

#include "web/access.h"
#include "web/audit_log.h"
#include "web/figures.h"
#include "web/http.h"

namespace sightline::web {

// How many months of each figure the JSON answer gives, ending with the
// latest month that figure has anywhere.
inline constexpr int kDashboardMonths = 12;

struct DashboardApi {
  FiguresView& figures;
  AuditLog& audit;

  Response summary(const Request& request, const SessionInfo& session) const;
  Response csv(const Request& request, const std::string& file, const SessionInfo& session) const;
};

// May this role see the dashboard?
bool sees_dashboard(Role role);

// One CSV field as RFC 4180 writes it: quoted (with quotes doubled) when it
// holds a comma, a quote, CR or LF; as it is otherwise.
std::string csv_field(std::string_view text);

}  // namespace sightline::web
