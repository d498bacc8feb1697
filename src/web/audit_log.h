// The audit trail: who did what, when, and why, in a tamper-evident log.
//
// Invariants:
// - Records are numbered 1, 2, 3, ... without gaps, in the order they were
//   appended, by any process sharing the database file.
// - Each record's hash is SHA-256(previous record's hash || the record's
//   fields, each length-prefixed), the first record's previous hash being 32
//   zero bytes. Changing, removing, inserting or reordering a record breaks
//   the chain from that record on.
// - The head (the last record's number and hash) is signed with an Ed25519
//   key kept outside the database, so that records removed from, or
//   re-hashed onto, the end of the chain are detected too: without the key the
//   head cannot be re-signed.
// - Triggers refuse UPDATE and DELETE on the records; verify() is what detects
//   changes made around them (another tool, a copied file).
// - append() returns only once the record is durable; when it throws, the
//   caller must not go on with what was to be audited (fail closed).
//   Concurrent appends are committed together (group commit: one transaction,
//   one fsync and one signature of the head for all the records waiting), so
//   many readers audited at once cost about one commit, not one each.
//
// The signing key is a file (hex of the 64-byte libsodium Ed25519 secret key)
// created with mode 0600 on first use, with its public half beside it in
// KEY.pub. A key file readable by group or others is refused, and so is a key
// that did not sign the current head (a mix-up, or a forger's key). Creating
// the log writes a first record ("audit.started"), so an emptied log is
// detected, and a log found empty while its key exists is refused.
//
// The records and the head are kept by an AuditStore (store/audit_store.h);
// this class numbers, chains, signs and checks them, whichever store keeps them.
//
// Thread-safe: appends queue for the one group being written.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/audit_store.h"

namespace sightline::web {

using sightline::AuditEntry;
using sightline::AuditRecord;

struct AuditVerification {
  std::int64_t records = 0;
  std::vector<std::string> problems;  // empty when the log is intact
  bool ok() const { return problems.empty(); }
};

class AuditLog {
 public:
  // Opens the log kept by `store` with the signing key at `key_path`
  // (created when absent). Throws StoreError or std::runtime_error.
  AuditLog(AuditStore& store, const std::string& key_path, const Clock& clock);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  AuditRecord append(const AuditEntry& entry);
  // Appends within `transaction` (a write transaction of another store on
  // the same database: an import batch's, an acknowledgement's), so that the
  // record commits, or not, with what it records: the events of an API write
  // are never stored without it. The chain is read inside that transaction,
  // so records stay numbered without gaps whichever transaction writes them.
  AuditRecord append_within(Transaction& transaction, const AuditEntry& entry);
  // The records about `child`, oldest first.
  std::vector<AuditRecord> records_about(const std::string& child);
  // Every record, oldest first.
  std::vector<AuditRecord> records();

  // The hex hash a record must carry, given its fields and prev_hash. Public
  // because anyone may recompute it: the chain's secrecy is in the signed head.
  static std::string chain_hash(const AuditRecord& record);
  // The default key path for a database: PATH.audit-key.
  static std::string default_key_path(const std::string& db_path);
  // Checks the whole chain kept by `store` and its signed head against the
  // public key at `public_key_path` (KEY.pub). Never throws for a damaged
  // log: every problem found is listed. Throws when the key or the store
  // cannot be read at all.
  static AuditVerification verify(AuditStore& store, const std::string& public_key_path);

 private:
  struct Pending;
  // Writes the next record (after `previous`, else after the last stored)
  // and, when `sign`, signs the new head, in `transaction`.
  AuditRecord write_record(Transaction& transaction, const AuditEntry& entry,
                           const AuditRecord* previous, bool sign) const;
  void sign_head(Transaction& transaction, const AuditRecord& last) const;
  // Writes a group of appends in one transaction, or fails them all.
  void write_group(const std::vector<Pending*>& group);

  AuditStore& store_;
  const Clock& clock_;
  std::string secret_key_;  // 64 bytes

  std::mutex queue_mutex_;  // the appends waiting, and whether a group is being written
  std::condition_variable written_;
  std::vector<Pending*> queue_;
  bool writing_ = false;
};

}  // namespace sightline::web
