// The projection tables of the SQLite store. The schema as a whole is what
// the migrations make (store/sqlite/migrations.h; version 1 is
// migrations/0001_first_schema.cc).
//
// `events` is the append-only log (triggers refuse UPDATE and DELETE); every
// table whose name starts with `p_` is a projection derived from it, which
// rebuild_projections() may drop and fill again at any time. A migration that
// adds a projection table adds it here too.
#pragma once

namespace sightline::sqlite {

inline constexpr const char* kProjectionTables[] = {
    "p_ids",       "p_persons",     "p_person_details", "p_agencies",      "p_relations",
    "p_addresses", "p_whereabouts", "p_life_events",    "p_event_persons", "p_involvement",
};

}  // namespace sightline::sqlite
