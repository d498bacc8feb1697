// Working days for the reference rules of the differential test, counted from
// the bank-holiday table in tests/data/bank-holidays/ rather than with the
// engine's calendar, so that the two are independent.
#pragma once

#include "core/date.h"

namespace sightline::safeguards::differential {

// The n-th working day after `from` (never counting `from`): "within n WD of
// from" (catalogue, Terms). Covers 2011 to 2028, the years of the table.
Date add_working_days(Date from, int n);

}  // namespace sightline::safeguards::differential
