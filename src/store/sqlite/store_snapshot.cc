#include "store/sqlite/store_snapshot.h"

#include <nlohmann/json.hpp>

namespace sightline::sqlite {

StoreSnapshot::StoreSnapshot(Connection& db)
    : db_(db),
      find_person_(db, "SELECT 1 FROM p_persons WHERE id = ?"),
      find_id_(db, "SELECT kind, defined_by, assessment_kind, agency_kind FROM p_ids WHERE id = ?"),
      find_digest_(db,
                   "SELECT e.json FROM event_digests d JOIN events e ON e.seq = d.seq "
                   "WHERE d.digest = ?"),
      persons_(db, "SELECT persons FROM p_ids WHERE id = ?"),
      transaction_(db, TransactionMode::kRead) {
  // A WAL read transaction takes its snapshot at its first read.
  Statement first(db_, "SELECT count(*) FROM meta");
  first.step();
}

StoreSnapshot::~StoreSnapshot() = default;

bool StoreSnapshot::has_person(std::string_view person_id) const {
  find_person_.bind(1, person_id);
  const bool found = find_person_.step();
  find_person_.reset();
  return found;
}

std::optional<IdInfo> StoreSnapshot::find(std::string_view id) const {
  auto& s = find_id_;
  s.bind(1, id);
  std::optional<IdInfo> info;
  if (s.step()) {
    info = IdInfo{static_cast<IdKind>(s.column_int(0)), static_cast<EventType>(s.column_int(1)),
                  std::nullopt, std::nullopt};
    if (!s.column_is_null(2)) info->assessment_kind = static_cast<AssessmentKind>(s.column_int(2));
    if (!s.column_is_null(3)) info->agency_kind = static_cast<AgencyKind>(s.column_int(3));
  }
  s.reset();
  return info;
}

bool StoreSnapshot::line_stored(std::string_view line, std::int64_t digest) {
  auto& s = find_digest_;
  s.bind(1, digest);
  bool found = false;
  while (!found && s.step()) found = s.column_text(0) == line;
  s.reset();
  return found;
}

EventPersons StoreSnapshot::persons_of_event(const Id& event_id) {
  EventPersons out;
  persons_.bind(1, event_id);
  if (persons_.step() && !persons_.column_is_null(0)) {
    out = nlohmann::json::parse(persons_.column_text(0)).get<EventPersons>();
  }
  persons_.reset();
  return out;
}

}  // namespace sightline::sqlite
