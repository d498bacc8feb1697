#include "web/transfers_api.h"

#include <nlohmann/json.hpp>
#include <set>

#include "web/api_error.h"

namespace sightline::web {

Response TransfersApi::list(const Request& request, const SessionInfo& session) const {
  using nlohmann::json;
  const Account& account = session.account;
  if (!Access::sees_identities(account.role)) {
    return error_response(ErrorCode::kForbidden, "your role sees aggregate figures, not children");
  }
  const Timestamp now = clock.now();
  json incoming = json::array();
  json outgoing = json::array();
  json accepted_unseen = json::array();
  std::set<std::string> children;
  const auto item_of = [&](const PendingTransfer& t) {
    const auto person = store.with([&](Store& s) { return s.person(t.child, std::nullopt); });
    json item = {{"id", t.id},
                 {"child", t.child},
                 {"child_name", person ? json(person->display_name()) : json(nullptr)},
                 {"from", t.from},
                 {"to", t.to},
                 {"status", t.status},
                 {"risks", t.risks},
                 {"summary", t.summary},
                 {"mode", t.mode},
                 {"sent", t.sent},
                 {"recorded", t.recorded},
                 {"child_seen_by_receiver", t.child_seen_by_receiver}};
    children.insert(t.child);
    return item;
  };
  for (const PendingTransfer& t : transfers.awaiting(account.agency, now)) {
    (t.direction == "incoming" ? incoming : outgoing).push_back(item_of(t));
  }
  for (const PendingTransfer& t : transfers.accepted_unseen(account.agency, now)) {
    json item = item_of(t);
    item["direction"] = t.direction;
    item["accepted"] = t.accepted;
    accepted_unseen.push_back(std::move(item));
  }
  for (const std::string& child : children) {
    audit.append({account.username, std::string(to_string(account.role)), account.agency,
                  "child.transfers_read", child, "",
                  "transfer to or from the agency; from " + request.remote});
  }
  return json_response(200, json{{"agency", account.agency},
                                 {"incoming", incoming},
                                 {"outgoing", outgoing},
                                 {"accepted_unseen", accepted_unseen}}
                                .dump());
}

}  // namespace sightline::web
