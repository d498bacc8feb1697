// The safeguards' alerts as people work with them (web/alerts_view.h): an
// owner's alerts by status, a page at a time, counts of them, and the
// acknowledgements people record. The alerts themselves are the safeguards'
// (Store::save_alerts); this store reads them and keeps the acknowledgements.
//
// Status: `resolved` once the alert has a resolved date; otherwise
// `acknowledged` once it has an acknowledgement, else `open`.
//
// Thread-safe; a transaction is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/transaction.h"

namespace sightline {

enum class AlertStatus : std::uint8_t { kOpen, kAcknowledged, kResolved };

struct Acknowledgement {
  std::string username, role, agency, note;
  std::string at;  // UTC
  std::int64_t audit_seq = 0;
};

// An alert, and where people stand with it.
struct AlertRow {
  AlertRecord record;
  AlertStatus status = AlertStatus::kOpen;
};

struct AlertQuery {
  std::string owner;
  std::string child;               // empty: every child
  std::set<AlertStatus> statuses;  // empty: open and acknowledged
  std::string acknowledged_by;     // a username: only alerts they acknowledged; empty: any
  std::size_t limit = 50;
  std::size_t offset = 0;
};

struct AlertRowPage {
  std::vector<AlertRow> rows;  // unresolved first, then by raised, rule, child and key
  std::int64_t total = 0;      // matching the query, across every page
};

// One row of the aggregate figures: no child is named.
struct AlertCount {
  std::string owner, rule, level;
  AlertStatus status = AlertStatus::kOpen;
  std::int64_t count = 0;
};

class AlertViewStore {
 public:
  virtual ~AlertViewStore() = default;

  virtual AlertRowPage page(const AlertQuery& query) = 0;
  // The keys of the alerts owned by `agency` and, when `area` is not empty,
  // of those no agency could own in that area (owner `KIND:AREA`).
  virtual std::vector<std::string> keys_owned_by(const std::string& agency,
                                                 const std::string& area) = 0;
  virtual std::optional<AlertRow> alert(const std::string& key) = 0;
  // Counts by owner, rule, level and status (of one owner unless empty), in
  // that order.
  virtual std::vector<AlertCount> counts(const std::string& owner) = 0;
  // The area (GSS code) of an agency, "" when unknown.
  virtual std::string area_of(const std::string& agency) = 0;
  // The acknowledgements of the alert with occurrence key `key`, oldest first.
  virtual std::vector<Acknowledgement> acknowledgements(const std::string& key) = 0;

  // A write transaction, for an acknowledgement and its audit record.
  virtual std::unique_ptr<Transaction> begin() = 0;
  virtual void add_acknowledgement(Transaction& transaction, const std::string& key,
                                   const Acknowledgement& acknowledgement) = 0;
};

}  // namespace sightline
