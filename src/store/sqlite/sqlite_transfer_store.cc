#include "store/sqlite/sqlite_transfer_store.h"

#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {
namespace {

// A transfer of a child recorded as having died awaits nothing: no answer and
// no sighting.
constexpr const char* kChildAlive =
    "AND NOT EXISTS (SELECT 1 FROM p_life_events d WHERE "
    "d.person = json_extract(e.json, '$.child') AND d.what = 'died') ";

// Each expression and condition as the store's partial indexes name it, so
// that SQLite uses them.
std::string unanswered_sql(const char* side) {
  return std::string(
             "SELECT e.seq, e.json, e.at, e.recorded, e.at_s FROM events e "
             "WHERE e.type = 'transfer' AND json_extract(e.json, '$.") +
         side + "') = ?1 " + kChildAlive +
         "AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'transfer_accepted' AND "
         "json_extract(r.json, '$.transfer') = json_extract(e.json, '$.id')) "
         "AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'transfer_declined' AND "
         "json_extract(r.json, '$.transfer') = json_extract(e.json, '$.id')) "
         "ORDER BY e.at_s, e.seq";
}

// Transfers accepted, but never with the child seen, and not declined; with
// the first acceptance's `at`.
std::string accepted_unseen_sql(const char* side) {
  return std::string(
             "SELECT e.seq, e.json, e.at, e.recorded, e.at_s, "
             "(SELECT a.at FROM events a WHERE a.type = 'transfer_accepted' AND "
             "json_extract(a.json, '$.transfer') = json_extract(e.json, '$.id') "
             "ORDER BY a.at_s, a.seq LIMIT 1) FROM events e "
             "WHERE e.type = 'transfer' AND json_extract(e.json, '$.") +
         side + "') = ?1 " + kChildAlive +
         "AND EXISTS (SELECT 1 FROM events r WHERE r.type = 'transfer_accepted' AND "
         "json_extract(r.json, '$.transfer') = json_extract(e.json, '$.id')) "
         "AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'transfer_accepted' AND "
         "json_extract(r.json, '$.transfer') = json_extract(e.json, '$.id') AND "
         "json_extract(r.json, '$.child_seen') = 1) "
         "AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'transfer_declined' AND "
         "json_extract(r.json, '$.transfer') = json_extract(e.json, '$.id')) "
         "ORDER BY e.at_s, e.seq";
}

// A transfer about the same child between the same agencies sent after the
// one at (?4, ?5).
constexpr const char* kLaterSql =
    "SELECT 1 FROM events l WHERE l.type = 'transfer' AND json_extract(l.json, '$.to') = ?1 "
    "AND json_extract(l.json, '$.child') = ?2 AND json_extract(l.json, '$.from') = ?3 "
    "AND (l.at_s > ?4 OR (l.at_s = ?4 AND l.seq > ?5)) LIMIT 1";

}  // namespace

SqliteTransferStore::SqliteTransferStore(const std::string& db_path)
    : db_(std::make_unique<Connection>(db_path)) {
  db_->exec("PRAGMA journal_mode=WAL");
}

SqliteTransferStore::~SqliteTransferStore() = default;

std::vector<StoredTransfer> SqliteTransferStore::unanswered_transfers(TransferSide side,
                                                                      const Id& agency) {
  std::lock_guard lock(mutex_);
  Statement rows(*db_, unanswered_sql(side == TransferSide::kReceiving ? "to" : "from").c_str());
  rows.bind(1, agency);
  std::vector<StoredTransfer> out;
  while (rows.step()) {
    out.push_back({rows.column_int(0), rows.column_text(1), rows.column_text(2),
                   rows.column_text(3), rows.column_int(4), ""});
  }
  return out;
}

std::vector<StoredTransfer> SqliteTransferStore::accepted_unseen_transfers(TransferSide side,
                                                                           const Id& agency) {
  std::lock_guard lock(mutex_);
  Statement rows(*db_,
                 accepted_unseen_sql(side == TransferSide::kReceiving ? "to" : "from").c_str());
  rows.bind(1, agency);
  std::vector<StoredTransfer> out;
  while (rows.step()) {
    out.push_back({rows.column_int(0), rows.column_text(1), rows.column_text(2),
                   rows.column_text(3), rows.column_int(4), rows.column_text(5)});
  }
  return out;
}

bool SqliteTransferStore::later_transfer_exists(const Id& from, const Id& to, const Id& child,
                                                std::int64_t at_s, std::int64_t seq) {
  std::lock_guard lock(mutex_);
  // Asked once for each transfer listed: prepared once.
  if (!later_) later_ = std::make_unique<Statement>(*db_, kLaterSql);
  Statement& later = *later_;
  const bool found =
      later.bind(1, to).bind(2, child).bind(3, from).bind(4, at_s).bind(5, seq).step();
  later.reset();
  return found;
}

}  // namespace sightline::sqlite
