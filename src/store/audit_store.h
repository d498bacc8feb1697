// Where the audit trail is kept: its records and its signed head.
//
// The store keeps what it is given. Numbering, chaining, hashing and signing
// the records, and checking them, is the audit log's (web/audit_log.h), so
// that any store keeps the same tamper-evident trail. What the store
// guarantees:
// - records are kept in the order of their numbers, and one is never changed
//   or removed through the store (the SQLite store's triggers refuse it even
//   to other tools);
// - a record appended, and a head set, within a transaction commit with it,
//   or not at all.
//
// Thread-safe; a transaction is used by one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/transaction.h"

namespace sightline {

// What is recorded; `at` and the chain fields are filled in by the audit log.
struct AuditEntry {
  std::string user;    // account name, or "cli:NAME" for the command line
  std::string role;    // the role acted in
  std::string agency;  // the agency acted for
  std::string action;  // "session.login", "child.read", "child.break_glass", ...
  std::string child;   // the child concerned, if any
  std::string reason;  // why, for break-glass
  std::string detail;  // anything else worth keeping (a remote address, a count)
};

struct AuditRecord {
  std::int64_t seq = 0;
  std::string at;  // UTC: 2026-11-28T00:37:35Z
  AuditEntry entry;
  std::string prev_hash, hash;  // hex
};

// The last record's number and hash, and the signature over them.
struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;       // hex
  std::string signature;  // hex
};

// Whether the store holds a trail at all, and whether it is as the store made
// it: its guard against changes (the append-only triggers) and its head's
// place are there.
struct AuditStorage {
  bool has_log = false;
  bool complete = false;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // A write transaction on the store that keeps the trail, for appending a
  // group of records and their head together.
  virtual std::unique_ptr<Transaction> begin() = 0;
  // The last record as `transaction` sees it (the chain continues from it),
  // nullopt when there is none. `transaction` may be one of this store or of
  // another store on the same database (an import batch's): the record then
  // commits with what it records.
  virtual std::optional<AuditRecord> last(Transaction& transaction) = 0;
  virtual void append(Transaction& transaction, const AuditRecord& record) = 0;
  virtual void set_head(Transaction& transaction, const AuditHead& head) = 0;

  // Reads, each of what is committed.
  virtual bool empty() = 0;
  virtual std::optional<AuditHead> head() = 0;
  // The records about `child`, oldest first.
  virtual std::vector<AuditRecord> records_about(const std::string& child) = 0;
  // Every record, oldest first (by number).
  virtual void for_each_record(const std::function<void(const AuditRecord&)>& visit) = 0;
  virtual AuditStorage storage() = 0;
};

}  // namespace sightline
