#include "store/sqlite/sqlite_alert_view_store.h"

#include "store/sqlite/service_connection.h"
#include "store/sqlite/sqlite_transaction.h"

namespace sightline::sqlite {
namespace {

// Whether the alert `a` has an acknowledgement, as an SQL expression.
constexpr const char* kAcknowledged =
    "EXISTS (SELECT 1 FROM alert_acknowledgements k WHERE k.alert_key = a.key)";

std::string status_condition(const std::set<AlertStatus>& statuses) {
  std::set<AlertStatus> wanted = statuses;
  if (wanted.empty()) wanted = {AlertStatus::kOpen, AlertStatus::kAcknowledged};
  std::string out;
  for (AlertStatus s : wanted) {
    if (!out.empty()) out += " OR ";
    switch (s) {
      case AlertStatus::kOpen:
        out += std::string("(a.resolved IS NULL AND NOT ") + kAcknowledged + ")";
        break;
      case AlertStatus::kAcknowledged:
        out += std::string("(a.resolved IS NULL AND ") + kAcknowledged + ")";
        break;
      case AlertStatus::kResolved:
        out += "a.resolved IS NOT NULL";
        break;
    }
  }
  return "(" + out + ")";
}

// The alert's columns, then whether it is acknowledged.
const std::string kSelectAlerts =
    std::string("SELECT a.key, a.rule, a.child, a.owner, a.raised, ") +
    "a.due, a.level, a.resolved, a.json, " + kAcknowledged + " FROM alerts a";

AlertRow row_from(const Statement& s) {
  AlertRow row;
  row.record = AlertRecord{s.column_text(0), s.column_text(1), s.column_text(2),
                           s.column_text(3), s.column_text(4), s.column_text(5),
                           s.column_text(6), s.column_text(7), s.column_text(8)};
  row.status = !row.record.resolved.empty() ? AlertStatus::kResolved
               : s.column_int(9) != 0       ? AlertStatus::kAcknowledged
                                            : AlertStatus::kOpen;
  return row;
}

}  // namespace

SqliteAlertViewStore::SqliteAlertViewStore(const std::string& path)
    : db_(open_service_connection(path)) {}

AlertRowPage SqliteAlertViewStore::page(const AlertQuery& query) {
  const std::string where =
      " WHERE a.owner = ? AND (? = '' OR a.child = ?) AND (? = '' OR EXISTS (SELECT 1 FROM "
      "alert_acknowledgements k WHERE k.alert_key = a.key AND k.username = ?)) AND " +
      status_condition(query.statuses);
  AlertRowPage page;
  std::lock_guard lock(mutex_);
  {
    Statement count(*db_, ("SELECT count(*) FROM alerts a" + where).c_str());
    count.bind(1, query.owner)
        .bind(2, query.child)
        .bind(3, query.child)
        .bind(4, query.acknowledged_by)
        .bind(5, query.acknowledged_by);
    count.step();
    page.total = count.column_int(0);
  }
  Statement rows(*db_, (kSelectAlerts + where +
                        " ORDER BY a.resolved IS NOT NULL, a.raised, a.rule, a.child, a.key "
                        "LIMIT ? OFFSET ?")
                           .c_str());
  rows.bind(1, query.owner)
      .bind(2, query.child)
      .bind(3, query.child)
      .bind(4, query.acknowledged_by)
      .bind(5, query.acknowledged_by)
      .bind(6, static_cast<std::int64_t>(query.limit))
      .bind(7, static_cast<std::int64_t>(query.offset));
  while (rows.step()) page.rows.push_back(row_from(rows));
  return page;
}

std::vector<std::string> SqliteAlertViewStore::keys_owned_by(const std::string& agency,
                                                             const std::string& area) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT a.key FROM alerts a WHERE a.owner = ?1 OR (?2 <> '' AND a.owner LIKE '%:' "
              "|| ?2)");
  s.bind(1, agency).bind(2, area);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

std::optional<AlertRow> SqliteAlertViewStore::alert(const std::string& key) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, (kSelectAlerts + " WHERE a.key = ?").c_str());
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return row_from(s);
}

std::vector<AlertCount> SqliteAlertViewStore::counts(const std::string& owner) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, (std::string("SELECT a.owner, a.rule, a.level, CASE WHEN a.resolved IS NOT "
                                 "NULL THEN 2 WHEN ") +
                     kAcknowledged +
                     " THEN 1 ELSE 0 END AS status, count(*) FROM alerts a WHERE (?1 = '' OR "
                     "a.owner = ?1) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
                        .c_str());
  s.bind(1, owner);
  std::vector<AlertCount> out;
  while (s.step()) {
    out.push_back({s.column_text(0), s.column_text(1), s.column_text(2),
                   static_cast<AlertStatus>(s.column_int(3)), s.column_int(4)});
  }
  return out;
}

std::string SqliteAlertViewStore::area_of(const std::string& agency) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT area FROM p_agencies WHERE id = ?");
  s.bind(1, agency);
  return s.step() ? s.column_text(0) : std::string();
}

std::vector<Acknowledgement> SqliteAlertViewStore::acknowledgements(const std::string& key) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT username, role, agency, note, at, audit_seq FROM alert_acknowledgements "
              "WHERE alert_key = ? ORDER BY id");
  s.bind(1, key);
  std::vector<Acknowledgement> out;
  while (s.step()) {
    out.push_back({s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3),
                   s.column_text(4), s.column_int(5)});
  }
  return out;
}

std::unique_ptr<Transaction> SqliteAlertViewStore::begin() {
  return std::make_unique<SqliteTransaction>(*db_, TransactionMode::kWrite,
                                             std::unique_lock(mutex_));
}

void SqliteAlertViewStore::add_acknowledgement(Transaction& transaction, const std::string& key,
                                               const Acknowledgement& ack) {
  Statement(connection_of(transaction, *db_),
            "INSERT INTO alert_acknowledgements(alert_key, username, role, agency, note, at, "
            "audit_seq) VALUES (?,?,?,?,?,?,?)")
      .bind(1, key)
      .bind(2, ack.username)
      .bind(3, ack.role)
      .bind(4, ack.agency)
      .bind(5, ack.note)
      .bind(6, ack.at)
      .bind(7, ack.audit_seq)
      .run();
}

}  // namespace sightline::sqlite
