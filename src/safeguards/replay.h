// Replaying a feed file through the safeguards engine.
//
// Contract: validation is all or nothing. Every line is checked (events-v1);
// when any line is at fault every fault goes to `on_fault` and the result says
// so: the engine's state is then meaningless and no alert may be shown. A
// valid feed is applied in replay order (by `recorded`, ties in file order).
// A file already in that order is streamed: read through one buffer, events
// are applied as they are checked, and no event is held. Otherwise an index
// of (recorded instant, line, byte offset) is sorted and the lines are read
// again, in that order, from the memory-mapped file.
// With `until`, events recorded after the end of that day are not applied,
// and the clock then moves on to the end of that day (C4).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/date.h"
#include "feed/fault.h"
#include "safeguards/engine.h"

namespace sightline::safeguards {

struct ReplayOptions {
  std::optional<Date> until;
};

struct ReplayResult {
  std::int64_t lines = 0;    // non-blank lines
  std::int64_t applied = 0;  // events applied to the engine
  std::int64_t faults = 0;
  std::int64_t faulty_lines = 0;
  bool sorted = true;  // the file was already in replay order
  // The engine after the replay; its alerts are meaningful only when ok().
  std::unique_ptr<SafeguardsEngine> engine;
  bool ok() const { return faults == 0; }
};

// Throws std::runtime_error when the file cannot be read.
ReplayResult replay_file(const std::string& path, const SafeguardsConfig& config,
                         const ReplayOptions& options,
                         const std::function<void(const Fault&)>& on_fault);

}  // namespace sightline::safeguards
