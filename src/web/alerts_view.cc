#include "web/alerts_view.h"

#include "core/text.h"
#include "web/access.h"
#include "web/secrets.h"

namespace sightline::web {
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

AlertsView::AlertsView(AlertViewStore& store, AuditLog& audit) : store_(store), audit_(audit) {}

std::string AlertsView::id_of(const std::string& key) { return to_hex(sha256(key)).substr(0, 16); }

bool AlertsView::may_see(const Account& account, const std::string& owner) {
  if (!Access::sees_identities(account.role) || account.disabled || owner.empty()) return false;
  if (owner == account.agency) return true;
  const auto colon = owner.find(':');
  if (account.role != Role::kSafeguardingLead || colon == std::string::npos) return false;
  const std::string area = store_.area_of(account.agency);
  return !area.empty() && area == owner.substr(colon + 1);
}

AlertItem AlertsView::item_from(AlertRow row) {
  AlertItem item;
  item.id = id_of(row.record.key);
  item.record = std::move(row.record);
  item.status = row.status;
  return item;
}

AlertPage AlertsView::list(const AlertQuery& query) {
  AlertRowPage rows = store_.page(query);
  AlertPage page;
  page.total = rows.total;
  for (AlertRow& row : rows.rows) {
    AlertItem item = item_from(std::move(row));
    if (item.status != AlertStatus::kOpen)
      item.acknowledgements = store_.acknowledgements(item.record.key);
    page.alerts.push_back(std::move(item));
  }
  return page;
}

std::optional<AlertItem> AlertsView::find(const Account& account, const std::string& id) {
  if (id.size() != 16 || !Access::sees_identities(account.role) || account.disabled) {
    return std::nullopt;
  }
  // The owners the account may see: its agency and, for a lead, the
  // unowned alerts of its area.
  const std::string area =
      account.role == Role::kSafeguardingLead ? store_.area_of(account.agency) : std::string();
  for (const std::string& key : store_.keys_owned_by(account.agency, area)) {
    if (id_of(key) != id) continue;
    auto row = store_.alert(key);
    if (!row) return std::nullopt;  // removed meanwhile
    AlertItem item = item_from(std::move(*row));
    item.acknowledgements = store_.acknowledgements(key);
    return item;
  }
  return std::nullopt;
}

std::vector<AlertCount> AlertsView::counts(const std::string& owner) {
  return store_.counts(owner);
}

Expected<Acknowledgement> AlertsView::acknowledge(const Account& account, const AlertItem& alert,
                                                  const std::string& note,
                                                  const std::string& remote) {
  const std::string text = trimmed(note);
  if (text.empty()) {
    return Unexpected(field_error(ErrorCode::kNoteRequired, "note",
                                  "note: say what is being done about this alert"));
  }
  if (text.size() > 2000) {
    return Unexpected(field_error(ErrorCode::kBadRequest, "note", "note: at most 2000 characters"));
  }
  if (alert.status == AlertStatus::kResolved) {
    return Unexpected(make_error(ErrorCode::kAlreadyResolved,
                                 "this alert was resolved by the event that did the duty"));
  }
  Acknowledgement ack{
      account.username, std::string(to_string(account.role)), account.agency, text, "", 0};
  // The acknowledgement and its audit record commit together, or neither.
  const auto transaction = store_.begin();
  const AuditRecord record = audit_.append_within(
      *transaction,
      {account.username, ack.role, account.agency, "alert.acknowledged", alert.record.child, text,
       "alert " + alert.id + " (" + alert.record.rule + "); from " + remote});
  ack.at = record.at;
  ack.audit_seq = record.seq;
  store_.add_acknowledgement(*transaction, alert.record.key, ack);
  transaction->commit();
  return ack;
}

}  // namespace sightline::web
