// The children's records over HTTP: search, summary, chronology,
// break-glass, who looked, and notices. Every answer passes the one access
// check (access.h); every child shown is written to the audit log before the
// answer leaves (if the audit cannot be written, the answer is a 500 and
// shows nothing). A refused look at a child's record is audited too
// ("child.refused"), so that a lead can see probing.
#pragma once

#include "chronology/indicators.h"
#include "core/clock.h"
#include "core/error.h"
#include "web/access.h"
#include "web/http.h"
#include "web/router.h"

namespace sightline::web {

struct ChildrenApi {
  SharedStore& store;
  Access& access;
  AuditLog& audit;
  const Clock& clock;  // the summary's terms are as of now
  // The indicators' windows of each area (cli/indicator_windows.h), for the
  // summary's terms to lapse indicators as the engine does; empty: national.
  IndicatorWindowsOfArea indicator_windows;

  Response search(const Request& request, const SessionInfo& session) const;
  Response summary(const Request& request, const Id& child, const SessionInfo& session) const;
  Response chronology(const Request& request, const Id& child, const SessionInfo& session) const;
  Response break_glass(const Request& request, const Id& child, const SessionInfo& session) const;
  Response who_looked(const Request& request, const Id& child, const SessionInfo& session) const;
  Response notices(const SessionInfo& session) const;
  Response statistics(const SessionInfo& session) const;
};

// How a search box's text is read: a date is a date of birth (typed as people
// type dates: core/typed_date.h), ten digits an NHS number, something shaped
// like a UK postcode a postcode, anything else a name. Text shaped like a
// date that is not a real one (31/02/2012) is an error saying what is wrong.
Expected<PersonQuery> read_search_text(const std::string& q);

}  // namespace sightline::web
