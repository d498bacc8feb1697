// Transfers awaiting acceptance, as a receiving or sending agency works
// them: every `transfer` (events-v1) to or from an agency that no
// `transfer_accepted` or `transfer_declined` has yet answered; and, apart,
// those accepted without the child seen and not since accepted with the child
// seen, which still await the receiver's sighting (catalogue
// `transfer-child-not-seen`: only a `transfer_accepted` with `child_seen:
// true` resolves it). The JSON API
// and the pages both use this class; it writes nothing (a caller that shows
// children audits each one as a record read).
//
// - Incoming: transfers whose `to` is the agency; outgoing: whose `from` is.
// - For each: the transfer's id, child, status, risks, summary, mode, when it
//   was sent (`at`) and recorded, and whether the receiving agency has seen
//   the child on or after the transfer's date and by the as-of time (catalogue
//   "seen", as chronology/sightings.h defines it).
// - A transfer superseded by a later one between the same agencies about the
//   same child (a corrected handover) is not listed: the later one is.
//
// Reads the store through TransferStore (which finds the transfers) and
// SightingStore (the events that may show the child seen); reads each
// transfer's fields from its line. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "feed/event.h"
#include "store/sighting_store.h"
#include "store/transfer_store.h"

namespace sightline::web {

struct PendingTransfer {
  std::string id;
  std::string direction;  // "incoming" or "outgoing"
  Id child, from, to;
  std::string status, summary, mode;
  std::vector<std::string> risks;
  std::string sent;      // `at` as the feed gave it
  std::string recorded;  // when Sightline learnt of it
  std::string accepted;  // the acceptance's `at`, for one accepted unseen
  bool child_seen_by_receiver = false;
  std::int64_t seq = 0;
};

class TransfersView {
 public:
  // Both must outlive this.
  TransfersView(TransferStore& transfers, SightingStore& sightings);
  ~TransfersView();
  TransfersView(const TransfersView&) = delete;
  TransfersView& operator=(const TransfersView&) = delete;

  // Incoming first, then outgoing; each oldest sent first. Sightings as of
  // `as_of` (now).
  std::vector<PendingTransfer> awaiting(const std::string& agency, Timestamp as_of);
  // The transfers accepted without the child seen, in the same order.
  std::vector<PendingTransfer> accepted_unseen(const std::string& agency, Timestamp as_of);

 private:
  using Query = std::vector<StoredTransfer> (TransferStore::*)(TransferSide, const Id&);
  std::vector<PendingTransfer> list(Query query, const std::string& agency, Timestamp as_of);

  TransferStore& transfers_;
  SightingStore& sightings_;
};

}  // namespace sightline::web
