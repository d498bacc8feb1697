#include "store/sqlite/sqlite_audit_store.h"

#include "store/sqlite/service_connection.h"
#include "store/sqlite/sqlite_transaction.h"

namespace sightline::sqlite {
namespace {

constexpr const char* kSelectRecords =
    "SELECT seq, at, user, role, agency, action, child, reason, detail, prev_hash, hash "
    "FROM audit_log";

AuditRecord record_from(const Statement& s) {
  AuditRecord r;
  r.seq = s.column_int(0);
  r.at = s.column_text(1);
  r.entry = {s.column_text(2), s.column_text(3), s.column_text(4), s.column_text(5),
             s.column_text(6), s.column_text(7), s.column_text(8)};
  r.prev_hash = s.column_text(9);
  r.hash = s.column_text(10);
  return r;
}

std::int64_t count_of(Connection& db, const char* sql) {
  Statement s(db, sql);
  s.step();
  return s.column_int(0);
}

}  // namespace

SqliteAuditStore::SqliteAuditStore(const std::string& path)
    : SqliteAuditStore(open_service_connection(path)) {}

SqliteAuditStore::SqliteAuditStore(std::unique_ptr<Connection> db) : db_(std::move(db)) {}

std::unique_ptr<SqliteAuditStore> SqliteAuditStore::open_as_is(const std::string& path) {
  return std::unique_ptr<SqliteAuditStore>(
      new SqliteAuditStore(std::make_unique<Connection>(path)));
}

std::unique_ptr<Transaction> SqliteAuditStore::begin() {
  return std::make_unique<SqliteTransaction>(*db_, TransactionMode::kWrite,
                                             std::unique_lock(mutex_));
}

std::optional<AuditRecord> SqliteAuditStore::last(Transaction& transaction) {
  Statement s(connection_of(transaction, *db_),
              (std::string(kSelectRecords) + " ORDER BY seq DESC LIMIT 1").c_str());
  if (!s.step()) return std::nullopt;
  return record_from(s);
}

void SqliteAuditStore::append(Transaction& transaction, const AuditRecord& r) {
  Statement insert(connection_of(transaction, *db_),
                   "INSERT INTO audit_log(seq, at, user, role, agency, action, child, reason, "
                   "detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, r.seq).bind(2, r.at).bind(3, r.entry.user).bind(4, r.entry.role);
  insert.bind(5, r.entry.agency).bind(6, r.entry.action).bind(7, r.entry.child);
  insert.bind(8, r.entry.reason).bind(9, r.entry.detail).bind(10, r.prev_hash).bind(11, r.hash);
  insert.run();
}

void SqliteAuditStore::set_head(Transaction& transaction, const AuditHead& head) {
  Statement(connection_of(transaction, *db_),
            "INSERT OR REPLACE INTO audit_head(id, seq, hash, signature) VALUES (1,?,?,?)")
      .bind(1, head.seq)
      .bind(2, head.hash)
      .bind(3, head.signature)
      .run();
}

bool SqliteAuditStore::empty() {
  std::lock_guard lock(mutex_);
  Statement any(*db_, "SELECT 1 FROM audit_log LIMIT 1");
  return !any.step();
}

std::optional<AuditHead> SqliteAuditStore::head() {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT seq, hash, signature FROM audit_head WHERE id = 1");
  if (!s.step()) return std::nullopt;
  return AuditHead{s.column_int(0), s.column_text(1), s.column_text(2)};
}

std::vector<AuditRecord> SqliteAuditStore::records_about(const std::string& child) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, (std::string(kSelectRecords) + " WHERE child = ? ORDER BY seq").c_str());
  s.bind(1, child);
  std::vector<AuditRecord> out;
  while (s.step()) out.push_back(record_from(s));
  return out;
}

void SqliteAuditStore::for_each_record(const std::function<void(const AuditRecord&)>& visit) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, (std::string(kSelectRecords) + " ORDER BY seq").c_str());
  while (s.step()) visit(record_from(s));
}

AuditStorage SqliteAuditStore::storage() {
  std::lock_guard lock(mutex_);
  AuditStorage storage;
  storage.has_log =
      count_of(*db_, "SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'") == 1;
  storage.complete = count_of(*db_,
                              "SELECT count(*) FROM sqlite_master WHERE name IN ('audit_log', "
                              "'audit_head', 'audit_log_append_only_update', "
                              "'audit_log_append_only_delete')") == 4;
  return storage;
}

}  // namespace sightline::sqlite
