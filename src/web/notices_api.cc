#include "web/notices_api.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/date.h"
#include "web/api_error.h"
#include "web/store_agency_facts.h"
#include "web/stored_sightings.h"

namespace sightline::web {
namespace {

using nlohmann::json;

constexpr std::size_t kDefaultLimit = 50;
constexpr std::size_t kMaxLimit = 200;

// The kind of agency a recipient is: a registered agency's kind, or the KIND
// of a `KIND:AREA` that no agency provides.
std::string recipient_kind(const std::string& recipient, const AgencyFacts& agencies) {
  if (const auto kind = agencies.kind(recipient)) return std::string(to_string(*kind));
  const auto colon = recipient.find(':');
  return colon == std::string::npos ? std::string() : recipient.substr(0, colon);
}

}  // namespace

Response NoticesApi::list(const Request& request, const SessionInfo& session) const {
  const Account& account = session.account;
  if (account.role == Role::kAdministrator) {
    return error_response(ErrorCode::kForbidden, "administrators do not see notices");
  }
  const std::string recipient =
      request.query_param("recipient")
          .value_or(account.role == Role::kPartnershipAnalyst ? std::string() : account.agency);
  if (account.role == Role::kPartnershipAnalyst) {
    const auto counts = store.with([&](Store& s) { return s.notice_counts(recipient); });
    json list = json::array();
    std::int64_t total = 0;
    for (const NoticeCount& c : counts) {
      list.push_back({{"recipient", c.to}, {"rule", c.rule}, {"count", c.count}});
      total += c.count;
    }
    return json_response(200, json{{"counts", list}, {"total", total}}.dump());
  }
  if (!alerts.may_see(account, recipient)) {
    return error_response(ErrorCode::kForbidden,
                          "recipient: you see the notices sent to your own agency (and, as a "
                          "safeguarding lead, those sent to a service of its area that no "
                          "agency provides)");
  }
  const auto limit = count_param(request, "limit", kDefaultLimit, 1, kMaxLimit);
  const auto offset = count_param(request, "offset", 0, 0, 100'000'000);
  if (!limit) return error_response(ErrorCode::kBadRequest, "limit: expected 1 to 200");
  if (!offset) return error_response(ErrorCode::kBadRequest, "offset: expected a count from 0");

  json list = json::array();
  std::set<std::string> children;
  std::vector<NoticeRecord> page_notices;
  const std::int64_t total = store.with([&](Store& s) {
    NoticePage page = s.notices_to(recipient, *limit, *offset);
    for (const NoticeRecord& n : page.notices) {
      const auto person = s.person(n.child, std::nullopt);
      list.push_back({{"child", n.child},
                      {"child_name", person ? json(person->display_name()) : json(nullptr)},
                      {"recipient", n.to},
                      {"at", n.at},
                      {"rule", n.rule},
                      {"text", n.text}});
      children.insert(n.child);
    }
    page_notices = std::move(page.notices);
    return page.total;
  });
  // Done: the child seen since the notice's day by an agency of the
  // recipient's kind (the catalogue's one definition of "seen").
  const StoreAgencyFacts agencies(store);
  const std::string kind =
      page_notices.empty() ? std::string() : recipient_kind(recipient, agencies);
  std::optional<StoredSightings> seen;
  if (sightings != nullptr && clock != nullptr) seen.emplace(*sightings, clock->now());
  for (std::size_t i = 0; i < page_notices.size(); ++i) {
    const NoticeRecord& n = page_notices[i];
    json& out = list[i];
    out["done"] = false;
    out["seen"] = nullptr;
    const auto day = Date::parse(n.at);
    if (!seen || !day || kind.empty()) continue;
    for (const StoredSighting& s : seen->of(n.child, day->start_instant())) {
      const auto by_kind = agencies.kind(s.by);
      if (!by_kind || to_string(*by_kind) != kind) continue;
      out["done"] = true;
      out["seen"] = {{"at", Timestamp::of_instant(s.at_s).to_string()}, {"by", s.by}};
      break;
    }
  }
  // Every child named is audited before the answer leaves.
  for (const std::string& child : children) {
    audit.append({account.username, std::string(to_string(account.role)), account.agency,
                  "child.notices_read", child, "",
                  "notice recipient " + recipient + "; from " + request.remote});
  }
  return json_response(200, json{{"recipient", recipient},
                                 {"total", total},
                                 {"limit", *limit},
                                 {"offset", *offset},
                                 {"notices", list}}
                                .dump());
}

}  // namespace sightline::web
