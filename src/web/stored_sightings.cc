#include "web/stored_sightings.h"

#include "chronology/sightings.h"
#include "store/sqlite/sqlite_handle.h"

namespace sightline::web {
namespace {

// The child's events, at or after ?2, of the types that may show a child seen.
std::string candidates_sql() {
  std::string types;
  for (int t = 0; t < kEventTypeCount; ++t) {
    const auto type = static_cast<EventType>(t);
    if (!may_show_seen(type)) continue;
    types += (types.empty() ? "'" : ",'") + std::string(to_string(type)) + "'";
  }
  return "SELECT DISTINCT e.seq, e.at_s, e.json FROM p_event_persons ep "
         "JOIN events e ON e.seq = ep.seq WHERE ep.person = ?1 AND e.at_s >= ?2 "
         "AND e.type IN (" +
         types + ") ORDER BY e.at_s, e.seq";
}

constexpr const char* kTransferSql =
    "SELECT e.seq, e.json FROM p_ids i JOIN events e ON e.seq = i.seq "
    "WHERE i.id = ?1 AND e.type = 'transfer'";

}  // namespace

// The subject is the child asked about; a transfer is read from the store.
class StoredSightings::Context final : public SightingContext {
 public:
  Context(StoredSightings& owner, const Id& child) : owner_(owner), child_(child) {}
  Childhood childhood(std::string_view person) const override {
    return person == child_ ? Childhood::kBorn : Childhood::kNotAChild;
  }
  std::optional<TransferParties> transfer(std::string_view id) const override {
    auto it = owner_.transfers_.find(id);
    if (it == owner_.transfers_.end()) {
      sqlite::Statement& q = *owner_.transfer_;
      q.bind(1, id);
      if (!q.step()) {
        q.reset();
        return std::nullopt;
      }
      const std::int64_t seq = q.column_int(0);
      const std::string json = q.column_text(1);
      q.reset();
      const Event e = owner_.parse(json, seq);
      const auto& t = e.as<TransferEvent>();
      it = owner_.transfers_.emplace(Id(id), std::make_pair(t.child, t.to)).first;
    }
    return TransferParties{it->second.first, it->second.second};
  }

 private:
  StoredSightings& owner_;
  const Id& child_;
};

StoredSightings::StoredSightings(sqlite::Connection& db)
    : candidates_(std::make_unique<sqlite::Statement>(db, candidates_sql().c_str())),
      transfer_(std::make_unique<sqlite::Statement>(db, kTransferSql)) {
  parser_.trust_references(true);
  parser_.keep_lines(false);
}

StoredSightings::~StoredSightings() = default;

Event StoredSightings::parse(const std::string& json, std::int64_t seq) {
  std::vector<Fault> faults;
  std::optional<Event> e = parser_.parse_line(json, seq, faults);
  if (!e) {
    throw StoreError("stored event " + std::to_string(seq) + " no longer parses" +
                     (faults.empty()
                          ? std::string()
                          : ": " + faults.front().field + ": " + faults.front().message));
  }
  return std::move(*e);
}

std::vector<StoredSighting> StoredSightings::of(const Id& child, std::int64_t since_s) {
  std::vector<std::pair<std::int64_t, Event>> events;  // at_s, event
  sqlite::Statement& q = *candidates_;
  q.bind(1, child).bind(2, since_s);
  while (q.step()) {
    const std::int64_t seq = q.column_int(0);
    events.emplace_back(q.column_int(1), parse(q.column_text(2), seq));
  }
  q.reset();
  const Context known(*this, child);
  std::vector<StoredSighting> out;
  std::vector<Sighting> seen;
  for (const auto& [at_s, e] : events) {
    seen.clear();
    append_sightings(e, known, seen);
    for (const Sighting& s : seen) {
      if (s.child == child) out.push_back({at_s, Id(s.by)});
    }
  }
  return out;
}

}  // namespace sightline::web
