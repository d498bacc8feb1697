// Alerts read finding by finding: for each finding of the serious case review
// (F1-F8), the alerts that guard against it, when they were raised, how far
// they escalated and what resolved them. The README's demo prints it for Sofia.
#pragma once

#include <ostream>
#include <vector>

#include "safeguards/alert.h"

namespace sightline::cli {

void print_finding_report(std::ostream& out, const std::vector<safeguards::Alert>& alerts);

}  // namespace sightline::cli
