// Where the grounds for seeing a child's record are kept besides the events:
// break-glass grants, and the notices that tell an agency's safeguarding
// leads of a break-glass or of a relationship claimed by recording an event.
// Who may see what is decided by web/access.h; the store keeps and finds.
//
// Thread-safe; a transaction is used by one thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/transaction.h"

namespace sightline {

struct BreakGlassGrant {
  std::int64_t id = 0;
  std::string username, role, agency, child, reason;
  std::int64_t granted_at = 0, expires_at = 0;  // UTC seconds
};

// A notice to an agency's safeguarding leads.
struct AccessNotice {
  std::int64_t id = 0;
  std::string agency;  // whose leads it is for
  // "break_glass" (by one of the agency's own staff), "relationship_claimed",
  // "break_glass_elsewhere" (by another area's professional, on a child the
  // agency is involved with: the family may have moved)
  std::string kind;
  std::string child, username, role, reason;
  std::string at;  // UTC
  std::int64_t audit_seq = 0;
};

class AccessStore {
 public:
  virtual ~AccessStore() = default;

  // The latest grant to `username` for `child` that expires after `now`.
  virtual std::optional<BreakGlassGrant> live_grant(const std::string& username,
                                                    const std::string& child, std::int64_t now) = 0;
  // Keeps a grant and its notices, together; returns the grant's id (the
  // grant's own `id` and the notices' are not read).
  virtual std::int64_t add_break_glass(const BreakGlassGrant& grant,
                                       const std::vector<AccessNotice>& notices) = 0;
  // Keeps a notice within `transaction` (an import batch's: the notice of a
  // claimed relationship commits with the events that claim it).
  virtual void add_notice(Transaction& transaction, const AccessNotice& notice) = 0;
  // The notices for `agency`'s leads, newest first, at most `limit`.
  virtual std::vector<AccessNotice> notices_for(const std::string& agency, std::size_t limit) = 0;
  // True when `agency` owns an alert about `child`: the safeguards made it
  // responsible for the child.
  virtual bool owns_alert_about(const std::string& agency, const std::string& child) = 0;
};

}  // namespace sightline
