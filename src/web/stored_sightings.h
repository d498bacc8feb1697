// The sightings of a child in a store, by the catalogue's one definition of
// "seen" (chronology/sightings.h), for the views in web/ that read stored
// events (the transfers awaiting acceptance, the dashboard's figures). The
// SightingStore only narrows the search to the child's events of the types
// that may show a child seen; whether one does, and by whom, is the
// definition's to say.
//
// Lives for one request: it keeps what it parsed (the transfers an
// acceptance answers) until it is destroyed. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "feed/event.h"
#include "store/sighting_store.h"
#include "store/stored_event_reader.h"

namespace sightline::web {

struct StoredSighting {
  std::int64_t at_s = 0;  // the sighting's `at`, as events.at_s
  Id by;                  // the agency that saw the child
};

class StoredSightings {
 public:
  // Reads `store`, which must outlive this, as of `as_of` (now): an event
  // dated after it has not happened yet and shows no one seen
  // (chronology/sightings.h, happened_by).
  StoredSightings(SightingStore& store, Timestamp as_of);
  ~StoredSightings();
  StoredSightings(const StoredSightings&) = delete;
  StoredSightings& operator=(const StoredSightings&) = delete;

  // Every sighting of `child` at or after `since_s` (seconds, as events.at_s)
  // and by the as-of time, oldest first. Throws StoreError naming the event if a stored event no
  // longer parses.
  std::vector<StoredSighting> of(const Id& child, std::int64_t since_s);

 private:
  class Context;
  Event parse(const std::string& json, std::int64_t seq);

  SightingStore& store_;
  Timestamp as_of_;
  StoredEventReader reader_;
  // Transfer id -> (child, to), as read from the store.
  std::map<Id, std::pair<Id, Id>, std::less<>> transfers_;
};

}  // namespace sightline::web
