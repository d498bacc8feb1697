// The reads of the transfers awaiting an answer or a sighting
// (web/transfers_view.h): the `transfer` events (events-v1) to or from an
// agency that no `transfer_accepted` or `transfer_declined` answers, those
// accepted only without the child seen, and whether a later transfer
// supersedes one. What a transfer says is the view's to read from its
// line; the store only finds the lines.
//
// Implementations are thread-safe, and use the store's indexes on transfer
// events, so each call costs a few lookups whatever the store's size.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "feed/event.h"

namespace sightline {

// A `transfer` event as stored.
struct StoredTransfer {
  std::int64_t seq = 0;
  std::string json;       // the line exactly as it was sent
  std::string at;         // as the feed gave it
  std::string recorded;   // when Sightline learnt of it
  std::int64_t at_s = 0;  // `at` as seconds (events.at_s)
  std::string accepted;   // the first acceptance's `at`; empty when none
  friend bool operator==(const StoredTransfer&, const StoredTransfer&) = default;
};

// Which side of a transfer an agency is on.
enum class TransferSide : std::uint8_t {
  kReceiving,  // the transfer's `to`
  kSending,    // its `from`
};

class TransferStore {
 public:
  virtual ~TransferStore() = default;

  // Every transfer with `agency` on `side` that no acceptance or decline
  // answers, oldest sent first (by `at`, then arrival). Neither list holds a
  // transfer of a child recorded as having died: it awaits nothing.
  virtual std::vector<StoredTransfer> unanswered_transfers(TransferSide side, const Id& agency) = 0;
  // Every transfer with `agency` on `side` that the receiver accepted, but
  // never with the child seen, and did not decline: the transfers whose
  // transfer-child-not-seen alerts stay open although neither list of
  // unanswered_transfers holds them. Oldest sent first; `accepted` set.
  virtual std::vector<StoredTransfer> accepted_unseen_transfers(TransferSide side,
                                                                const Id& agency) = 0;
  // True when a transfer of `child` from `from` to `to` was sent after the one
  // sent at `at_s` that arrived as `seq`: at a later `at`, or at the same one
  // and arriving later. Answered or not.
  virtual bool later_transfer_exists(const Id& from, const Id& to, const Id& child,
                                     std::int64_t at_s, std::int64_t seq) = 0;
};

}  // namespace sightline
