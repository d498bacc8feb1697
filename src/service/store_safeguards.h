// The safeguards over a stored chronology: the same engine that `replay`
// runs over a file, run over the events of a store, and the store's alerts
// kept in step with it. Every door (import, alerts, the server) goes through
// here, so they never disagree.
#pragma once

#include <cstdint>
#include <memory>

#include "safeguards/alert.h"
#include "safeguards/config.h"
#include "safeguards/engine.h"
#include "store/store.h"

namespace sightline::service {

struct StoreReplay {
  std::unique_ptr<safeguards::SafeguardsEngine> engine;
  std::int64_t applied = 0;  // events applied
};

// Replays every event recorded up to `until` in replay order, then moves the
// engine's clock on to `until`. Throws StoreError if a stored event no longer
// parses (the store was changed behind Sightline's back).
StoreReplay replay_store(Store& store, const safeguards::SafeguardsConfig& config, Timestamp until);

// The alert as the store keeps it.
AlertRecord to_record(const safeguards::Alert& alert);

// The notice as the store keeps it.
NoticeRecord to_record(const safeguards::Notice& notice);

// Replays the store up to `now` and saves its alerts and notices: one row per
// occurrence, however often it runs. Returns the engine's alerts.
std::vector<safeguards::Alert> refresh_alerts(Store& store,
                                              const safeguards::SafeguardsConfig& config,
                                              Timestamp now);

}  // namespace sightline::service
