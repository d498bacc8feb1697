#include "store/sqlite/sqlite_sighting_store.h"

#include "chronology/sightings.h"
#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {
namespace {

// The person's events, at or after ?2, of the types that may show a child seen.
std::string candidates_sql() {
  std::string types;
  for (int t = 0; t < kEventTypeCount; ++t) {
    const auto type = static_cast<EventType>(t);
    if (!may_show_seen(type)) continue;
    types += (types.empty() ? "'" : ",'") + std::string(to_string(type)) + "'";
  }
  return "SELECT DISTINCT e.seq, e.at_s, e.json FROM p_event_persons ep "
         "JOIN events e ON e.seq = ep.seq WHERE ep.person = ?1 AND e.at_s >= ?2 "
         "AND e.type IN (" +
         types + ") ORDER BY e.at_s, e.seq";
}

constexpr const char* kTransferSql =
    "SELECT e.seq, e.json FROM p_ids i JOIN events e ON e.seq = i.seq "
    "WHERE i.id = ?1 AND e.type = 'transfer'";

// Resets `s` however the scope is left, so that no read stays open.
struct ResetOnExit {
  Statement& s;
  ~ResetOnExit() { s.reset(); }
};

}  // namespace

SqliteSightingStore::SqliteSightingStore(const std::string& db_path)
    : owned_(std::make_unique<Connection>(db_path)), db_(*owned_) {
  db_.exec("PRAGMA journal_mode=WAL");
}

SqliteSightingStore::SqliteSightingStore(Connection& db) : db_(db) {}

SqliteSightingStore::~SqliteSightingStore() = default;

std::vector<DatedStoredEvent> SqliteSightingStore::sighting_candidates(const Id& person,
                                                                       std::int64_t since_s) {
  std::lock_guard lock(mutex_);
  if (!candidates_) candidates_ = std::make_unique<Statement>(db_, candidates_sql().c_str());
  Statement& q = *candidates_;
  const ResetOnExit reset{q};
  q.bind(1, person).bind(2, since_s);
  std::vector<DatedStoredEvent> out;
  while (q.step()) out.push_back({q.column_int(0), q.column_int(1), q.column_text(2)});
  return out;
}

std::optional<StoredEvent> SqliteSightingStore::transfer(std::string_view id) {
  std::lock_guard lock(mutex_);
  if (!transfer_) transfer_ = std::make_unique<Statement>(db_, kTransferSql);
  Statement& q = *transfer_;
  const ResetOnExit reset{q};
  if (!q.bind(1, id).step()) return std::nullopt;
  return StoredEvent{q.column_int(0), q.column_text(1)};
}

}  // namespace sightline::sqlite
