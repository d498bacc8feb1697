// The stored events from which whether, when and by whom a child was seen is
// worked out (web/stored_sightings.h). The definition of "seen" is
// chronology/sightings.h's alone: the store only narrows the search to the
// events that may show it (may_show_seen) and finds the transfers their
// acceptances answer.
//
// Implementations are thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/event.h"
#include "store/store.h"

namespace sightline {

// A stored event and when it happened.
struct DatedStoredEvent {
  std::int64_t seq = 0;
  std::int64_t at_s = 0;  // `at` as seconds (events.at_s)
  std::string json;       // the line exactly as it was sent
  friend bool operator==(const DatedStoredEvent&, const DatedStoredEvent&) = default;
};

class SightingStore {
 public:
  virtual ~SightingStore() = default;

  // The events about `person` (naming them in any field) that happened at or
  // after `since_s` (seconds, as events.at_s) and are of a type that may show
  // a child seen (may_show_seen), oldest first (by `at`, then arrival); each
  // once.
  virtual std::vector<DatedStoredEvent> sighting_candidates(const Id& person,
                                                            std::int64_t since_s) = 0;
  // The stored `transfer` event that defines `id`, or nullopt when none does.
  virtual std::optional<StoredEvent> transfer(std::string_view id) = 0;
};

}  // namespace sightline
