#include "web/transfers_view.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_handle.h"
#include "web/stored_sightings.h"

namespace sightline::web {
namespace {

using nlohmann::json;
using sqlite::Connection;
using sqlite::Statement;

// Each expression and condition as the store's partial indexes name it, so
// that SQLite uses them.
std::string pending_sql(const char* side) {
  return std::string(
             "SELECT e.seq, e.json, e.at, e.recorded, e.at_s FROM events e "
             "WHERE e.type = 'transfer' AND json_extract(e.json, '$.") +
         side +
         "') = ?1 "
         "AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'transfer_accepted' AND "
         "json_extract(r.json, '$.transfer') = json_extract(e.json, '$.id')) "
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

std::string text_of(const json& j, const char* field, const char* fallback = "") {
  const auto it = j.find(field);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
}

}  // namespace

TransfersView::TransfersView(const std::string& db_path)
    : db_(std::make_unique<Connection>(db_path)) {
  db_->exec("PRAGMA journal_mode=WAL");
}

TransfersView::~TransfersView() = default;

std::vector<PendingTransfer> TransfersView::awaiting(const std::string& agency) {
  std::lock_guard lock(mutex_);
  std::vector<PendingTransfer> out;
  for (const char* direction : {"incoming", "outgoing"}) {
    const bool incoming = direction[0] == 'i';
    Statement rows(*db_, pending_sql(incoming ? "to" : "from").c_str());
    rows.bind(1, agency);
    std::vector<std::pair<PendingTransfer, std::int64_t>> found;  // with at_s
    while (rows.step()) {
      const json event = json::parse(rows.column_text(1), nullptr, false);
      if (!event.is_object()) continue;
      PendingTransfer t;
      t.seq = rows.column_int(0);
      t.direction = direction;
      t.id = text_of(event, "id");
      t.child = text_of(event, "child");
      t.from = text_of(event, "from");
      t.to = text_of(event, "to");
      t.status = text_of(event, "status");
      t.summary = text_of(event, "summary");
      t.mode = text_of(event, "mode", "written");
      if (const auto it = event.find("risks"); it != event.end() && it->is_array()) {
        for (const auto& r : *it) {
          if (r.is_string()) t.risks.push_back(r.get<std::string>());
        }
      }
      t.sent = rows.column_text(2);
      t.recorded = rows.column_text(3);
      found.emplace_back(std::move(t), rows.column_int(4));
    }
    rows.reset();
    Statement later(*db_, kLaterSql);
    StoredSightings seen(*db_);
    for (auto& [t, at_s] : found) {
      // A later transfer between the same agencies about the same child
      // (answered or not) supersedes this one.
      later.bind(1, t.to).bind(2, t.child).bind(3, t.from).bind(4, at_s).bind(5, t.seq);
      const bool superseded = later.step();
      later.reset();
      if (superseded) continue;
      const std::vector<StoredSighting> since = seen.of(t.child, at_s - at_s % 86400);
      t.child_seen_by_receiver = std::any_of(since.begin(), since.end(),
                                             [&](const StoredSighting& s) { return s.by == t.to; });
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace sightline::web
