#include "store/sqlite/sqlite_figures_store.h"

#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_handle.h"
#include "store/store.h"

namespace sightline::sqlite {

SqliteFiguresStore::SqliteFiguresStore(const std::string& db_path)
    : db_(std::make_unique<Connection>(db_path)) {
  db_->exec("PRAGMA journal_mode=WAL");
}

SqliteFiguresStore::~SqliteFiguresStore() = default;

Event SqliteFiguresStore::parse(const std::string& json, std::int64_t seq) {
  return reader_.read(json, seq);
}

std::vector<Event> SqliteFiguresStore::events_of_type(EventType type) {
  Statement q(*db_, "SELECT seq, json FROM events WHERE type = ?1 ORDER BY seq");
  q.bind(1, to_string(type));
  std::vector<Event> out;
  while (q.step()) out.push_back(parse(q.column_text(1), q.column_int(0)));
  return out;
}

std::map<Id, std::vector<Event>, std::less<>> SqliteFiguresStore::events_about_each(
    std::span<const Id> persons, std::span<const EventType> types) {
  std::string in;
  for (const EventType t : types) {
    in += (in.empty() ? "'" : ",'") + std::string(to_string(t)) + "'";
  }
  if (in.empty() || persons.empty()) return {};
  // The persons as one JSON array parameter, read with json_each: one
  // statement however many, each looked up by the table's key.
  const std::string sql =
      "SELECT DISTINCT ep.person, e.seq, e.json FROM p_event_persons ep "
      "JOIN events e ON e.seq = ep.seq "
      "WHERE ep.person IN (SELECT value FROM json_each(?1)) AND e.type IN (" +
      in + ") ORDER BY ep.person, e.seq";
  Statement q(*db_, sql.c_str());
  q.bind(1, nlohmann::json(std::vector<std::string>(persons.begin(), persons.end())).dump());
  // An event about several of them is parsed once.
  std::map<std::int64_t, Event> parsed;
  std::map<Id, std::vector<Event>, std::less<>> out;
  while (q.step()) {
    const std::int64_t seq = q.column_int(1);
    auto it = parsed.find(seq);
    if (it == parsed.end()) it = parsed.emplace(seq, parse(q.column_text(2), seq)).first;
    out[q.column_text(0)].push_back(it->second);
  }
  return out;
}

std::optional<AgencyView> SqliteFiguresStore::agency(const Id& id) {
  Statement q(*db_, "SELECT name, kind, area, parent FROM p_agencies WHERE id = ?1");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  AgencyView a;
  a.id = id;
  a.name = q.column_text(0);
  a.kind = parse_name<AgencyKind>(q.column_text(1)).value_or(AgencyKind::kVoluntary);
  a.area = q.column_text(2);
  if (!q.column_is_null(3)) a.parent = q.column_text(3);
  return a;
}

std::vector<FigureAlert> SqliteFiguresStore::alerts_of_rule(std::string_view rule) {
  Statement q(*db_, "SELECT raised, child, owner FROM alerts WHERE rule = ?1 ORDER BY key");
  q.bind(1, rule);
  std::vector<FigureAlert> out;
  while (q.step()) out.push_back({q.column_text(0), q.column_text(1), q.column_text(2)});
  return out;
}

}  // namespace sightline::sqlite
