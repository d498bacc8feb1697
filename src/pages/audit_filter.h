// What the audit page (who has looked at a child's record) is asked to show:
// the records of one person, of one kind of thing done, between two days in
// UK local time. Read from the page's GET query, so that a filtered view is a
// link that can be kept, and needs no script.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "pages/components.h"
#include "web/http.h"

namespace sightline::pages {

// What someone did to the record, in kinds a safeguarding lead asks about.
struct AuditActionKind {
  std::string_view value;  // the query's `what`
  std::string_view label;  // "Viewed the record"
};
// Every kind, in the order the page offers them.
const std::vector<AuditActionKind>& audit_action_kinds();
// The kind an audit action is ("child.read" -> "viewed"); "" for one no kind
// has.
std::string_view audit_action_kind(std::string_view action);

struct AuditFilter {
  std::string who = {};          // a username; "" for everyone
  std::string what = {};         // an AuditActionKind's value; "" for anything
  std::optional<Date> from, to;  // UK local days, inclusive
  // What was typed in the date fields, shown again as typed.
  std::string from_day, from_month, from_year, to_day, to_month, to_year;
  // Each fault: the field's id ("from-day") and what is wrong.
  std::vector<ErrorItem> errors;

  // True when the record (the audit API's `user`, `action` and UTC `at`)
  // passes every part of the filter that was given.
  bool matches(std::string_view user, std::string_view action, std::string_view at_utc) const;
  bool any() const { return !who.empty() || !what.empty() || from || to; }
};

// The filter in `request`'s query (`who`, `what`, `from-day`, `from-month`,
// `from-year`, `to-...`). An unknown `what`, a date that is not a real one
// (a part missing, or an impossible day) or a `from` after `to` is an error
// naming the field; the faulty part is then not applied.
AuditFilter read_audit_filter(const web::Request& request);

}  // namespace sightline::pages
