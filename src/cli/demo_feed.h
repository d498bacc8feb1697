// The demonstration's own children, beside the Sofia scenario and the
// synthetic caseload that `serve --demo` imports: a few lives written for
// the demonstration, dated from the day it starts, so that what they show is
// due whenever it is run.
#pragma once

#include <string>

#include "core/date.h"

namespace sightline::cli {

// The feed (events-v1, JSON Lines) as of `today`. It holds:
// - the schools, nurseries and education welfare services of the
//   demonstration's areas (demo_agencies.h);
// - Mia Example, under a child-and-family assessment that Ealing children's
//   social care started six weeks ago; the social worker saw her that day
//   and not since, so `child-not-seen` (seen every 20 working days under an
//   open assessment) is open and owned by ealing-csc, and recording a
//   contact by ealing-csc with the child seen resolves it; her social
//   worker, Grace Okafor, is Ealing children's social care's named worker;
// - the named workers of the agencies that worked with Sofia.
std::string demo_feed(Date today);

}  // namespace sightline::cli
