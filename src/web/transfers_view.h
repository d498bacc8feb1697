// Transfers awaiting acceptance, as a receiving or sending agency works
// them: every `transfer` (events-v1) to or from an agency that no
// `transfer_accepted` or `transfer_declined` has yet answered. The JSON API
// and the pages both use this class; it writes nothing (a caller that shows
// children audits each one as a record read).
//
// - Incoming: transfers whose `to` is the agency; outgoing: whose `from` is.
// - For each: the transfer's id, child, status, risks, summary, mode, when it
//   was sent (`at`) and recorded, and whether the receiving agency has seen
//   the child on or after the transfer's date (catalogue "seen", as
//   chronology/sightings.h defines it).
// - A transfer superseded by a later one between the same agencies about the
//   same child (a corrected handover) is not listed: the later one is.
//
// Thread-safe: one connection, used under a mutex. Uses the store's indexes on
// transfer events, so a list costs a few lookups whatever the store's size.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "feed/event.h"

namespace sightline::sqlite {
class Connection;
}

namespace sightline::web {

struct PendingTransfer {
  std::string id;
  std::string direction;  // "incoming" or "outgoing"
  Id child, from, to;
  std::string status, summary, mode;
  std::vector<std::string> risks;
  std::string sent;      // `at` as the feed gave it
  std::string recorded;  // when Sightline learnt of it
  bool child_seen_by_receiver = false;
  std::int64_t seq = 0;
};

class TransfersView {
 public:
  explicit TransfersView(const std::string& db_path);
  ~TransfersView();
  TransfersView(const TransfersView&) = delete;
  TransfersView& operator=(const TransfersView&) = delete;

  // Incoming first, then outgoing; each oldest sent first.
  std::vector<PendingTransfer> awaiting(const std::string& agency);

 private:
  std::unique_ptr<sqlite::Connection> db_;
  std::mutex mutex_;
};

}  // namespace sightline::web
