// GET /api/v1/transfers: the transfers awaiting acceptance to and from the
// caller's agency, and those accepted without the child seen (TransfersView), for practitioners,
// managers and safeguarding leads; a transfer names the agency, so it is one of the agency's
// legitimate relationships. Each child named is audited as a record read ("child.transfers_read")
// before the answer leaves. Partnership analysts and administrators: 403.
#pragma once

#include "core/clock.h"
#include "web/access.h"
#include "web/http.h"
#include "web/transfers_view.h"

namespace sightline::web {

struct TransfersApi {
  TransfersView& transfers;
  SharedStore& store;
  AuditLog& audit;
  const Clock& clock;  // sightings count as of now

  Response list(const Request& request, const SessionInfo& session) const;
};

}  // namespace sightline::web
