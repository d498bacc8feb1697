#include "web/children_api.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/json_string.h"
#include "core/typed_date.h"
#include "web/api_error.h"
#include "web/child_terms_json.h"
#include "web/chronology_json.h"
#include "web/json_body.h"
#include "web/secrets.h"
#include "web/store_agency_facts.h"

namespace sightline::web {
namespace {

using nlohmann::json;

constexpr std::size_t kSearchCandidates = 500;
constexpr std::size_t kSearchResults = 50;

Response no_relationship() {
  // The same whether or not the child exists.
  return error_response(ErrorCode::kNoRelationship,
                        "your agency has no recorded involvement with this child; in an emergency, "
                        "break the glass with a reason (POST .../break-glass)");
}

Response identities_forbidden() {
  return error_response(ErrorCode::kForbidden, "your role sees aggregate figures, not children");
}

json optional_date(const std::optional<Date>& d) {
  return d ? json(d->to_string()) : json(nullptr);
}

json access_json(const AccessBasis& basis) {
  if (basis.relationship && !basis.notice.empty()) {
    return {{"basis", "relationship"}, {"by_notice", basis.notice}};
  }
  if (basis.relationship) return {{"basis", "relationship"}};
  return {{"basis", "break_glass"},
          {"grant", basis.grant.id},
          {"reason", basis.grant.reason},
          {"expires_at", utc_text(basis.grant.expires_at)}};
}

json address_json(const Address& a) {
  json out = json::object();
  if (!a.line1.empty()) out["line1"] = a.line1;
  if (!a.line2.empty()) out["line2"] = a.line2;
  if (!a.town.empty()) out["town"] = a.town;
  if (!a.postcode.empty()) out["postcode"] = a.postcode;
  if (!a.area.empty()) out["area"] = a.area;
  out["kind"] = to_string(a.kind);
  return out;
}

// Writes the audit record of a read; throws (so the answer becomes a 500)
// when it cannot.
void audit_read(AuditLog& audit, const SessionInfo& session, const std::string& action,
                const Id& child, const AccessBasis& basis, const Request& request) {
  audit.append({session.account.username, std::string(to_string(session.account.role)),
                session.account.agency, action, child, basis.relationship ? "" : basis.grant.reason,
                basis.describe() + "; from " + request.remote});
}

// Records a refused look at a child's record (a failed authorisation), then
// gives the refusal.
Response refuse(AuditLog& audit, const SessionInfo& session, const std::string& action,
                const Id& child, const Request& request, Response refusal) {
  audit.append(
      {session.account.username, std::string(to_string(session.account.role)),
       session.account.agency, "child.refused", child, "",
       action + " refused (" + std::to_string(refusal.status) + "); from " + request.remote});
  return refusal;
}

bool is_digits_and_spaces(const std::string& s, std::size_t& digits) {
  digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ') {
      return false;
    }
  }
  return true;
}

bool looks_like_postcode(const std::string& text) {
  std::string s;
  for (char c : text) {
    if (c != ' ') s.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  }
  // Outward code (2-4: letter, then letters/digits) and inward code (digit, 2 letters).
  if (s.size() < 5 || s.size() > 7) return false;
  const auto alpha = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const std::string inward = s.substr(s.size() - 3);
  if (!digit(inward[0]) || !alpha(inward[1]) || !alpha(inward[2])) return false;
  const std::string outward = s.substr(0, s.size() - 3);
  if (!alpha(outward[0])) return false;
  bool has_digit = false;
  for (char c : outward) {
    if (!alpha(c) && !digit(c)) return false;
    has_digit = has_digit || digit(c);
  }
  return has_digit;
}

}  // namespace

Expected<PersonQuery> read_search_text(const std::string& q) {
  PersonQuery query;
  std::size_t digits = 0;
  if (auto d = read_typed_date(q)) {
    if (!d->has_value()) return Unexpected(d->error());
    query.dob = **d;
  } else if (is_digits_and_spaces(q, digits) && digits == 10) {
    query.nhs_number = q;
  } else if (looks_like_postcode(q)) {
    query.postcode = q;
  } else {
    query.name = q;
  }
  return query;
}

Response ChildrenApi::search(const Request& request, const SessionInfo& session) const {
  if (!Access::sees_identities(session.account.role)) return identities_forbidden();
  PersonQuery query;
  if (const auto q = request.query_param("q"); q && !q->empty()) {
    auto read = read_search_text(*q);
    if (!read) {
      return error_response(
          ErrorCode::kBadRequest,
          "q: " + read.error().message + "; type a date of birth " + std::string(kHowToTypeADate));
    }
    query = std::move(*read);
  }
  if (const auto name = request.query_param("name")) query.name = *name;
  if (const auto dob = request.query_param("dob")) {
    const auto read = read_typed_date(*dob);
    if (!read || !*read) {
      return error_response(ErrorCode::kBadRequest,
                            "dob: " +
                                (read ? (*read).error().message + "; type it "
                                      : std::string("not a date; type it ")) +
                                std::string(kHowToTypeADate));
    }
    query.dob = **read;
  }
  if (const auto nhs = request.query_param("nhs_number")) query.nhs_number = *nhs;
  if (const auto postcode = request.query_param("postcode")) query.postcode = *postcode;
  if (query.empty()) {
    return error_response(ErrorCode::kBadRequest, "give q, or name, dob, nhs_number or postcode");
  }
  if (name_words(query.name) > kMaxNameWords) {
    return error_response(ErrorCode::kBadRequest,
                          std::string(request.query_param("name") ? "name" : "q") +
                              ": Search by at most " + std::to_string(kMaxNameWords) +
                              " words of a name; a given and a family name are enough");
  }
  // Adults are never listed as children.
  query.children_on = clock.now().date;
  const auto ids = store.with([&](Store& s) { return s.find_persons(query, kSearchCandidates); });
  json children = json::array();
  bool truncated = false;
  for (const Id& id : ids) {
    const auto basis = access.basis_for(session.account, id);
    if (!basis) continue;  // not shown, and nothing says it was there
    if (children.size() == kSearchResults) {
      truncated = true;
      break;
    }
    const auto person = store.with([&](Store& s) { return s.person(id, std::nullopt); });
    if (!person) continue;
    audit_read(audit, session, "child.found_in_search", id, *basis, request);
    children.push_back({{"id", id},
                        {"name", person->display_name()},
                        {"dob", optional_date(person->dob)},
                        {"born", optional_date(person->born)},
                        {"expected", optional_date(person->expected)},
                        {"access", access_json(*basis)}});
  }
  return json_response(200, json{{"children", children}, {"truncated", truncated}}.dump());
}

Response ChildrenApi::summary(const Request& request, const Id& child,
                              const SessionInfo& session) const {
  if (!Access::sees_identities(session.account.role)) {
    return refuse(audit, session, "child.read", child, request, identities_forbidden());
  }
  const auto basis = access.basis_for(session.account, child);
  if (!basis) return refuse(audit, session, "child.read", child, request, no_relationship());
  std::vector<ChronologyEntry> entries;
  const auto person = store.with([&](Store& s) {
    auto found = s.person(child, std::nullopt);
    if (found) entries = s.chronology(*found, std::nullopt);  // the person is read once
    return found;
  });
  if (!person) return error_response(ErrorCode::kNotFound, "no such child");
  json out = {{"id", person->id},
              {"name", person->display_name()},
              {"given", person->given},
              {"family", person->family},
              {"dob", optional_date(person->dob)},
              {"expected", optional_date(person->expected)},
              {"born", optional_date(person->born)},
              {"died", optional_date(person->died)}};
  out["address"] =
      person->addresses.empty() ? json(nullptr) : address_json(person->addresses.back().address);
  json addresses = json::array();  // latest first
  for (auto a = person->addresses.rbegin(); a != person->addresses.rend(); ++a) {
    addresses.push_back({{"address", address_json(a->address)},
                         {"since", a->source.at.to_string()},
                         {"notice", to_string(a->notice)}});
  }
  out["addresses"] = addresses;
  json whereabouts = nullptr;
  if (!person->whereabouts.empty()) {
    whereabouts = {{"state", to_string(person->whereabouts.back().state)},
                   {"detail", person->whereabouts.back().detail},
                   {"since", person->whereabouts.back().source.at.to_string()}};
  }
  // Names of the persons around the child, read once each.
  std::map<Id, std::string> person_names;
  const auto name_of = [&](const Id& id) {
    auto [it, added] = person_names.try_emplace(id);
    if (added) {
      const auto p = store.with([&](Store& s) { return s.person(id, std::nullopt); });
      if (p) it->second = p->display_name();
    }
    return it->second;
  };
  json carers = json::array();
  for (const RelationView& r : person->carers) {
    carers.push_back(
        {{"id", r.relative}, {"role", to_string(r.role)}, {"name", name_of(r.relative)}});
  }
  out["carers"] = carers;
  std::vector<std::string> agencies;
  for (const ChronologyEntry& e : entries) {
    if (!e.by.empty() && std::find(agencies.begin(), agencies.end(), e.by) == agencies.end()) {
      agencies.push_back(e.by);
    }
  }
  out["agencies"] = agencies;
  out["events"] = entries.size();
  const StoreAgencyFacts agency_facts(store);
  const Timestamp now = clock.now();
  out["terms"] = child_terms_json(entries, child, now, agency_facts, indicator_windows);
  out.update(child_facts_json(
      entries, child, now, agency_facts,
      {.person = name_of, .agency = [&](const Id& a) { return agency_facts.name(a); }},
      std::move(whereabouts),
      person->addresses.empty() ? nullptr : &person->addresses.back().address));
  out["access"] = access_json(*basis);
  audit_read(audit, session, "child.read", child, *basis, request);
  return json_response(200, out.dump());
}

Response ChildrenApi::chronology(const Request& request, const Id& child,
                                 const SessionInfo& session) const {
  if (!Access::sees_identities(session.account.role)) {
    return refuse(audit, session, "child.chronology", child, request, identities_forbidden());
  }
  std::optional<Timestamp> as_known_at;
  if (const auto text = request.query_param("as_known_at")) {
    const auto t = Timestamp::parse(*text);
    if (!t) {
      return error_response(ErrorCode::kBadRequest,
                            "as_known_at: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]");
    }
    as_known_at = t->has_time ? *t : Timestamp::end_of(t->date);
  }
  const auto basis = access.basis_for(session.account, child);
  if (!basis) {
    return refuse(audit, session, "child.chronology", child, request, no_relationship());
  }
  std::vector<ChronologyEntry> entries;
  const auto person = store.with([&](Store& s) {
    auto found = s.person(child, as_known_at);
    if (found) entries = s.chronology(*found, as_known_at);
    return found;
  });
  if (!person) return error_response(ErrorCode::kNotFound, "no such child (as known then)");
  audit_read(audit, session, "child.chronology", child, *basis, request);
  // Written directly: each event goes out exactly as its agency sent it (the
  // stored line, already JSON), with no tree of values built and printed.
  std::string out;
  std::size_t size = 256;
  for (const ChronologyEntry& e : entries) size += e.json.size() + 160;
  out.reserve(size);
  out += "{\"child\":";
  append_json_string(out, child);
  out += ",\"name\":";
  append_json_string(out, person->display_name());
  out += ",\"as_known_at\":";
  if (as_known_at) {
    append_json_string(out, as_known_at->to_string());
  } else {
    out += "null";
  }
  out += ",\"entries\":";
  append_chronology_entries(out, entries);
  out += ",\"access\":";
  out += access_json(*basis).dump();
  out.push_back('}');
  return json_response(200, std::move(out));
}

Response ChildrenApi::break_glass(const Request& request, const Id& child,
                                  const SessionInfo& session) const {
  if (!declares_json(request)) {
    return error_response(ErrorCode::kUnsupportedMediaType, "the body must be application/json");
  }
  const json body = parse_json_body(request.body);
  if (!body.is_object())
    return error_response(ErrorCode::kBadJson, "the body must be one JSON object");
  for (const auto& [key, value] : body.items()) {
    if (key != "reason") return error_response(ErrorCode::kBadRequest, key + ": unknown field");
  }
  if (!body.contains("reason") || !body["reason"].is_string()) {
    return error_response(ErrorCode::kReasonRequired,
                          "reason: say why you need this record (at least 10 characters)");
  }
  const Expected<BreakGlassGrant> grant =
      access.break_glass(session.account, child, body["reason"].get<std::string>(), request.remote);
  if (!grant) return error_response(grant.error());
  return json_response(201, json{{"grant", grant->id},
                                 {"child", child},
                                 {"expires_at", utc_text(grant->expires_at)},
                                 {"notice", "your agency's safeguarding lead has been told"}}
                                .dump());
}

Response ChildrenApi::who_looked(const Request& request, const Id& child,
                                 const SessionInfo& session) const {
  if (session.account.role != Role::kSafeguardingLead) {
    return refuse(audit, session, "child.audit_read", child, request,
                  error_response(ErrorCode::kForbidden,
                                 "only a safeguarding lead sees who looked at a record"));
  }
  const auto basis = access.basis_for(session.account, child);
  if (!basis) {
    return refuse(audit, session, "child.audit_read", child, request, no_relationship());
  }
  const auto records = audit.records_about(child);
  audit_read(audit, session, "child.audit_read", child, *basis, request);
  json list = json::array();
  for (const AuditRecord& r : records) {
    list.push_back({{"seq", r.seq},
                    {"at", r.at},
                    {"user", r.entry.user},
                    {"role", r.entry.role},
                    {"agency", r.entry.agency},
                    {"action", r.entry.action},
                    {"reason", r.entry.reason}});
  }
  return json_response(200, json{{"child", child}, {"records", list}}.dump());
}

Response ChildrenApi::notices(const SessionInfo& session) const {
  if (session.account.role != Role::kSafeguardingLead) {
    return error_response(ErrorCode::kForbidden, "notices are for safeguarding leads");
  }
  const std::vector<Notice> notices = access.notices_for(session.account.agency);
  std::map<Id, std::optional<std::string>> names;
  for (const Notice& n : notices) names.emplace(n.child, std::nullopt);
  store.with([&](Store& s) {
    for (auto& [child, name] : names) {
      if (const auto person = s.person(child, std::nullopt)) name = person->display_name();
    }
  });
  // The agency of whoever acted: the notice's own, except for another area's
  // break-glass, whose audit record says it.
  std::map<Id, std::vector<AuditRecord>> records;
  const auto agency_of = [&](const Notice& n) -> std::string {
    if (n.kind != "break_glass_elsewhere") return n.agency;
    auto [at, added] = records.try_emplace(n.child);
    if (added) at->second = audit.records_about(n.child);
    for (const AuditRecord& r : at->second) {
      if (r.seq == n.audit_seq) return r.entry.agency;
    }
    return {};
  };
  json list = json::array();
  for (const Notice& n : notices) {
    const auto& name = names[n.child];
    const std::string user_agency = agency_of(n);
    list.push_back({{"id", n.id},
                    {"kind", n.kind},
                    {"child", n.child},
                    {"child_name", name ? json(*name) : json(nullptr)},
                    {"user", n.username},
                    {"role", n.role},
                    {"user_agency", user_agency.empty() ? json(nullptr) : json(user_agency)},
                    {"reason", n.reason},
                    {"at", n.at},
                    {"audit_seq", n.audit_seq}});
  }
  // Every child named is audited before the answer leaves.
  for (const auto& [child, name] : names) {
    audit.append({session.account.username, std::string(to_string(session.account.role)),
                  session.account.agency, "child.notices_read", child, "",
                  "access notices of " + session.account.agency});
  }
  return json_response(200, json{{"agency", session.account.agency}, {"notices", list}}.dump());
}

Response ChildrenApi::statistics(const SessionInfo&) const {
  const StoreCounts counts = store.with([](Store& s) { return s.counts(); });
  json by_type = json::object();
  for (const auto& [type, n] : counts.by_type) by_type[std::string(to_string(type))] = n;
  return json_response(200, json{{"events", counts.events},
                                 {"people", counts.people},
                                 {"agencies", counts.agencies},
                                 {"events_by_type", by_type}}
                                .dump());
}

}  // namespace sightline::web
