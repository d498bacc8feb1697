// Alerts as the catalogue prints them (C12): one JSON object per alert with
// rule, child, owner, raised, due, level, escalations, resolved, resolved_by,
// finding, source, then the optional fields that apply (missing, routes,
// reasons, severity).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "safeguards/alert.h"
#include "safeguards/notice.h"

namespace sightline::safeguards {

// One line of JSON, without the newline.
std::string alert_json(const Alert& alert);
// The same, appended to `out` (for writing millions without a string each).
void append_alert_json(std::string& out, const Alert& alert);
// A readable table, one row per alert, with a header.
void print_alert_table(std::ostream& out, const std::vector<Alert>& alerts);
// A readable list of notices.
void print_notice_table(std::ostream& out, const std::vector<Notice>& notices);

}  // namespace sightline::safeguards
