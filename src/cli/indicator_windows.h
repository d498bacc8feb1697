// The indicators' windows (transience, non-cooperation, missed appointments)
// of each area from the safeguards' configuration (section "indicators",
// docs/safeguards-config.md), for the pages to lapse derived indicators when
// the engine does (the pages cannot see the safeguards).
#pragma once

#include "chronology/indicators.h"
#include "safeguards/config.h"

namespace sightline::cli {

// A copy of `config` is kept by the returned function.
IndicatorWindowsOfArea indicator_windows(const safeguards::SafeguardsConfig& config);

}  // namespace sightline::cli
