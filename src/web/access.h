// The one access check for a child's record, and break-glass.
//
// A user may see a child's record only in the role of practitioner, manager
// or safeguarding lead, and only on one of two bases:
// - a legitimate relationship: the user's agency is, or was, involved with
//   the child. It is involved when it appears anywhere in the child's
//   integrated chronology (the child's events and their carers') as the
//   agency that recorded an event, or as one an event names (`to`, `from`,
//   `agency`, `place`, `participants`): so a transfer, referral or
//   notification about the child to the agency, or a registration with it,
//   counts. So does owning an alert about the child: the safeguards made the
//   agency responsible for them. Nothing expires it: an agency that was
//   involved may look back.
// - break-glass: the user gave a reason (at least 10 characters) for seeing
//   this child without a relationship. That is allowed for `grant_duration`
//   seconds, recorded in the audit log with the reason, and raises a notice
//   to the safeguarding lead(s) of the user's own agency, who account for it.
// An agency that begins a relationship by recording an event about a child it
// sees by break-glass claims it: that too is audited and raises a notice
// (record_claimed_relationship), since the relationship outlasts the grant.
// Partnership analysts see aggregate figures only, and administrators manage
// accounts: neither sees a child's identity, even with a reason.
//
// A refusal is the same whether or not the child exists, so that probing ids
// reveals nothing.
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/store.h"
#include "web/accounts.h"
#include "web/audit_log.h"
#include "web/shared_store.h"

namespace sightline::sqlite {
class Connection;
}

namespace sightline::web {

struct BreakGlassGrant {
  std::int64_t id = 0;
  std::string username, role, agency, child, reason;
  std::int64_t granted_at = 0, expires_at = 0;  // UTC seconds
};

// On what basis a user may see a child's record.
struct AccessBasis {
  bool relationship = false;  // else break-glass, described by `grant`
  BreakGlassGrant grant;
  std::string describe() const;  // "relationship" or "break-glass #N"
};

// A notice to an agency's safeguarding leads.
struct Notice {
  std::int64_t id = 0;
  std::string agency;  // whose leads it is for
  std::string kind;    // "break_glass"
  std::string child, username, role, reason;
  std::string at;  // UTC
  std::int64_t audit_seq = 0;
};

class AccessError : public std::runtime_error {
 public:
  AccessError(int http_status, std::string error_code, const std::string& message)
      : std::runtime_error(message), status(http_status), code(std::move(error_code)) {}
  int status;
  std::string code;
};

class Access {
 public:
  Access(const std::string& db_path, SharedStore& store, AuditLog& audit, const Clock& clock,
         std::int64_t grant_duration = 60 * 60);
  ~Access();
  Access(const Access&) = delete;
  Access& operator=(const Access&) = delete;

  // True when the account's role may ever see identities (with a basis).
  static bool sees_identities(Role role);
  bool has_relationship(const std::string& agency, const Id& child);
  // nullopt: refused.
  std::optional<AccessBasis> basis_for(const Account& account, const Id& child);
  // Records a break-glass and raises its notice. Throws AccessError (400 for
  // a missing or short reason, 403 for a role that may not).
  BreakGlassGrant break_glass(const Account& account, const Id& child, const std::string& reason,
                              const std::string& remote);
  // Records that the account's agency has just begun a relationship with a
  // child it had none with, by recording an event about them: audited, with a
  // notice to the agency's safeguarding leads, as break-glass is. Without it,
  // writing a trivial event would be a silent way round break-glass.
  // Written in the transaction open on `transaction` (the batch that makes
  // the claim), so the claim commits with the events or not at all.
  void record_claimed_relationship(const Account& account, const Id& child,
                                   const std::string& remote, sqlite::Connection& transaction);
  std::vector<Notice> notices_for(const std::string& agency);

 private:
  SharedStore& store_;
  AuditLog& audit_;
  const Clock& clock_;
  const std::int64_t grant_duration_;
  std::unique_ptr<sqlite::Connection> db_;
  std::mutex mutex_;
};

}  // namespace sightline::web
