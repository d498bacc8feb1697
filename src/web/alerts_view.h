// The safeguards' alerts as people work with them: an agency's alerts, by
// status, a page at a time, and their acknowledgements. The JSON API
// (alerts_api.h) and the pages both use this class; it checks who may see an
// owner's alerts but writes nothing to the audit log except acknowledgements
// (a caller that shows children audits each one as a record read).
//
// - The alerts are those the live safeguards keep in the store's `alerts`
//   table (service/live_safeguards.h). Each has a short stable `id`, derived
//   from its occurrence key, so it keeps its id however often the alerts are
//   saved.
// - Status: `resolved` once the event that does the duty has been recorded;
//   otherwise `acknowledged` once someone of the owning agency acknowledged
//   it, else `open`. Acknowledging never resolves an alert: it says someone
//   has taken it on, with a note, and the alert keeps escalating until the
//   duty is done.
// - Who sees an owner's alerts: practitioners, managers and safeguarding
//   leads of the owning agency. An alert that no agency could own (owner
//   `KIND:AREA`, catalogue C1) is seen by the safeguarding leads of the
//   agencies of that area. Partnership analysts see counts only.
//
// The alerts and acknowledgements are kept by an AlertViewStore
// (store/alert_view_store.h).
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "store/alert_view_store.h"
#include "store/store.h"
#include "web/accounts.h"
#include "web/audit_log.h"

namespace sightline::web {

using sightline::Acknowledgement;
using sightline::AlertCount;
using sightline::AlertQuery;
using sightline::AlertStatus;
std::string_view to_string(AlertStatus status);
std::optional<AlertStatus> alert_status_from_string(std::string_view text);

struct AlertItem {
  std::string id;  // 16 hex digits
  AlertRecord record;
  AlertStatus status = AlertStatus::kOpen;
  std::vector<Acknowledgement> acknowledgements;  // oldest first
};

struct AlertPage {
  std::vector<AlertItem> alerts;  // oldest raised first
  std::int64_t total = 0;         // matching the query, across every page
};

class AlertsView {
 public:
  AlertsView(AlertViewStore& store, AuditLog& audit);
  AlertsView(const AlertsView&) = delete;
  AlertsView& operator=(const AlertsView&) = delete;

  // The id an alert with this occurrence key has.
  static std::string id_of(const std::string& key);

  // True when the account may list the alerts of `owner` (see above).
  bool may_see(const Account& account, const std::string& owner);
  AlertPage list(const AlertQuery& query);
  // The alert with this id among those the account may see, if any.
  std::optional<AlertItem> find(const Account& account, const std::string& id);
  // Counts by owner, rule, level and status (optionally for one owner).
  std::vector<AlertCount> counts(const std::string& owner = "");
  // Records that the account has taken the alert on. Refuses with
  // kNoteRequired for a blank note (kBadRequest over 2,000 characters),
  // kAlreadyResolved for a resolved alert. Audited ("alert.acknowledged",
  // with the note) in the same transaction.
  Expected<Acknowledgement> acknowledge(const Account& account, const AlertItem& alert,
                                        const std::string& note, const std::string& remote);

 private:
  AlertItem item_from(AlertRow row);

  AlertViewStore& store_;
  AuditLog& audit_;
};

}  // namespace sightline::web
