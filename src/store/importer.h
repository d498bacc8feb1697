// Importing a feed into the store: parse, validate, store and project, as one
// transaction.
//
// Contract: the feed is applied whole or not at all. Every line is read even
// after a fault, so one run reports every faulty line; on any fault nothing of
// the feed is stored. Lines already stored by an earlier import (byte for byte)
// are skipped, so importing the same feed twice changes nothing. Memory stays
// bounded by the ids the feed defines, not by its length: faults are handed to
// a callback as they are found rather than collected.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <string_view>

#include "feed/event.h"
#include "feed/fault.h"
#include "store/store.h"

namespace sightline {

struct ImportProgress {
  std::uint64_t bytes_read = 0;
  std::uint64_t bytes_total = 0;  // 0 when unknown
  std::int64_t lines = 0;
};

struct ImportResult {
  std::int64_t lines = 0;           // non-blank lines read
  std::int64_t stored = 0;          // events stored (0 unless committed)
  std::int64_t already_stored = 0;  // lines skipped because an earlier import stored them
  std::int64_t faulty_lines = 0;
  std::int64_t faults = 0;
  std::map<EventType, std::int64_t> stored_by_type;
  bool committed = false;
};

struct ImportCallbacks {
  std::function<void(const Fault&)> on_fault;
  // Called every few thousand lines and once at the end.
  std::function<void(const ImportProgress&)> on_progress;
  // Called once the whole feed is valid, inside the batch's transaction just
  // before it commits, with the result as it will be: what it writes in that
  // transaction (e.g. the audit record of the write) commits with the events
  // or not at all. If it throws, nothing is stored and the exception passes on.
  std::function<void(ImportBatch& batch, const ImportResult& result)> before_commit;
};

// Throws StoreError when the store fails (nothing is stored then either).
ImportResult import_feed(Store& store, std::istream& feed, std::string_view source,
                         const ImportCallbacks& callbacks, std::uint64_t bytes_total = 0);

}  // namespace sightline
