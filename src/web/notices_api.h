// The safeguards' notices over HTTP: GET /api/v1/safeguard-notices. A notice
// is something Sightline did at once for a child (telling the health-visiting
// agency of a baby's area that the baby registered with a GP, catalogue
// `hv-new-registration`); it asks the receiving agency to act, so it belongs
// on that agency's My work. It is not an alert: nobody has failed yet.
//
// - Practitioners, managers and safeguarding leads list the notices sent to
//   their agency (`recipient`, default their own; a lead may also name an
//   unowned `KIND:AREA` of their area, as for alerts), newest first, a page
//   at a time (`limit` 1 to 200, default 50; `offset`). Each child an answer
//   names is audited as a record read ("child.notices_read") before it
//   leaves. A notice is `done` once the duty it announces is: the child seen
//   (chronology/sightings.h) on or after its day by an agency of the
//   recipient's kind (for hv-new-registration, by health visiting); `seen`
//   then gives that sighting ({"at", "by"}), else null.
// - Partnership analysts get counts by recipient and rule, never a child;
//   administrators get nothing (403).
//
// The break-glass and relationship notices for safeguarding leads are another
// thing, at GET /api/v1/notices (children_api.h).
#pragma once

#include "core/clock.h"
#include "store/sighting_store.h"
#include "web/alerts_view.h"
#include "web/audit_log.h"
#include "web/http.h"
#include "web/shared_store.h"

namespace sightline::web {

struct NoticesApi {
  SharedStore& store;
  AuditLog& audit;
  // Who may see a recipient's notices: whoever may see its alerts.
  AlertsView& alerts;
  // Who saw a child; null: no notice is said done.
  SightingStore* sightings = nullptr;
  // Sightings count as of now: one dated later has not happened yet.
  const Clock* clock = nullptr;

  Response list(const Request& request, const SessionInfo& session) const;
};

}  // namespace sightline::web
