#include "store/sqlite/sqlite_access_store.h"

#include "store/sqlite/service_connection.h"
#include "store/sqlite/sqlite_transaction.h"

namespace sightline::sqlite {
namespace {

void insert_notice(Connection& db, const AccessNotice& n) {
  Statement(db,
            "INSERT INTO notices(agency, kind, child, username, role, reason, at, audit_seq) "
            "VALUES (?,?,?,?,?,?,?,?)")
      .bind(1, n.agency)
      .bind(2, n.kind)
      .bind(3, n.child)
      .bind(4, n.username)
      .bind(5, n.role)
      .bind(6, n.reason)
      .bind(7, n.at)
      .bind(8, n.audit_seq)
      .run();
}

}  // namespace

SqliteAccessStore::SqliteAccessStore(const std::string& path)
    : db_(open_service_connection(path)) {}

std::optional<BreakGlassGrant> SqliteAccessStore::live_grant(const std::string& username,
                                                             const std::string& child,
                                                             std::int64_t now) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT id, role, agency, reason, granted_at, expires_at FROM break_glass "
              "WHERE username = ? AND child = ? AND expires_at > ? ORDER BY id DESC LIMIT 1");
  s.bind(1, username).bind(2, child).bind(3, now);
  if (!s.step()) return std::nullopt;
  return BreakGlassGrant{s.column_int(0), username,         s.column_text(1), s.column_text(2),
                         child,           s.column_text(3), s.column_int(4),  s.column_int(5)};
}

std::int64_t SqliteAccessStore::add_break_glass(const BreakGlassGrant& grant,
                                                const std::vector<AccessNotice>& notices) {
  std::lock_guard lock(mutex_);
  SqliteTransaction transaction(*db_, TransactionMode::kWrite);
  Statement(*db_,
            "INSERT INTO break_glass(username, role, agency, child, reason, granted_at, "
            "expires_at) VALUES (?,?,?,?,?,?,?)")
      .bind(1, grant.username)
      .bind(2, grant.role)
      .bind(3, grant.agency)
      .bind(4, grant.child)
      .bind(5, grant.reason)
      .bind(6, grant.granted_at)
      .bind(7, grant.expires_at)
      .run();
  const std::int64_t id = sqlite3_last_insert_rowid(db_->get());
  for (const AccessNotice& notice : notices) insert_notice(*db_, notice);
  transaction.commit();
  return id;
}

void SqliteAccessStore::add_notice(Transaction& transaction, const AccessNotice& notice) {
  insert_notice(connection_of(transaction, *db_), notice);
}

std::vector<AccessNotice> SqliteAccessStore::notices_for(const std::string& agency,
                                                         std::size_t limit) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT id, agency, kind, child, username, role, reason, at, audit_seq FROM notices "
              "WHERE agency = ? ORDER BY id DESC LIMIT ?");
  s.bind(1, agency).bind(2, static_cast<std::int64_t>(limit));
  std::vector<AccessNotice> out;
  while (s.step()) {
    out.push_back({s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3),
                   s.column_text(4), s.column_text(5), s.column_text(6), s.column_text(7),
                   s.column_int(8)});
  }
  return out;
}

bool SqliteAccessStore::owns_alert_about(const std::string& agency, const std::string& child) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT 1 FROM alerts WHERE child = ? AND owner = ? LIMIT 1");
  s.bind(1, child).bind(2, agency);
  return s.step();
}

}  // namespace sightline::sqlite
