#include "web/access.h"

#include <set>

#include "chronology/involvement.h"
#include "core/text.h"
#include "store/stored_event_reader.h"
#include "web/secrets.h"
#include "web/store_agency_facts.h"

namespace sightline::web {
std::string AccessBasis::describe() const {
  if (!relationship) return "break-glass #" + std::to_string(grant.id);
  return notice.empty() ? "relationship" : "by notice (" + notice + ")";
}

Access::Access(AccessStore& grants, SharedStore& store, AuditLog& audit, const Clock& clock,
               std::int64_t grant_duration)
    : grants_(grants),
      store_(store),
      audit_(audit),
      clock_(clock),
      grant_duration_(grant_duration) {}

bool Access::sees_identities(Role role) {
  return role == Role::kPractitioner || role == Role::kManager || role == Role::kSafeguardingLead;
}

bool Access::has_relationship(const std::string& agency, const Id& child) {
  return relationship(agency, child) != Relationship::kNone;
}

Relationship Access::relationship(const std::string& agency, const Id& child,
                                  std::string* notice_rule) {
  if (agency.empty()) return Relationship::kNone;
  if (store_.with([&](Store& s) { return s.involved(agency, child); })) {
    return Relationship::kInvolved;
  }
  // An agency the safeguards make responsible for the child (the owner of an
  // alert about them) must be able to read the record to do the duty.
  if (grants_.owns_alert_about(agency, child)) return Relationship::kInvolved;
  // So must one a safeguard's notice asked to act for the child.
  const std::vector<NoticeRecord> notices = store_.with([&](Store& s) { return s.notices(child); });
  for (const NoticeRecord& n : notices) {
    if (n.to != agency) continue;
    if (notice_rule != nullptr) *notice_rule = n.rule;
    return Relationship::kByNotice;
  }
  return Relationship::kNone;
}

std::optional<AccessBasis> Access::basis_for(const Account& account, const Id& child) {
  if (!sees_identities(account.role) || account.disabled) return std::nullopt;
  std::string notice_rule;
  switch (relationship(account.agency, child, &notice_rule)) {
    case Relationship::kInvolved:
      return AccessBasis{true, {}, {}};
    case Relationship::kByNotice:
      return AccessBasis{true, std::move(notice_rule), {}};
    case Relationship::kNone:
      break;
  }
  auto grant = grants_.live_grant(account.username, child, clock_.utc_seconds());
  if (!grant) return std::nullopt;
  AccessBasis basis;
  basis.grant = std::move(*grant);
  return basis;
}

Expected<BreakGlassGrant> Access::break_glass(const Account& account, const Id& child,
                                              const std::string& reason,
                                              const std::string& remote) {
  if (!sees_identities(account.role)) {
    return Unexpected(
        make_error(ErrorCode::kForbidden, "your role does not see children's records"));
  }
  const std::string why = trimmed(reason);
  if (why.size() < 10) {
    return Unexpected(field_error(ErrorCode::kReasonRequired, "reason",
                                  "reason: say why you need this record (at least 10 characters)"));
  }
  if (why.size() > 2000) {
    return Unexpected(
        field_error(ErrorCode::kBadRequest, "reason", "reason: at most 2000 characters"));
  }
  // Who else is told: read before the audit, so that a failure to read it
  // leaves no audited break-glass without its notices.
  const std::vector<std::string> elsewhere = involved_elsewhere(account.agency, child);
  // Audited first: if the audit cannot be written, no access is granted.
  const AuditRecord record =
      audit_.append({account.username, std::string(to_string(account.role)), account.agency,
                     "child.break_glass", child, why, "from " + remote});
  const std::int64_t now = clock_.utc_seconds();
  BreakGlassGrant grant{
      0,   account.username,     std::string(to_string(account.role)), account.agency, child, why,
      now, now + grant_duration_};
  std::vector<Notice> notices = {{0, account.agency, "break_glass", child, grant.username,
                                  grant.role, why, record.at, record.seq}};
  for (const std::string& agency : elsewhere) {
    notices.push_back({0, agency, "break_glass_elsewhere", child, grant.username, grant.role, why,
                       record.at, record.seq});
  }
  grant.id = grants_.add_break_glass(grant, notices);
  return grant;
}

std::vector<std::string> Access::involved_elsewhere(const std::string& agency, const Id& child) {
  StoreAgencyFacts agencies(store_);
  const std::string area = agencies.area(agency);
  if (area.empty()) return {};
  const std::vector<ChronologyEntry> entries =
      store_.with([&](Store& s) { return s.chronology(child, std::nullopt); });
  StoredEventReader reader;
  std::vector<Event> events;
  events.reserve(entries.size());
  for (const ChronologyEntry& entry : entries) events.push_back(reader.read(entry.json, entry.seq));
  std::set<std::string> out;
  for (const OpenInvolvement& i : involvement_while_alive(events, child, agencies)) {
    const std::string theirs = agencies.area(i.agency);
    if (!theirs.empty() && theirs != area) out.insert(i.agency);
  }
  return {out.begin(), out.end()};
}

void Access::record_claimed_relationship(const Account& account, const Id& child,
                                         const std::string& remote, Transaction& transaction) {
  const AuditRecord record = audit_.append_within(
      transaction, {account.username, std::string(to_string(account.role)), account.agency,
                    "child.relationship_claimed", child, "",
                    "first event about the child from this agency; from " + remote});
  grants_.add_notice(transaction,
                     {0, account.agency, "relationship_claimed", child, account.username,
                      std::string(to_string(account.role)), "", record.at, record.seq});
}

std::vector<Notice> Access::notices_for(const std::string& agency) {
  return grants_.notices_for(agency, 500);
}

}  // namespace sightline::web
