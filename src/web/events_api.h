// POST /api/v1/events: a batch of events-v1 objects (a JSON array), checked
// exactly as `sightline import` checks a feed and stored all or nothing.
//
// - Faults name the item (1-based, as `item`), the field and what was
//   expected; with any fault nothing is stored (422).
// - A user reports for their own agency: every item's `by` must be the
//   session's agency.
// - A user records only about people their agency may see: every person an
//   item names, and every earlier event it refers to, must be one the agency
//   has a relationship with or has broken the glass for, unless an earlier
//   item of the batch defines it. Otherwise the batch is refused (403
//   no_relationship) with the same words whether the id is unknown or known
//   to others, so a refusal never reveals that someone exists; each person
//   refused is audited (child.refused). Reference events (`agency`, `premises`) are for
//   administrators only; partnership analysts write nothing (403).
// - Idempotency-Key (optional, 1 to 200 visible characters): the first
//   answer to a key is kept for 24 hours for the user who sent it; the same key with the
//   same body answers that again (Idempotent-Replayed: true) and stores
//   nothing, the same key with another body is refused (422). Independently,
//   an item whose bytes an earlier batch stored is skipped, so even a retry
//   without a key never stores an event twice.
// - Each item is stored as its compact JSON serialisation, members in the
//   order sent. Every batch stored is one audit record, written in the same
//   transaction as its events.
// - Recording an event about a person the user sees by break-glass only gives
//   the agency a lasting relationship: that claim is audited and the agency's
//   safeguarding leads are told (Access::record_claimed_relationship), in the
//   batch's transaction.
//
// Thread-safe: batches are applied one at a time.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "store/idempotency_store.h"
#include "web/access.h"
#include "web/http.h"

namespace sightline::web {

class EventsApi {
 public:
  // The answers to idempotency keys are kept by `answers`.
  EventsApi(IdempotencyStore& answers, SharedStore& store, Access& access, AuditLog& audit,
            const Clock& clock);
  EventsApi(const EventsApi&) = delete;
  EventsApi& operator=(const EventsApi&) = delete;

  Response post(const Request& request, const SessionInfo& session);
  // Called after a batch that stored events has committed (the live
  // safeguards catch up on it). Set before the service starts.
  void on_stored(std::function<void()> hook) { on_stored_ = std::move(hook); }

 private:
  Response apply(const Request& request, const SessionInfo& session);

  IdempotencyStore& answers_;
  SharedStore& store_;
  Access& access_;
  AuditLog& audit_;
  const Clock& clock_;
  std::mutex mutex_;  // one batch at a time
  std::function<void()> on_stored_;
};

}  // namespace sightline::web
