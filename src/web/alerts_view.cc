#include "web/alerts_view.h"

#include "store/sqlite/sqlite_handle.h"
#include "web/access.h"
#include "web/secrets.h"

namespace sightline::web {
namespace {

using sqlite::Connection;
using sqlite::Statement;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS alert_acknowledgements (
  id INTEGER PRIMARY KEY, alert_key TEXT NOT NULL, username TEXT NOT NULL, role TEXT NOT NULL,
  agency TEXT NOT NULL, note TEXT NOT NULL, at TEXT NOT NULL, audit_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS alert_acknowledgements_by_alert
  ON alert_acknowledgements(alert_key, id);
)sql";

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

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

constexpr const char* kAlertColumns =
    "a.key, a.rule, a.child, a.owner, a.raised, a.due, a.level, a.resolved, a.json";

AlertRecord record_from(const Statement& s) {
  return AlertRecord{s.column_text(0), s.column_text(1), s.column_text(2),
                     s.column_text(3), s.column_text(4), s.column_text(5),
                     s.column_text(6), s.column_text(7), s.column_text(8)};
}

}  // namespace

std::string_view to_string(AlertStatus status) {
  switch (status) {
    case AlertStatus::kOpen:
      return "open";
    case AlertStatus::kAcknowledged:
      return "acknowledged";
    case AlertStatus::kResolved:
      return "resolved";
  }
  return "open";
}

std::optional<AlertStatus> alert_status_from_string(std::string_view text) {
  for (AlertStatus s : {AlertStatus::kOpen, AlertStatus::kAcknowledged, AlertStatus::kResolved}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

AlertsView::AlertsView(const std::string& db_path, AuditLog& audit)
    : audit_(audit), db_(std::make_unique<Connection>(db_path)) {
  db_->exec("PRAGMA journal_mode=WAL");
  db_->exec("PRAGMA synchronous=FULL");
  db_->exec(kSchema);
}

AlertsView::~AlertsView() = default;

std::string AlertsView::id_of(const std::string& key) { return to_hex(sha256(key)).substr(0, 16); }

bool AlertsView::may_see(const Account& account, const std::string& owner) {
  if (!Access::sees_identities(account.role) || account.disabled || owner.empty()) return false;
  if (owner == account.agency) return true;
  const auto colon = owner.find(':');
  if (account.role != Role::kSafeguardingLead || colon == std::string::npos) return false;
  std::lock_guard lock(mutex_);
  const std::string area = area_of(account.agency);
  return !area.empty() && area == owner.substr(colon + 1);
}

std::string AlertsView::area_of(const std::string& agency) {
  Statement s(*db_, "SELECT area FROM p_agencies WHERE id = ?");
  s.bind(1, agency);
  return s.step() ? s.column_text(0) : std::string();
}

AlertPage AlertsView::list(const AlertQuery& query) {
  const std::string where = " FROM alerts a WHERE a.owner = ? AND (? = '' OR a.child = ?) AND " +
                            status_condition(query.statuses);
  AlertPage page;
  std::lock_guard lock(mutex_);
  {
    Statement count(*db_, ("SELECT count(*)" + where).c_str());
    count.bind(1, query.owner).bind(2, query.child).bind(3, query.child);
    count.step();
    page.total = count.column_int(0);
  }
  Statement rows(*db_, (std::string("SELECT ") + kAlertColumns + ", " + kAcknowledged + where +
                        " ORDER BY a.resolved IS NOT NULL, a.raised, a.rule, a.child, a.key "
                        "LIMIT ? OFFSET ?")
                           .c_str());
  rows.bind(1, query.owner)
      .bind(2, query.child)
      .bind(3, query.child)
      .bind(4, static_cast<std::int64_t>(query.limit))
      .bind(5, static_cast<std::int64_t>(query.offset));
  while (rows.step()) {
    AlertItem item;
    item.record = record_from(rows);
    item.id = id_of(item.record.key);
    item.status = !item.record.resolved.empty() ? AlertStatus::kResolved
                  : rows.column_int(9) != 0     ? AlertStatus::kAcknowledged
                                                : AlertStatus::kOpen;
    page.alerts.push_back(std::move(item));
  }
  rows.reset();
  for (AlertItem& item : page.alerts) {
    if (item.status != AlertStatus::kOpen)
      item.acknowledgements = acknowledgements_of(item.record.key);
  }
  return page;
}

std::optional<AlertItem> AlertsView::find(const Account& account, const std::string& id) {
  if (id.size() != 16 || !Access::sees_identities(account.role) || account.disabled) {
    return std::nullopt;
  }
  std::lock_guard lock(mutex_);
  // The owners the account may see: its agency and, for a lead, the
  // unowned alerts of its area.
  const std::string area =
      account.role == Role::kSafeguardingLead ? area_of(account.agency) : std::string();
  Statement rows(*db_, (std::string("SELECT ") + kAlertColumns + ", " + kAcknowledged +
                        " FROM alerts a WHERE a.owner = ?1 OR (?2 <> '' AND a.owner LIKE '%:' "
                        "|| ?2)")
                           .c_str());
  rows.bind(1, account.agency).bind(2, area);
  while (rows.step()) {
    if (id_of(rows.column_text(0)) != id) continue;
    AlertItem item;
    item.record = record_from(rows);
    item.id = id;
    item.status = !item.record.resolved.empty() ? AlertStatus::kResolved
                  : rows.column_int(9) != 0     ? AlertStatus::kAcknowledged
                                                : AlertStatus::kOpen;
    rows.reset();
    item.acknowledgements = acknowledgements_of(item.record.key);
    return item;
  }
  return std::nullopt;
}

std::vector<AlertCount> AlertsView::counts(const std::string& owner) {
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

Acknowledgement AlertsView::acknowledge(const Account& account, const AlertItem& alert,
                                        const std::string& note, const std::string& remote) {
  const std::string text = trimmed(note);
  if (text.empty()) {
    throw AlertError(400, "note_required", "note: say what is being done about this alert");
  }
  if (text.size() > 2000) throw AlertError(400, "bad_request", "note: at most 2000 characters");
  if (alert.status == AlertStatus::kResolved) {
    throw AlertError(409, "already_resolved",
                     "this alert was resolved by the event that did the duty");
  }
  Acknowledgement ack{
      account.username, std::string(to_string(account.role)), account.agency, text, "", 0};
  std::lock_guard lock(mutex_);
  db_->exec("BEGIN IMMEDIATE");
  try {
    const AuditRecord record = audit_.append_within(
        *db_, {account.username, ack.role, account.agency, "alert.acknowledged", alert.record.child,
               text, "alert " + alert.id + " (" + alert.record.rule + "); from " + remote});
    ack.at = record.at;
    ack.audit_seq = record.seq;
    Statement(*db_,
              "INSERT INTO alert_acknowledgements(alert_key, username, role, agency, note, at, "
              "audit_seq) VALUES (?,?,?,?,?,?,?)")
        .bind(1, alert.record.key)
        .bind(2, ack.username)
        .bind(3, ack.role)
        .bind(4, ack.agency)
        .bind(5, ack.note)
        .bind(6, ack.at)
        .bind(7, ack.audit_seq)
        .run();
    db_->exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  return ack;
}

std::vector<Acknowledgement> AlertsView::acknowledgements_of(const std::string& key) {
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

}  // namespace sightline::web
