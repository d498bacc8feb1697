#include "store/sqlite/write_set.h"

namespace sightline::sqlite {

const TableInsert& insert_of(Table table) {
  // Indexed by Table. The OR IGNORE / OR REPLACE clauses are those of one
  // fact stated twice (a person named twice by one event, a person id defined
  // again): the first statement of it stands, or the last for an address.
  static constexpr TableInsert kInserts[kTableCount] = {
      {"INSERT INTO events(seq, import_id, line, type, event_id, at, at_s, recorded, recorded_s, "
       "by, json)",
       11, 0},
      {"INSERT INTO event_digests(digest, seq)", 2, 2},
      {"INSERT OR IGNORE INTO p_ids(id, kind, defined_by, assessment_kind, agency_kind, seq, "
       "persons)",
       7, 1},
      {"INSERT OR IGNORE INTO p_persons(id, seq, recorded_s)", 3, 1},
      {"INSERT INTO p_person_details(person, seq, at, recorded, recorded_s, given, family, dob, "
       "sex, nhs_number, nationality, language, interpreter, aliases)",
       14, 2},
      {"INSERT INTO p_agencies(id, name, kind, area, parent, seq)", 6, 1},
      {"INSERT OR IGNORE INTO p_relations(child, seq, relative, role, at, recorded, recorded_s)", 7,
       3},
      {"INSERT OR REPLACE INTO p_addresses(person, seq, at, recorded, recorded_s, line1, line2, "
       "town, postcode, area, kind, notice)",
       12, 2},
      {"INSERT OR REPLACE INTO p_whereabouts(person, seq, at, recorded, recorded_s, state, "
       "detail)",
       7, 2},
      {"INSERT OR IGNORE INTO p_life_events(person, seq, what, day, recorded_s)", 5, 3},
      {"INSERT OR IGNORE INTO p_event_persons(person, seq, field)", 3, 3},
      {"INSERT OR IGNORE INTO p_involvement(person, agency, seq)", 3, 2},
  };
  return kInserts[static_cast<std::size_t>(table)];
}

WriteSet::WriteSet() {
  for (std::size_t t = 0; t < kTableCount; ++t) {
    blocks_[t] = RowBlock(insert_of(static_cast<Table>(t)).columns);
  }
}

std::size_t WriteSet::rows() const {
  std::size_t n = 0;
  for (const RowBlock& b : blocks_) n += b.rows();
  return n;
}

void WriteSet::clear() {
  constexpr std::size_t kKeptBytes = std::size_t{2} << 20;
  for (RowBlock& b : blocks_) {
    if (b.capacity_bytes() > kKeptBytes) {
      b.release();
    } else {
      b.clear();
    }
  }
}

}  // namespace sightline::sqlite
