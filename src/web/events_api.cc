#include "web/events_api.h"

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "store/importer.h"
#include "store/sqlite/sqlite_handle.h"
#include "web/secrets.h"

namespace sightline::web {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using sqlite::Connection;
using sqlite::Statement;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS idempotency (
  username TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
  status INTEGER NOT NULL, response TEXT NOT NULL, created INTEGER NOT NULL,
  PRIMARY KEY (username, key)
) WITHOUT ROWID;
)sql";

constexpr std::size_t kMaxItems = 10'000;
constexpr std::int64_t kKeyLifetime = 24 * 3600;

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 200) return false;
  for (char c : key) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

// The person ids an event names.
std::set<std::string> persons_named(const ordered_json& item) {
  std::set<std::string> out;
  for (const char* field : {"child", "mother", "person", "other"}) {
    if (item.contains(field) && item[field].is_string()) out.insert(item[field].get<std::string>());
  }
  if (item.contains("persons") && item["persons"].is_array()) {
    for (const auto& p : item["persons"]) {
      if (p.is_string()) out.insert(p.get<std::string>());
    }
  }
  return out;
}

Response faults_response(const json& faults) {
  json body = {{"error",
                {{"code", "invalid_events"},
                 {"message", "nothing was stored: " + std::to_string(faults.size()) + " fault" +
                                 (faults.size() == 1 ? "" : "s")}}},
               {"faults", faults}};
  return json_response(422, body.dump());
}

}  // namespace

EventsApi::EventsApi(const std::string& db_path, SharedStore& store, Access& access,
                     AuditLog& audit, const Clock& clock)
    : store_(store),
      access_(access),
      audit_(audit),
      clock_(clock),
      db_(std::make_unique<Connection>(db_path)) {
  db_->exec("PRAGMA journal_mode=WAL");
  db_->exec("PRAGMA synchronous=FULL");
  db_->exec(kSchema);
}

EventsApi::~EventsApi() = default;

Response EventsApi::post(const Request& request, const SessionInfo& session) {
  std::lock_guard lock(mutex_);
  const auto key_header = request.header("idempotency-key");
  if (!key_header) return apply(request, session);
  const std::string key(*key_header);
  if (!valid_key(key)) {
    return error_response(400, "bad_request", "Idempotency-Key: 1 to 200 visible ASCII characters");
  }
  const std::string request_hash = to_hex(sha256(request.body));
  Statement find(*db_,
                 "SELECT request_hash, status, response FROM idempotency "
                 "WHERE username = ? AND key = ?");
  if (find.bind(1, session.account.username).bind(2, key).step()) {
    if (find.column_text(0) != request_hash) {
      return error_response(422, "idempotency_key_reused",
                            "this Idempotency-Key was used with a different body");
    }
    Response replay = json_response(static_cast<int>(find.column_int(1)), find.column_text(2));
    replay.headers.emplace_back("Idempotent-Replayed", "true");
    return replay;
  }
  find.reset();
  Response response = apply(request, session);
  // Answers that depend on the moment (a server error) are not kept.
  if (response.status < 500) {
    // A key is remembered for a day: long enough for any client's retries.
    Statement(*db_, "DELETE FROM idempotency WHERE created < ?")
        .bind(1, clock_.utc_seconds() - kKeyLifetime)
        .run();
    Statement(*db_,
              "INSERT INTO idempotency(username, key, request_hash, status, response, created) "
              "VALUES (?,?,?,?,?,?)")
        .bind(1, session.account.username)
        .bind(2, key)
        .bind(3, request_hash)
        .bind(4, response.status)
        .bind(5, response.body)
        .bind(6, clock_.utc_seconds())
        .run();
  }
  return response;
}

Response EventsApi::apply(const Request& request, const SessionInfo& session) {
  const Account& account = session.account;
  if (account.role == Role::kPartnershipAnalyst) {
    return error_response(403, "forbidden", "your role does not record events");
  }
  if (!declares_json(request)) {
    return error_response(415, "unsupported_media_type", "the body must be application/json");
  }
  const ordered_json body = ordered_json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_array()) {
    return error_response(400, "bad_json", "the body must be a JSON array of events");
  }
  if (body.empty()) return error_response(400, "bad_request", "the batch has no events");
  if (body.size() > kMaxItems) {
    return error_response(413, "too_many_events",
                          "at most " + std::to_string(kMaxItems) + " events per batch");
  }
  // Who may report what is checked before anything is parsed into the store.
  json refusals = json::array();
  std::string lines;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const ordered_json& item = body[i];
    const json item_no = static_cast<std::int64_t>(i + 1);
    if (!item.is_object()) {
      refusals.push_back(
          {{"item", item_no}, {"field", "(json)"}, {"message", "expected an object"}});
      continue;
    }
    const std::string t = item.contains("type") && item["type"].is_string()
                              ? item["type"].get<std::string>()
                              : std::string();
    const bool reference = t == "agency" || t == "premises";
    if (reference && account.role != Role::kAdministrator) {
      refusals.push_back({{"item", item_no},
                          {"field", "type"},
                          {"message", "only an administrator records agencies and premises"}});
    } else if (!reference && account.role == Role::kAdministrator) {
      refusals.push_back({{"item", item_no},
                          {"field", "type"},
                          {"message", "an administrator records only agencies and premises"}});
    } else if (!reference && (!item.contains("by") || item["by"] != account.agency)) {
      refusals.push_back(
          {{"item", item_no},
           {"field", t.empty() ? "by" : t + ".by"},
           {"message", "you report for your own agency, \"" + account.agency + "\""}});
    }
    lines += item.dump() + "\n";
  }
  if (!refusals.empty()) {
    Response r = faults_response(refusals);
    r.status = 403;
    return r;
  }
  // Persons already known whom this agency had no relationship with: the
  // batch, once stored, gives it one, which is claimed openly.
  std::set<std::string> named;
  for (const ordered_json& item : body) {
    if (item.is_object()) named.merge(persons_named(item));
  }
  std::vector<std::string> claimed;
  for (const std::string& person : named) {
    const bool known =
        store_.with([&](Store& s) { return s.person(person, std::nullopt).has_value(); });
    if (known && !access_.has_relationship(account.agency, person)) claimed.push_back(person);
  }

  json faults = json::array();
  ImportCallbacks callbacks;
  callbacks.on_fault = [&](const Fault& f) {
    faults.push_back({{"item", f.line}, {"field", f.field}, {"message", f.message}});
  };
  std::istringstream feed(lines);
  const ImportResult result = store_.with(
      [&](Store& s) { return import_feed(s, feed, "api:" + account.username, callbacks); });
  if (!result.committed) return faults_response(faults);
  if (result.stored > 0) {
    for (const std::string& person : claimed) {
      access_.record_claimed_relationship(account, person, request.remote);
    }
  }
  json by_type = json::object();
  for (const auto& [event_type, n] : result.stored_by_type) {
    by_type[std::string(to_string(event_type))] = n;
  }
  audit_.append({account.username, std::string(to_string(account.role)), account.agency,
                 "events.write", "", "",
                 std::to_string(result.stored) + " stored, " +
                     std::to_string(result.already_stored) + " already stored; from " +
                     request.remote});
  return json_response(201, json{{"stored", result.stored},
                                 {"already_stored", result.already_stored},
                                 {"stored_by_type", by_type}}
                                .dump());
}

}  // namespace sightline::web
