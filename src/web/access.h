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
//   agency responsible for them. So does a safeguard's notice to the agency
//   about the child (e.g. hv-new-registration telling health visiting of a
//   GP registration): the notice gives it a duty to the child, and it may
//   open the record to do it, audited as access "by notice". Nothing expires
//   it: an agency that was involved may look back.
// - break-glass: the user gave a reason (at least 10 characters) for seeing
//   this child without a relationship. That is allowed for `grant_duration`
//   seconds, recorded in the audit log with the reason, and raises a notice
//   to the safeguarding lead(s) of the user's own agency, who account for it.
//   When the user's agency is of another area than an agency involved with
//   the child now (the child page's "involved now": open involvement, C8, of
//   a living child; chronology/involvement.h), that agency's leads are told
//   too ("break_glass_elsewhere"): a professional elsewhere needing the
//   record is a sign the family has moved.
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
#include "core/error.h"
#include "store/access_store.h"
#include "store/store.h"
#include "web/accounts.h"
#include "web/audit_log.h"
#include "web/shared_store.h"

namespace sightline::web {

using sightline::BreakGlassGrant;
using Notice = sightline::AccessNotice;

// On what basis a user may see a child's record.
struct AccessBasis {
  bool relationship = false;  // else break-glass, described by `grant`
  // For a relationship that is only a safeguard's notice to the agency: the
  // rule that sent it (e.g. "hv-new-registration"); else empty.
  std::string notice;
  BreakGlassGrant grant;
  // "relationship", "by notice (RULE)" or "break-glass #N"
  std::string describe() const;
};

// The kind of relationship an agency has with a child, if any.
enum class Relationship : std::uint8_t { kNone, kInvolved, kByNotice };

class Access {
 public:
  // The grants and notices are kept by `grants`; involvement is read from
  // `store`.
  Access(AccessStore& grants, SharedStore& store, AuditLog& audit, const Clock& clock,
         std::int64_t grant_duration = 60 * 60);
  Access(const Access&) = delete;
  Access& operator=(const Access&) = delete;

  // True when the account's role may ever see identities (with a basis).
  static bool sees_identities(Role role);
  bool has_relationship(const std::string& agency, const Id& child);
  // The same, saying on what basis; `notice_rule` (when given) receives the
  // rule of the notice for kByNotice.
  Relationship relationship(const std::string& agency, const Id& child,
                            std::string* notice_rule = nullptr);
  // nullopt: refused.
  std::optional<AccessBasis> basis_for(const Account& account, const Id& child);
  // Records a break-glass and raises its notices. Refuses with kReasonRequired
  // for a missing or short reason, kBadRequest for one over 2,000 characters,
  // kForbidden for a role that may not.
  Expected<BreakGlassGrant> break_glass(const Account& account, const Id& child,
                                        const std::string& reason, const std::string& remote);
  // Records that the account's agency has just begun a relationship with a
  // child it had none with, by recording an event about them: audited, with a
  // notice to the agency's safeguarding leads, as break-glass is. Without it,
  // writing a trivial event would be a silent way round break-glass.
  // Written in `transaction` (the batch that makes the claim), so the claim
  // commits with the events or not at all.
  void record_claimed_relationship(const Account& account, const Id& child,
                                   const std::string& remote, Transaction& transaction);
  // The agencies involved with the child now whose area is known and not
  // `agency`'s (none when `agency`'s area is not known), by id.
  std::vector<std::string> involved_elsewhere(const std::string& agency, const Id& child);
  // The latest 500 notices for the agency's leads, newest first.
  std::vector<Notice> notices_for(const std::string& agency);

 private:
  AccessStore& grants_;
  SharedStore& store_;
  AuditLog& audit_;
  const Clock& clock_;
  const std::int64_t grant_duration_;
};

}  // namespace sightline::web
