// POST /api/v1/events: a batch of events-v1 objects (a JSON array), checked
// exactly as `sightline import` checks a feed and stored all or nothing.
//
// - Faults name the item (1-based, as `item`), the field and what was
//   expected; with any fault nothing is stored (422).
// - A user reports for their own agency: every item's `by` must be the
//   session's agency. Reference events (`agency`, `premises`) are for
//   administrators only; partnership analysts write nothing (403).
// - Idempotency-Key (optional, 1 to 200 visible characters): the first
//   answer to a key is kept for 24 hours for the user who sent it; the same key with the
//   same body answers that again (Idempotent-Replayed: true) and stores
//   nothing, the same key with another body is refused (422). Independently,
//   an item whose bytes an earlier batch stored is skipped, so even a retry
//   without a key never stores an event twice.
// - Each item is stored as its compact JSON serialisation, members in the
//   order sent. Every batch stored is one audit record.
// - Recording an event about a person already known, whom the user's agency
//   had no relationship with, gives it one: that claim is audited and the
//   agency's safeguarding leads are told (Access::record_claimed_relationship).
//
// Thread-safe: batches are applied one at a time.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "web/access.h"
#include "web/http.h"

namespace sightline::sqlite {
class Connection;
}

namespace sightline::web {

class EventsApi {
 public:
  EventsApi(const std::string& db_path, SharedStore& store, Access& access, AuditLog& audit,
            const Clock& clock);
  ~EventsApi();
  EventsApi(const EventsApi&) = delete;
  EventsApi& operator=(const EventsApi&) = delete;

  Response post(const Request& request, const SessionInfo& session);

 private:
  Response apply(const Request& request, const SessionInfo& session);

  SharedStore& store_;
  Access& access_;
  AuditLog& audit_;
  const Clock& clock_;
  std::unique_ptr<sqlite::Connection> db_;
  std::mutex mutex_;
};

}  // namespace sightline::web
