#include "web/access.h"

#include "store/sqlite/sqlite_handle.h"
#include "web/secrets.h"

namespace sightline::web {
namespace {

using sqlite::Connection;
using sqlite::Statement;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS break_glass (
  id INTEGER PRIMARY KEY, username TEXT NOT NULL, role TEXT NOT NULL, agency TEXT NOT NULL,
  child TEXT NOT NULL, reason TEXT NOT NULL, granted_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS break_glass_by_user ON break_glass(username, child, expires_at);
CREATE TABLE IF NOT EXISTS notices (
  id INTEGER PRIMARY KEY, agency TEXT NOT NULL, kind TEXT NOT NULL, child TEXT NOT NULL,
  username TEXT NOT NULL, role TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL,
  audit_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS notices_by_agency ON notices(agency, id);
)sql";

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::string AccessBasis::describe() const {
  return relationship ? "relationship" : "break-glass #" + std::to_string(grant.id);
}

Access::Access(const std::string& db_path, SharedStore& store, AuditLog& audit, const Clock& clock,
               std::int64_t grant_duration)
    : store_(store),
      audit_(audit),
      clock_(clock),
      grant_duration_(grant_duration),
      db_(std::make_unique<Connection>(db_path)) {
  db_->exec("PRAGMA journal_mode=WAL");
  db_->exec("PRAGMA synchronous=FULL");
  db_->exec(kSchema);
}

Access::~Access() = default;

bool Access::sees_identities(Role role) {
  return role == Role::kPractitioner || role == Role::kManager || role == Role::kSafeguardingLead;
}

bool Access::has_relationship(const std::string& agency, const Id& child) {
  if (agency.empty()) return false;
  if (store_.with([&](Store& s) { return s.involved(agency, child); })) return true;
  // An agency the safeguards make responsible for the child (the owner of an
  // alert about them) must be able to read the record to do the duty.
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT 1 FROM alerts WHERE child = ? AND owner = ? LIMIT 1");
  s.bind(1, child).bind(2, agency);
  return s.step();
}

std::optional<AccessBasis> Access::basis_for(const Account& account, const Id& child) {
  if (!sees_identities(account.role) || account.disabled) return std::nullopt;
  if (has_relationship(account.agency, child)) return AccessBasis{true, {}};
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT id, role, agency, reason, granted_at, expires_at FROM break_glass "
              "WHERE username = ? AND child = ? AND expires_at > ? ORDER BY id DESC LIMIT 1");
  s.bind(1, account.username).bind(2, child).bind(3, clock_.utc_seconds());
  if (!s.step()) return std::nullopt;
  AccessBasis basis;
  basis.grant = {s.column_int(0), account.username, s.column_text(1), s.column_text(2),
                 child,           s.column_text(3), s.column_int(4),  s.column_int(5)};
  return basis;
}

BreakGlassGrant Access::break_glass(const Account& account, const Id& child,
                                    const std::string& reason, const std::string& remote) {
  if (!sees_identities(account.role)) {
    throw AccessError(403, "forbidden", "your role does not see children's records");
  }
  const std::string why = trimmed(reason);
  if (why.size() < 10) {
    throw AccessError(400, "reason_required",
                      "reason: say why you need this record (at least 10 characters)");
  }
  if (why.size() > 2000) throw AccessError(400, "bad_request", "reason: at most 2000 characters");
  // Audited first: if the audit cannot be written, no access is granted.
  const AuditRecord record =
      audit_.append({account.username, std::string(to_string(account.role)), account.agency,
                     "child.break_glass", child, why, "from " + remote});
  const std::int64_t now = clock_.utc_seconds();
  BreakGlassGrant grant{
      0,   account.username,     std::string(to_string(account.role)), account.agency, child, why,
      now, now + grant_duration_};
  std::lock_guard lock(mutex_);
  db_->exec("BEGIN IMMEDIATE");
  try {
    Statement(*db_,
              "INSERT INTO break_glass(username, role, agency, child, reason, granted_at, "
              "expires_at) VALUES (?,?,?,?,?,?,?)")
        .bind(1, grant.username)
        .bind(2, grant.role)
        .bind(3, grant.agency)
        .bind(4, child)
        .bind(5, why)
        .bind(6, grant.granted_at)
        .bind(7, grant.expires_at)
        .run();
    grant.id = sqlite3_last_insert_rowid(db_->get());
    Statement(*db_,
              "INSERT INTO notices(agency, kind, child, username, role, reason, at, audit_seq) "
              "VALUES (?,?,?,?,?,?,?,?)")
        .bind(1, account.agency)
        .bind(2, "break_glass")
        .bind(3, child)
        .bind(4, grant.username)
        .bind(5, grant.role)
        .bind(6, why)
        .bind(7, record.at)
        .bind(8, record.seq)
        .run();
    db_->exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  return grant;
}

void Access::record_claimed_relationship(const Account& account, const Id& child,
                                         const std::string& remote, Connection& transaction) {
  const AuditRecord record = audit_.append_within(
      transaction, {account.username, std::string(to_string(account.role)), account.agency,
                    "child.relationship_claimed", child, "",
                    "first event about the child from this agency; from " + remote});
  Statement(transaction,
            "INSERT INTO notices(agency, kind, child, username, role, reason, at, audit_seq) "
            "VALUES (?,?,?,?,?,?,?,?)")
      .bind(1, account.agency)
      .bind(2, "relationship_claimed")
      .bind(3, child)
      .bind(4, account.username)
      .bind(5, to_string(account.role))
      .bind(6, "")
      .bind(7, record.at)
      .bind(8, record.seq)
      .run();
}

std::vector<Notice> Access::notices_for(const std::string& agency) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT id, agency, kind, child, username, role, reason, at, audit_seq FROM notices "
              "WHERE agency = ? ORDER BY id DESC LIMIT 500");
  s.bind(1, agency);
  std::vector<Notice> out;
  while (s.step()) {
    out.push_back({s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3),
                   s.column_text(4), s.column_text(5), s.column_text(6), s.column_text(7),
                   s.column_int(8)});
  }
  return out;
}

}  // namespace sightline::web
