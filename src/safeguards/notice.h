// A notice: something Sightline itself does at once when a safeguard's trigger
// happens (e.g. telling the health-visiting service that a baby registered
// with a GP). Notices go on the child's chronology so the receiving agency
// sees them; they are not alerts, because nobody has failed yet.
#pragma once

#include <string>

#include "core/date.h"

namespace sightline::safeguards {

struct Notice {
  std::string rule;        // the safeguard that sent it
  std::string child;       // person id
  std::string to;          // agency id, or KIND:AREA when no agency serves the area
  Date at;                 // the replay day it was sent (when the trigger was learnt)
  std::string text;        // what it says, for a practitioner
  std::string occurrence;  // the trigger it answers (event id or "line N")
};

}  // namespace sightline::safeguards
