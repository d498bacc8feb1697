// Migration 1: the schema of the first stores, exactly as Sightline wrote it
// before stores had migrations, so that a store made then is at version 1.
//
// Its statements all say IF NOT EXISTS: stores were made by earlier builds of
// version 1 that lacked some of these tables (safeguard_notices, p_involvement),
// and running them again completes such a store (see complete_version_1 in
// schema_migrator.cc). Later migrations need not.
//
// `events` is the append-only log (triggers refuse UPDATE and DELETE); every
// table whose name starts with `p_` is a projection derived from it, which
// rebuild_projections() may drop and fill again at any time.
#include "store/sqlite/migration.h"

namespace sightline::sqlite {

Migration migration_0001_first_schema() {
  return {1, "the first schema: events, imports, alerts, notices and projections",
          R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS imports (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  started TEXT NOT NULL,
  events_stored INTEGER NOT NULL DEFAULT 0,
  lines_skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  line INTEGER NOT NULL,
  type TEXT NOT NULL,
  event_id TEXT,
  at TEXT NOT NULL,
  at_s INTEGER NOT NULL,
  recorded TEXT NOT NULL,
  recorded_s INTEGER NOT NULL,
  by TEXT,
  json TEXT NOT NULL
);
-- SipHash-2-4 of each stored line, so that re-importing a feed can skip what an
-- earlier import stored. A digest only narrows the search: lines are compared
-- in full, so a collision can never make a new line look stored.
CREATE TABLE IF NOT EXISTS event_digests (
  digest INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (digest, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_in_replay_order ON events(recorded_s, seq);
CREATE TABLE IF NOT EXISTS alerts (
  key TEXT PRIMARY KEY, rule TEXT NOT NULL, child TEXT NOT NULL, owner TEXT NOT NULL,
  raised TEXT NOT NULL, due TEXT, level TEXT NOT NULL, resolved TEXT, json TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alerts_by_owner ON alerts(owner, raised);
CREATE INDEX IF NOT EXISTS alerts_by_child ON alerts(child, owner);
-- Transfers awaiting an answer, looked up by either agency, and their answers.
CREATE INDEX IF NOT EXISTS events_transfers_to ON events(json_extract(json, '$.to'))
  WHERE type = 'transfer';
CREATE INDEX IF NOT EXISTS events_transfers_from ON events(json_extract(json, '$.from'))
  WHERE type = 'transfer';
CREATE INDEX IF NOT EXISTS events_transfers_accepted ON events(json_extract(json, '$.transfer'))
  WHERE type = 'transfer_accepted';
CREATE INDEX IF NOT EXISTS events_transfers_declined ON events(json_extract(json, '$.transfer'))
  WHERE type = 'transfer_declined';
CREATE TABLE IF NOT EXISTS safeguard_notices (
  key TEXT PRIMARY KEY, child TEXT NOT NULL, recipient TEXT NOT NULL, at TEXT NOT NULL,
  rule TEXT NOT NULL, text TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS safeguard_notices_by_child ON safeguard_notices(child, at);
CREATE INDEX IF NOT EXISTS safeguard_notices_by_recipient ON safeguard_notices(recipient, at);
CREATE TRIGGER IF NOT EXISTS events_append_only_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_append_only_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- `persons`: whom the defining event named, as a JSON array of [person, field].
CREATE TABLE IF NOT EXISTS p_ids (
  id TEXT PRIMARY KEY, kind INTEGER NOT NULL, defined_by INTEGER NOT NULL,
  assessment_kind INTEGER, agency_kind INTEGER, seq INTEGER NOT NULL, persons TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS p_persons (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, recorded_s INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS p_person_details (
  person TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, recorded TEXT NOT NULL,
  recorded_s INTEGER NOT NULL, given TEXT, family TEXT, dob TEXT, sex TEXT, nhs_number TEXT,
  nationality TEXT, language TEXT, interpreter INTEGER, aliases TEXT,
  PRIMARY KEY (person, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS p_agencies (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, area TEXT NOT NULL, parent TEXT,
  seq INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS p_relations (
  child TEXT NOT NULL, seq INTEGER NOT NULL, relative TEXT NOT NULL, role TEXT NOT NULL,
  at TEXT NOT NULL, recorded TEXT NOT NULL, recorded_s INTEGER NOT NULL,
  PRIMARY KEY (child, seq, relative)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS p_addresses (
  person TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, recorded TEXT NOT NULL,
  recorded_s INTEGER NOT NULL, line1 TEXT, line2 TEXT, town TEXT, postcode TEXT, area TEXT,
  kind TEXT NOT NULL, notice TEXT NOT NULL,
  PRIMARY KEY (person, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS p_whereabouts (
  person TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, recorded TEXT NOT NULL,
  recorded_s INTEGER NOT NULL, state TEXT NOT NULL, detail TEXT NOT NULL,
  PRIMARY KEY (person, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS p_life_events (
  person TEXT NOT NULL, seq INTEGER NOT NULL, what TEXT NOT NULL, day TEXT NOT NULL,
  recorded_s INTEGER NOT NULL,
  PRIMARY KEY (person, seq, what)
) WITHOUT ROWID;
-- Which agencies are involved with each person: every agency an event about the
-- person was reported by or names (agencies_named), with the first such event.
-- A legitimate relationship with a child is a row for the child or a carer.
CREATE TABLE IF NOT EXISTS p_involvement (
  person TEXT NOT NULL, agency TEXT NOT NULL, seq INTEGER NOT NULL,
  PRIMARY KEY (person, agency)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS p_event_persons (
  person TEXT NOT NULL, seq INTEGER NOT NULL, field TEXT NOT NULL,
  PRIMARY KEY (person, seq, field)
) WITHOUT ROWID;
)sql"};
}

}  // namespace sightline::sqlite
