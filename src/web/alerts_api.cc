#include "web/alerts_api.h"

#include <nlohmann/json.hpp>
#include <set>

#include "web/api_error.h"
#include "web/json_body.h"

namespace sightline::web {
namespace {

using nlohmann::json;

constexpr std::size_t kDefaultLimit = 50;
constexpr std::size_t kMaxLimit = 200;

json acknowledgement_json(const Acknowledgement& a) {
  return {{"user", a.username}, {"role", a.role}, {"agency", a.agency},
          {"note", a.note},     {"at", a.at},     {"audit_seq", a.audit_seq}};
}

// The alert as the catalogue prints it, with what people add to it.
json alert_json(const AlertItem& item, SharedStore& store) {
  json out = json::parse(item.record.json, nullptr, false);
  if (!out.is_object()) out = json::object();
  out["id"] = item.id;
  out["status"] = to_string(item.status);
  const auto person =
      store.with([&](Store& s) { return s.person(item.record.child, std::nullopt); });
  out["child_name"] = person ? json(person->display_name()) : json(nullptr);
  json acks = json::array();
  for (const Acknowledgement& a : item.acknowledgements) acks.push_back(acknowledgement_json(a));
  out["acknowledgements"] = acks;
  return out;
}

void audit_children(AuditLog& audit, const SessionInfo& session,
                    const std::vector<AlertItem>& items, const Request& request) {
  std::set<std::string> children;
  for (const AlertItem& item : items) {
    if (!children.insert(item.record.child).second) continue;
    audit.append({session.account.username, std::string(to_string(session.account.role)),
                  session.account.agency, "child.alerts_read", item.record.child, "",
                  "alert owner " + item.record.owner + "; from " + request.remote});
  }
}

}  // namespace

Response AlertsApi::list(const Request& request, const SessionInfo& session) const {
  const Account& account = session.account;
  if (account.role == Role::kAdministrator) {
    return error_response(ErrorCode::kForbidden, "administrators do not see alerts");
  }
  const std::string owner = request.query_param("owner").value_or(
      account.role == Role::kPartnershipAnalyst ? std::string() : account.agency);
  if (account.role == Role::kPartnershipAnalyst) {
    json counts = json::array();
    std::int64_t total = 0;
    for (const AlertCount& c : alerts.counts(owner)) {
      counts.push_back({{"owner", c.owner},
                        {"rule", c.rule},
                        {"level", c.level},
                        {"status", to_string(c.status)},
                        {"count", c.count}});
      total += c.count;
    }
    return json_response(200, json{{"counts", counts}, {"total", total}}.dump());
  }
  if (!alerts.may_see(account, owner)) {
    return error_response(ErrorCode::kForbidden,
                          "owner: you see the alerts of your own agency (and, as a safeguarding "
                          "lead, the unowned alerts of its area)");
  }
  AlertQuery query;
  query.owner = owner;
  query.child = request.query_param("child").value_or("");
  // "me" is the caller; anyone else by username (acknowledgements name who
  // made them to everyone who sees the alert).
  query.acknowledged_by = request.query_param("acknowledged_by").value_or("");
  if (query.acknowledged_by == "me") query.acknowledged_by = account.username;
  if (const auto text = request.query_param("status")) {
    std::size_t start = 0;
    while (start <= text->size()) {
      const auto comma = text->find(',', start);
      const std::string part =
          text->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      const auto status = alert_status_from_string(part);
      if (!status) {
        return error_response(ErrorCode::kBadRequest,
                              "status: expected open, acknowledged or resolved (comma-separated)");
      }
      query.statuses.insert(*status);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  const auto limit = count_param(request, "limit", kDefaultLimit, 1, kMaxLimit);
  const auto offset = count_param(request, "offset", 0, 0, 100'000'000);
  if (!limit) return error_response(ErrorCode::kBadRequest, "limit: expected 1 to 200");
  if (!offset) return error_response(ErrorCode::kBadRequest, "offset: expected a count from 0");
  query.limit = *limit;
  query.offset = *offset;
  const AlertPage page = alerts.list(query);
  json list = json::array();
  for (const AlertItem& item : page.alerts) list.push_back(alert_json(item, store));
  json statuses = json::array();
  if (query.statuses.empty()) {
    statuses = {"open", "acknowledged"};
  } else {
    for (AlertStatus s : query.statuses) statuses.push_back(to_string(s));
  }
  audit_children(audit, session, page.alerts, request);
  json out = {{"owner", owner},       {"status", statuses},     {"total", page.total},
              {"limit", query.limit}, {"offset", query.offset}, {"alerts", list}};
  if (!query.acknowledged_by.empty()) out["acknowledged_by"] = query.acknowledged_by;
  return json_response(200, out.dump());
}

Response AlertsApi::acknowledge(const Request& request, const std::string& id,
                                const SessionInfo& session) const {
  if (!Access::sees_identities(session.account.role)) {
    return error_response(ErrorCode::kForbidden, "your role does not acknowledge alerts");
  }
  if (!declares_json(request)) {
    return error_response(ErrorCode::kUnsupportedMediaType, "the body must be application/json");
  }
  const json body = parse_json_body(request.body);
  if (!body.is_object())
    return error_response(ErrorCode::kBadJson, "the body must be one JSON object");
  for (const auto& [key, value] : body.items()) {
    if (key != "note") return error_response(ErrorCode::kBadRequest, key + ": unknown field");
  }
  if (!body.contains("note") || !body["note"].is_string()) {
    return error_response(ErrorCode::kNoteRequired,
                          "note: say what is being done about this alert");
  }
  const auto alert = alerts.find(session.account, id);
  if (!alert) return error_response(ErrorCode::kNotFound, "no such alert among those you see");
  const Expected<Acknowledgement> acknowledged =
      alerts.acknowledge(session.account, *alert, body["note"].get<std::string>(), request.remote);
  if (!acknowledged) return error_response(acknowledged.error());
  const auto now = alerts.find(session.account, id);
  if (!now) return error_response(ErrorCode::kNotFound, "no such alert among those you see");
  return json_response(201, alert_json(*now, store).dump());
}

}  // namespace sightline::web
