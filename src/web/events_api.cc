#include "web/events_api.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/date.h"
#include "feed/event_fields.h"
#include "store/importer.h"
#include "store/stored_event_reader.h"
#include "web/api_error.h"
#include "web/json_body.h"
#include "web/secrets.h"

namespace sightline::web {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
constexpr std::size_t kMaxItems = 10'000;
constexpr std::int64_t kKeyLifetime = kSecondsPerDay;

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 200) return false;
  for (char c : key) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

// The same words whether the id is unknown or known to others only, so that a
// refusal never tells a caller without a relationship that someone exists.
std::string out_of_scope(std::string_view what, const std::string& id) {
  return "no " + std::string(what) + " \"" + id +
         "\" that your agency may record about (unknown to your agency, or to Sightline); "
         "break the glass first if you must";
}

Response faults_response(const json& faults) {
  json body = {{"error",
                {{"code", name_of(ErrorCode::kInvalidEvents)},
                 {"message", "nothing was stored: " + std::to_string(faults.size()) + " fault" +
                                 (faults.size() == 1 ? "" : "s")}}},
               {"faults", faults}};
  return json_response(http_status(ErrorCode::kInvalidEvents), body.dump());
}

// The receiving agency (`to`) of the stored transfer `id`, or nullopt when no
// stored transfer has that id.
std::optional<std::string> transfer_receiver(Store& store, const std::string& id) {
  const auto persons = store.persons_of_event(id);
  if (!persons) return std::nullopt;
  StoredEventReader reader;
  for (const Id& person : *persons) {
    for (const ChronologyEntry& e : store.chronology(person, std::nullopt)) {
      if (e.type != EventType::kTransfer) continue;
      const Event transfer = reader.read(e.json, e.seq);
      if (transfer.id == id) return transfer.as<TransferEvent>().to;
    }
  }
  return std::nullopt;
}

}  // namespace

EventsApi::EventsApi(IdempotencyStore& answers, SharedStore& store, Access& access, AuditLog& audit,
                     const Clock& clock)
    : answers_(answers), store_(store), access_(access), audit_(audit), clock_(clock) {}

Response EventsApi::post(const Request& request, const SessionInfo& session) {
  std::lock_guard lock(mutex_);
  const auto key_header = request.header("idempotency-key");
  if (!key_header) return apply(request, session);
  const std::string key(*key_header);
  if (!valid_key(key)) {
    return error_response(ErrorCode::kBadRequest,
                          "Idempotency-Key: 1 to 200 visible ASCII characters");
  }
  const std::string request_hash = to_hex(sha256(request.body));
  if (const auto kept = answers_.find(session.account.username, key)) {
    if (kept->request_hash != request_hash) {
      return error_response(ErrorCode::kIdempotencyKeyReused,
                            "this Idempotency-Key was used with a different body");
    }
    Response replay = json_response(kept->status, kept->response);
    replay.headers.emplace_back("Idempotent-Replayed", "true");
    return replay;
  }
  Response response = apply(request, session);
  // Answers that depend on the moment (a server error) are not kept.
  if (response.status < 500) {
    // A key is remembered for a day: long enough for any client's retries.
    const std::int64_t now = clock_.utc_seconds();
    answers_.remember(
        {session.account.username, key, request_hash, response.status, response.body, now},
        now - kKeyLifetime);
  }
  return response;
}

Response EventsApi::apply(const Request& request, const SessionInfo& session) {
  const Account& account = session.account;
  if (account.role == Role::kPartnershipAnalyst) {
    return error_response(ErrorCode::kForbidden, "your role does not record events");
  }
  if (!declares_json(request)) {
    return error_response(ErrorCode::kUnsupportedMediaType, "the body must be application/json");
  }
  const ordered_json body = parse_ordered_json_body(request.body);
  if (body.is_discarded() || !body.is_array()) {
    return error_response(ErrorCode::kBadJson, "the body must be a JSON array of events");
  }
  if (body.empty()) return error_response(ErrorCode::kBadRequest, "the batch has no events");
  if (body.size() > kMaxItems) {
    return error_response(ErrorCode::kTooManyEvents,
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
  // Whom the batch is about: every person and earlier event it names must be
  // one the agency may see (a relationship, or break-glass), unless an earlier
  // item of the batch defines it. Known persons seen by break-glass only are
  // claimed openly once the batch is stored.
  json out_of_reach = json::array();
  std::set<std::string> refused_persons;
  std::set<std::string> claimed;
  {
    std::set<std::string> defined_persons, defined_events;
    std::map<std::string, std::optional<AccessBasis>> basis_of;
    const auto basis = [&](const std::string& person) -> const std::optional<AccessBasis>& {
      auto it = basis_of.find(person);
      if (it == basis_of.end())
        it = basis_of.emplace(person, access_.basis_for(account, person)).first;
      return it->second;
    };
    const auto known = [&](const std::string& person) {
      return store_.with([&](Store& s) { return s.person(person, std::nullopt).has_value(); });
    };
    for (std::size_t i = 0; i < body.size(); ++i) {
      const ordered_json& item = body[i];
      const json item_no = static_cast<std::int64_t>(i + 1);
      const std::string t = item.contains("type") && item["type"].is_string()
                                ? item["type"].get<std::string>()
                                : std::string();
      const auto refuse = [&](const std::string& field, std::string_view what,
                              const std::string& id) {
        out_of_reach.push_back(
            {{"item", item_no}, {"field", t + "." + field}, {"message", out_of_scope(what, id)}});
      };
      // A person the item may name: defined earlier in the batch, or seen.
      const auto check_person = [&](const std::string& field, const std::string& person) {
        if (defined_persons.contains(person)) return;
        const auto& b = basis(person);
        if (!b) {
          refuse(field, "person", person);
          refused_persons.insert(person);
        } else if (!b->relationship) {
          claimed.insert(person);
        }
      };
      // An id the item defines: new ids are the agency's own; a known person
      // (an update) must be one it may see.
      const auto define_person = [&](const std::string& field, const std::string& person) {
        if (!defined_persons.contains(person) && known(person)) check_person(field, person);
        defined_persons.insert(person);
      };
      if (t == "person" && item.contains("id") && item["id"].is_string()) {
        define_person("id", item["id"].get<std::string>());
      }
      if (t == "pregnancy" && item.contains("child") && item["child"].is_string()) {
        define_person("child", item["child"].get<std::string>());
      }
      for (const std::string_view name : person_id_fields()) {
        const std::string field(name);
        if (t == "pregnancy" && field == "child") continue;
        if (item.contains(field) && item[field].is_string()) {
          check_person(field, item[field].get<std::string>());
        }
      }
      for (const std::string_view name : person_list_fields()) {
        const std::string field(name);
        if (!item.contains(field) || !item[field].is_array()) continue;
        for (const auto& p : item[field]) {
          if (p.is_string()) check_person(field, p.get<std::string>());
        }
      }
      for (const std::string_view name : event_reference_fields()) {
        const std::string field(name);
        if (!item.contains(field) || !item[field].is_string()) continue;
        const std::string id = item[field].get<std::string>();
        if (defined_events.contains(id)) continue;
        const auto persons = store_.with([&](Store& s) { return s.persons_of_event(id); });
        bool reachable = false;
        if (persons) {
          for (const std::string& person : *persons) {
            const auto& b = basis(person);
            if (b && b->relationship) reachable = true;
          }
          if (!reachable) {
            for (const std::string& person : *persons) {
              if (basis(person)) {
                reachable = true;
                claimed.insert(person);
              }
            }
          }
        }
        if (!reachable) refuse(field, "event", id);
      }
      if (item.contains("id") && item["id"].is_string() && t != "person") {
        defined_events.insert(item["id"].get<std::string>());
      }
    }
  }
  if (!out_of_reach.empty()) {
    std::size_t audited = 0;
    for (const std::string& person : refused_persons) {
      if (++audited > 100) break;  // enough to show a lead the probing
      audit_.append({account.username, std::string(to_string(account.role)), account.agency,
                     "child.refused", person, "",
                     "events.write refused (403); from " + request.remote});
    }
    json out = {{"error",
                 {{"code", name_of(ErrorCode::kNoRelationship)},
                  {"message",
                   "nothing was stored: the batch names people or events your "
                   "agency may not record about"}}},
                {"faults", out_of_reach}};
    return json_response(http_status(ErrorCode::kNoRelationship), out.dump());
  }
  // Only the receiving agency answers a transfer: the sender accepting its own
  // would end its responsibility with no one having taken the child on. Asked
  // only once the caller may see the transfer, so that a refusal tells nothing
  // to those who may not.
  json not_receiver = json::array();
  {
    std::map<std::string, std::string> batch_receivers;  // transfer id -> `to`, earlier items
    for (std::size_t i = 0; i < body.size(); ++i) {
      const ordered_json& item = body[i];
      const auto text_of = [&](const char* field) {
        return item.contains(field) && item[field].is_string() ? item[field].get<std::string>()
                                                               : std::string();
      };
      const std::string t = text_of("type");
      if (t == "transfer" && !text_of("id").empty()) batch_receivers[text_of("id")] = text_of("to");
      if (t != "transfer_accepted" && t != "transfer_declined") continue;
      const std::string transfer = text_of("transfer");
      if (transfer.empty()) continue;  // the validator says what is wrong
      std::optional<std::string> receiver;
      if (const auto it = batch_receivers.find(transfer); it != batch_receivers.end()) {
        receiver = it->second;
      } else {
        receiver = store_.with([&](Store& s) { return transfer_receiver(s, transfer); });
      }
      if (receiver && *receiver != account.agency) {
        not_receiver.push_back(
            {{"item", static_cast<std::int64_t>(i + 1)},
             {"field", t + ".transfer"},
             {"message", "transfer \"" + transfer +
                             "\" is not to your agency: only the receiving agency accepts or "
                             "declines a transfer"}});
      }
    }
  }
  if (!not_receiver.empty()) {
    Response r = faults_response(not_receiver);
    r.status = 403;
    return r;
  }

  json faults = json::array();
  ImportCallbacks callbacks;
  callbacks.on_fault = [&](const Fault& f) {
    faults.push_back({{"item", f.line}, {"field", f.field}, {"message", f.message}});
  };
  // The audit record of the write, and the claims it makes, commit with the
  // events or not at all.
  callbacks.before_commit = [&](ImportBatch& batch, const ImportResult& result) {
    Transaction& transaction = batch.transaction();
    if (result.stored > 0) {
      for (const std::string& person : claimed) {
        access_.record_claimed_relationship(account, person, request.remote, transaction);
      }
    }
    audit_.append_within(transaction, {account.username, std::string(to_string(account.role)),
                                       account.agency, "events.write", "", "",
                                       std::to_string(result.stored) + " stored, " +
                                           std::to_string(result.already_stored) +
                                           " already stored; from " + request.remote});
  };
  std::istringstream feed(lines);
  const ImportResult result = store_.with(
      [&](Store& s) { return import_feed(s, feed, "api:" + account.username, callbacks); });
  if (!result.committed) return faults_response(faults);
  if (result.stored > 0 && on_stored_) on_stored_();
  json by_type = json::object();
  for (const auto& [event_type, n] : result.stored_by_type) {
    by_type[std::string(to_string(event_type))] = n;
  }
  return json_response(201, json{{"stored", result.stored},
                                 {"already_stored", result.already_stored},
                                 {"stored_by_type", by_type}}
                                .dump());
}

}  // namespace sightline::web
