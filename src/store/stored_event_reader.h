// Reading stored events back as typed events: the one place that turns a
// stored line into an Event again, for every reader of the store (the
// safeguards over the store, the dashboard, the pages and the API).
//
// A stored line passed validation when it was stored. Read with the store's
// `ids` (for_each_event_in_replay_order and the like), references resolve as
// they did on import; read without them (a chronology, a child's events), what
// a line refers to is taken on trust. A stored line that no longer parses
// (a build that reads the format differently) is the store's failure, not
// the caller's: StoreError naming the event's number and the first fault.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "feed/event.h"
#include "feed/fault.h"
#include "feed/known_ids.h"
#include "feed/parser.h"

namespace sightline {

class StoredEventReader {
 public:
  // Trusts what lines refer to.
  StoredEventReader();
  // Resolves references with `ids`, which must outlive the reader.
  explicit StoredEventReader(const KnownIds& ids);
  StoredEventReader(const StoredEventReader&) = delete;
  StoredEventReader& operator=(const StoredEventReader&) = delete;

  // The event stored as `line` with number `seq`.
  Event read(std::string_view line, std::int64_t seq);

 private:
  FeedParser parser_;
  std::vector<Fault> faults_;
};

}  // namespace sightline
