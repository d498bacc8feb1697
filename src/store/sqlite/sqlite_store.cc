#include "store/sqlite/sqlite_store.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <unordered_map>

#include "chronology/projector.h"
#include "core/clock.h"
#include "store/sqlite/background_writeback.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/projection_rows.h"
#include "store/sqlite/row_writer.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/schema_migrator.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/staged_rows.h"
#include "store/sqlite/store_snapshot.h"
#include "store/sqlite/write_pipeline.h"
#include "store/stored_event_reader.h"

namespace sightline {
namespace {

using sqlite::Connection;
using sqlite::in_transaction;
using sqlite::Statement;

// SipHash-2-4 under a fixed key: stable across builds and machines, since
// digests are stored. Not a secret; it only speeds up finding equal lines.
std::int64_t digest_of(std::string_view line) {
  static constexpr unsigned char kKey[crypto_shorthash_KEYBYTES] = {
      's', 'i', 'g', 'h', 't', 'l', 'i', 'n', 'e', '-', 'l', 'i', 'n', 'e', 's', '1'};
  unsigned char out[crypto_shorthash_BYTES];
  crypto_shorthash(out, reinterpret_cast<const unsigned char*>(line.data()), line.size(), kKey);
  std::uint64_t value = 0;
  for (unsigned char byte : out) value = (value << 8) | byte;
  return static_cast<std::int64_t>(value);
}

FactSource source_of(std::int64_t seq, const Event& e) { return FactSource{seq, e.at, e.recorded}; }

FactSource source_from_columns(const Statement& s, int seq_col, int at_col, int recorded_col) {
  return FactSource{s.column_int(seq_col), *Timestamp::parse(s.column_text(at_col)),
                    *Timestamp::parse(s.column_text(recorded_col))};
}

std::int64_t cutoff_of(std::optional<Timestamp> as_known_at) {
  return as_known_at ? as_known_at->instant() : std::numeric_limits<std::int64_t>::max();
}

template <class Enum, int N>
std::optional<Enum> enum_from_text(std::string_view text) {
  for (int i = 0; i < N; ++i) {
    if (to_string(static_cast<Enum>(i)) == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

bool is_carer_role(RelationshipRole role) {
  return role == RelationshipRole::kMother || role == RelationshipRole::kFather ||
         role == RelationshipRole::kCarer;
}

// Events per WriteSet: large enough that handing sets between threads costs
// nothing, small enough that the writer starts early and little waits at the end.
constexpr std::size_t kEventsPerSet = 2048;
// Rows of a keyed table sorted and written together: at most 32Ki rows or
// 2 MiB of them per table, so that what waits at the end is small. Larger
// runs spare the writer thread page splits but cost the parsing thread
// longer sorts, all at once: measured on a million events in turns with
// these, runs of 128Ki rows or 8 MiB took 3% less CPU and 11% more wall time.
constexpr std::size_t kSortedRows = std::size_t{1} << 15;
constexpr std::size_t kSortedBytes = std::size_t{2} << 20;
// WriteSets waiting for the writer or being written: bounds an import's memory.
constexpr std::size_t kSetsInFlight = 4;

// Sets the journal mode ("wal", "delete"); whether it is now that mode.
// SQLite keeps the old mode (or reports the store busy) when another
// connection has the store open: that is no error, only a slower import.
bool set_journal_mode(Connection& db, const std::string& mode) noexcept {
  try {
    Statement set(db, ("PRAGMA journal_mode=" + mode).c_str());
    return set.step() && set.column_text(0) == mode;
  } catch (const std::exception&) {
    return false;
  }
}

// Writes an alert; an unchanged row is left alone, so writing the same alert
// twice changes nothing.
constexpr const char* kUpsertAlert =
    "INSERT INTO alerts(key, rule, child, owner, raised, due, level, resolved, json) "
    "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET "
    "rule = excluded.rule, child = excluded.child, owner = excluded.owner, "
    "raised = excluded.raised, due = excluded.due, level = excluded.level, "
    "resolved = excluded.resolved, json = excluded.json "
    "WHERE alerts.json IS NOT excluded.json";

void upsert_alert(Statement& upsert, const AlertRecord& a) {
  upsert.bind(1, a.key).bind(2, a.rule).bind(3, a.child).bind(4, a.owner).bind(5, a.raised);
  upsert.bind_text_or_null(6, a.due).bind(7, a.level).bind_text_or_null(8, a.resolved);
  upsert.bind(9, a.json).run();
}

constexpr const char* kInsertNotice =
    "INSERT OR REPLACE INTO safeguard_notices(key, child, recipient, at, rule, text) "
    "VALUES (?,?,?,?,?,?)";

void insert_notice(Statement& insert, const NoticeRecord& n) {
  insert.bind(1, n.key).bind(2, n.child).bind(3, n.to).bind(4, n.at).bind(5, n.rule);
  insert.bind(6, n.text).run();
}

// The statements an import uses besides its rows, prepared once per store.
struct BatchStatements {
  explicit BatchStatements(Connection& db)
      : insert_import(db, "INSERT INTO imports(source, started) VALUES (?, ?)"),
        finish_import(db, "UPDATE imports SET events_stored = ?, lines_skipped = ? WHERE id = ?"),
        next_seq(db, "SELECT coalesce(max(seq), 0) + 1 FROM events"),
        any_event(db, "SELECT 1 FROM events LIMIT 1") {}
  Statement insert_import, finish_import, next_seq, any_event;
};

// What an empty store knows.
class NoIds final : public KnownIds {
 public:
  bool has_person(std::string_view) const override { return false; }
  std::optional<IdInfo> find(std::string_view) const override { return std::nullopt; }
};

// One import. The calling thread parses and validates the feed, and turns
// each event into rows (append); a WritePipeline writes them into SQLite on
// the store's connection meanwhile. Questions about what earlier imports
// stored go to a StoreSnapshot on a second connection.
class SqliteBatch final : public ImportBatch {
 public:
  // `reader` opens (or reuses) the second connection; it is called only when
  // the store already holds events.
  SqliteBatch(Connection& db, const std::string& path, BatchStatements& s,
              sqlite::RowWriter& writer, const std::function<Connection&()>& reader,
              std::string_view source)
      : db_(db),
        path_(path),
        s_(s),
        writer_(writer),
        pipeline_(writer, kSetsInFlight),
        staged_(kEventsPerSet, kSortedRows, kSortedBytes),
        sink_(staged_, [this](const Id& id) {
          return snapshot_ ? snapshot_->persons_of_event(id) : sqlite::EventPersons{};
        }) {
    // Into an empty store, a rollback journal writes each page once: pages
    // the store did not have need no journal, and there is no log to copy
    // into the database afterwards. Only when no other connection has the
    // store open can the mode change; otherwise the import uses the log.
    const bool looks_empty = !s_.any_event.step();
    s_.any_event.reset();
    if (looks_empty) rollback_journal_ = set_journal_mode(db_, "delete");
    // The batch's only foreign key is events.import_id, which it sets from the
    // imports row it inserts first in the same transaction: it cannot fail,
    // and checking it would look `imports` up for every event. Foreign keys
    // can be switched only outside a transaction; on again after it.
    db_.exec("PRAGMA foreign_keys=OFF");
    try {
      transaction_.emplace(db_, sqlite::TransactionMode::kWrite);
      const auto started = SystemClock().now();
      s_.insert_import.bind(1, source).bind(2, started.to_string()).run();
      import_id_ = sqlite3_last_insert_rowid(db_.get());
      const bool store_was_empty = !s_.any_event.step();
      s_.any_event.reset();
      s_.next_seq.step();
      next_seq_ = s_.next_seq.column_int(0);
      s_.next_seq.reset();
      // Taken while this batch holds the write lock: exactly the store before it.
      if (!store_was_empty) snapshot_ = std::make_unique<sqlite::StoreSnapshot>(reader());
    } catch (...) {
      transaction_.reset();
      restore_connection();
      throw;
    }
  }

  ~SqliteBatch() override {
    writeback_.reset();
    if (transaction_->open()) {
      pipeline_.cancel();
      snapshot_.reset();
    }
    transaction_.reset();  // rolls back unless committed
    restore_connection();
  }

  const KnownIds& known_ids() const override {
    if (snapshot_) return *snapshot_;
    return no_ids_;
  }
  // Every row appended so far is written first and the writer thread
  // stopped, so that other stores may use the connection.
  Transaction& transaction() override {
    write_staged();
    return *transaction_;
  }

  bool already_stored(std::string_view line) override {
    if (!snapshot_) return false;  // then no line can have been stored before
    const bool found = snapshot_->line_stored(line, digest_of(line));
    if (found) ++skipped_;
    return found;
  }

  void append(const Event& e, const ResolvedIds& ids) override {
    const std::int64_t seq = next_seq_++;
    staged_[sqlite::Table::kEvents]
        .add(seq)
        .add(import_id_)
        .add(e.line)
        .add(to_string(e.type))
        .add_text_or_null(e.id)
        .add(e.at.to_string())
        .add(e.at.instant())
        .add(e.recorded.to_string())
        .add(e.recorded.instant())
        .add_text_or_null(e.by)
        .add(e.json)
        .end_row();
    staged_[sqlite::Table::kEventDigests].add(digest_of(e.json)).add(seq).end_row();
    sink_.set_line_ids(ids);
    project(e, source_of(seq, e), sink_);
    sink_.set_line_ids({});
    ++stored_;
    staged_.event_added();
    if (staged_.ready()) {
      // An import large enough for the writer thread fills the database file
      // (or, through the log, the log) for seconds: the disk writes it
      // meanwhile, not all at the commit. A small one has no need.
      if (!writeback_) writeback_.emplace(std::vector<std::string>{path_, path_ + "-wal"});
      pipeline_.submit(staged_.take(pipeline_.empty_set(), false));
    }
  }

  void commit() override {
    write_staged();
    s_.finish_import.bind(1, stored_).bind(2, skipped_).bind(3, import_id_).run();
    transaction_->commit();  // when it fails, the destructor rolls back
    writeback_.reset();
  }

 private:
  // Back to the write-ahead log the store is served with, and to checked
  // foreign keys, once the import's transaction has ended.
  void restore_connection() noexcept {
    try {
      db_.exec("PRAGMA foreign_keys=ON");
    } catch (const std::exception&) {
      // Only a closed or broken connection refuses; it is not used again.
    }
    if (!rollback_journal_) return;
    rollback_journal_ = false;
    // When this fails the store still works; the next open sets the log again.
    set_journal_mode(db_, "wal");
  }

  // Writes every row staged so far and stops the writer thread, so that the
  // connection is free for this thread; once only.
  void write_staged() {
    if (written_) return;
    const auto last = staged_.take(nullptr, true);
    pipeline_.finish();
    writer_.write(*last);
    snapshot_.reset();
    written_ = true;
  }

  Connection& db_;
  std::string path_;
  BatchStatements& s_;
  sqlite::RowWriter& writer_;
  sqlite::WritePipeline pipeline_;
  sqlite::StagedRows staged_;
  sqlite::ProjectionRows sink_;
  std::unique_ptr<sqlite::StoreSnapshot> snapshot_;  // null when the store was empty
  NoIds no_ids_;
  std::int64_t import_id_ = 0;
  std::int64_t next_seq_ = 1;  // sequence numbers are given here so rows can be staged
  std::int64_t stored_ = 0;
  std::int64_t skipped_ = 0;
  // Begun in the constructor (after the journal mode is chosen), ended by
  // commit() or, rolled back, by the destructor (before the mode is restored).
  std::optional<sqlite::SqliteTransaction> transaction_;
  bool written_ = false;           // write_staged() has run
  bool rollback_journal_ = false;  // the import writes through a rollback journal
  // From the first set handed to the writer thread until the transaction ends.
  std::optional<sqlite::BackgroundWriteback> writeback_;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path) : path_(path), db_(path) {
    // Larger pages: fewer b-tree levels and fewer pages written per event on
    // large imports (takes effect when the file is created).
    db_.exec("PRAGMA page_size=16384");
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA synchronous=FULL");
    db_.exec("PRAGMA foreign_keys=ON");
    // 64 MiB bounds memory on large imports. Keys arrive sorted a chunk at a
    // time, so a larger cache spares few pages from being spilled to the log
    // mid-transaction (measured: 256 MiB wrote the same bytes to it).
    db_.exec("PRAGMA cache_size=-65536");
    db_.exec("PRAGMA temp_store=MEMORY");
    Statement is_sqlite(db_, "SELECT count(*) FROM sqlite_master");  // fails on a non-database file
    is_sqlite.step();
    migration_ = sqlite::migrate_schema(db_, path_, sqlite::all_migrations(),
                                        [this] { refill_projections(); });
    statements_ = std::make_unique<BatchStatements>(db_);
    if (!writer_) writer_ = std::make_unique<sqlite::RowWriter>(db_);
  }

  // What opening the store did to its schema.
  const MigrationReport& migration() const { return migration_; }

  std::unique_ptr<ImportBatch> begin_import(std::string_view source) override {
    return std::make_unique<SqliteBatch>(
        db_, path_, *statements_, *writer_, [this]() -> Connection& { return reader(); }, source);
  }

  std::optional<PersonView> person(const Id& id, std::optional<Timestamp> as_known_at) override;
  std::vector<ChronologyEntry> chronology(const Id& id,
                                          std::optional<Timestamp> as_known_at) override;
  std::vector<ChronologyEntry> chronology(const PersonView& subject,
                                          std::optional<Timestamp> as_known_at) override;
  std::vector<Id> find_persons(const PersonQuery& query, std::size_t limit) override;
  bool involved(const Id& agency, const Id& person) override;
  std::optional<std::vector<Id>> persons_of_event(const Id& event_id) override;
  std::vector<AgencyView> agencies() override;
  StoreCounts counts() override;
  void for_each_event(const std::function<void(const StoredEvent&)>& visit) override;
  void for_each_event_in_replay_order(
      std::optional<Timestamp> until,
      const std::function<void(const StoredEvent&, const KnownIds&)>& visit) override;
  std::int64_t last_seq() override;
  void for_each_event_to_catch_up(
      const CatchUpWindow& window,
      const std::function<void(const StoredEvent&, const KnownIds&)>& visit) override;
  void save_alerts(const std::vector<AlertRecord>& alerts) override;
  void update_alerts(const std::vector<AlertRecord>& alerts) override;
  void add_notices(const std::vector<NoticeRecord>& notices) override;
  std::vector<AlertRecord> alerts() override;
  void save_notices(const std::vector<NoticeRecord>& notices) override;
  std::vector<NoticeRecord> notices(const Id& child) override;
  NoticePage notices_to(const std::string& recipient, std::size_t limit,
                        std::size_t offset) override;
  std::vector<NoticeCount> notice_counts(const std::string& recipient) override;
  void rebuild_projections() override;

 private:
  // Empties the `p_` tables and fills them again from the events, in the
  // transaction already open.
  void refill_projections();
  // The statement for `sql`, prepared once per store: the reads a server
  // makes for every request would otherwise spend much of their time in
  // SQLite's parser. Use it with a ResetOnExit, so that it never keeps a read
  // snapshot open between calls.
  Statement& prepared(const std::string& sql) {
    auto it = reads_.find(sql);
    if (it == reads_.end()) {
      it = reads_.emplace(sql, std::make_unique<Statement>(db_, sql.c_str())).first;
    }
    it->second->reset();
    return *it->second;
  }
  // The second connection, for StoreSnapshot: opened when first needed.
  Connection& reader() {
    if (!reader_) reader_ = std::make_unique<Connection>(path_);
    return *reader_;
  }

  std::string path_;
  Connection db_;
  MigrationReport migration_;
  std::unique_ptr<BatchStatements> statements_;
  std::unique_ptr<sqlite::RowWriter> writer_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> reads_;
  // Closed before db_, so that closing db_ (the last connection) checkpoints the log.
  std::unique_ptr<Connection> reader_;
};

struct ResetOnExit {
  Statement& statement;
  ~ResetOnExit() { statement.reset(); }
};

std::optional<PersonView> SqliteStore::person(const Id& id, std::optional<Timestamp> as_known_at) {
  const std::int64_t cutoff = cutoff_of(as_known_at);
  Statement& exists = prepared("SELECT 1 FROM p_persons WHERE id = ? AND recorded_s <= ?");
  ResetOnExit exists_done{exists};
  exists.bind(1, id).bind(2, cutoff);
  if (!exists.step()) return std::nullopt;

  PersonView view;
  view.id = id;
  Statement& details = prepared(
      "SELECT seq, at, recorded, given, family, dob, sex, nhs_number, nationality, "
      "language, interpreter, aliases FROM p_person_details "
      "WHERE person = ? AND recorded_s <= ? ORDER BY recorded_s, seq");
  ResetOnExit details_done{details};
  details.bind(1, id).bind(2, cutoff);
  while (details.step()) {
    PersonDetailsVersion v{source_from_columns(details, 0, 1, 2), {}};
    v.details.given = details.column_text(3);
    v.details.family = details.column_text(4);
    if (!details.column_is_null(5)) v.details.dob = Date::parse(details.column_text(5));
    if (!details.column_is_null(6)) v.details.sex = enum_from_text<Sex, 3>(details.column_text(6));
    v.details.nhs_number = details.column_text(7);
    v.details.nationality = details.column_text(8);
    v.details.language = details.column_text(9);
    if (!details.column_is_null(10)) v.details.interpreter = details.column_int(10) != 0;
    if (!details.column_is_null(11)) {
      v.details.aliases =
          nlohmann::json::parse(details.column_text(11)).get<std::vector<std::string>>();
    }
    if (!v.details.given.empty()) view.given = v.details.given;
    if (!v.details.family.empty()) view.family = v.details.family;
    if (v.details.dob) view.dob = v.details.dob;
    view.details_history.push_back(std::move(v));
  }

  Statement& life = prepared(
      "SELECT what, day FROM p_life_events WHERE person = ? AND recorded_s <= ? "
      "ORDER BY recorded_s, seq");
  ResetOnExit life_done{life};
  life.bind(1, id).bind(2, cutoff);
  while (life.step()) {
    const std::string what = life.column_text(0);
    const auto day = Date::parse(life.column_text(1));
    if (what == "expected") view.expected = day;
    if (what == "born") view.born = day;
    if (what == "died") view.died = day;
  }

  Statement& addresses = prepared(
      "SELECT seq, at, recorded, line1, line2, town, postcode, area, kind, notice "
      "FROM p_addresses WHERE person = ? AND recorded_s <= ? ORDER BY seq");
  ResetOnExit addresses_done{addresses};
  addresses.bind(1, id).bind(2, cutoff);
  while (addresses.step()) {
    AddressVersion v{source_from_columns(addresses, 0, 1, 2), {}, AddressNotice::kPlanned};
    v.address.line1 = addresses.column_text(3);
    v.address.line2 = addresses.column_text(4);
    v.address.town = addresses.column_text(5);
    v.address.postcode = addresses.column_text(6);
    v.address.area = addresses.column_text(7);
    v.address.kind =
        enum_from_text<AddressKind, 4>(addresses.column_text(8)).value_or(AddressKind::kUnknown);
    v.notice = enum_from_text<AddressNotice, 3>(addresses.column_text(9))
                   .value_or(AddressNotice::kPlanned);
    view.addresses.push_back(std::move(v));
  }

  Statement& whereabouts = prepared(
      "SELECT seq, at, recorded, state, detail FROM p_whereabouts "
      "WHERE person = ? AND recorded_s <= ? ORDER BY seq");
  ResetOnExit whereabouts_done{whereabouts};
  whereabouts.bind(1, id).bind(2, cutoff);
  while (whereabouts.step()) {
    WhereaboutsVersion v{source_from_columns(whereabouts, 0, 1, 2), Whereabouts::kAtAddress,
                         whereabouts.column_text(4)};
    const std::string state = whereabouts.column_text(3);
    for (Whereabouts w : {Whereabouts::kAtAddress, Whereabouts::kUnknown, Whereabouts::kMissing,
                          Whereabouts::kFound, Whereabouts::kClaimed}) {
      if (to_string(w) == state) v.state = w;
    }
    view.whereabouts.push_back(std::move(v));
  }

  Statement& carers = prepared(
      "SELECT seq, at, recorded, relative, role FROM p_relations "
      "WHERE child = ? AND recorded_s <= ? ORDER BY seq");
  ResetOnExit carers_done{carers};
  carers.bind(1, id).bind(2, cutoff);
  std::set<std::pair<Id, std::string>> seen;
  while (carers.step()) {
    const std::string role_text = carers.column_text(4);
    auto role = enum_from_text<RelationshipRole, 6>(role_text);
    if (!role || !seen.insert({carers.column_text(3), role_text}).second) continue;
    view.carers.push_back(
        RelationView{source_from_columns(carers, 0, 1, 2), carers.column_text(3), *role});
  }
  return view;
}

std::vector<ChronologyEntry> SqliteStore::chronology(const Id& id,
                                                     std::optional<Timestamp> as_known_at) {
  const auto subject = person(id, as_known_at);
  if (!subject) return {};
  return chronology(*subject, as_known_at);
}

std::vector<ChronologyEntry> SqliteStore::chronology(const PersonView& subject,
                                                     std::optional<Timestamp> as_known_at) {
  const Id& id = subject.id;
  // Whose events belong in the chronology, and how each is labelled.
  std::map<Id, std::string> label_of{{id, ""}};
  for (const RelationView& r : subject.carers) {
    if (is_carer_role(r.role) && !label_of.contains(r.relative)) {
      label_of[r.relative] = std::string(to_string(r.role));
    }
  }
  std::string sql =
      "SELECT e.seq, e.type, e.at, e.recorded, e.by, e.json, ep.person, ep.field "
      "FROM p_event_persons ep JOIN events e ON e.seq = ep.seq "
      "WHERE e.recorded_s <= ? AND ep.person IN (";
  for (std::size_t i = 0; i < label_of.size(); ++i) sql += i ? ",?" : "?";
  sql += ") ORDER BY e.at_s, e.recorded_s, e.seq";
  Statement& query = prepared(sql);
  ResetOnExit query_done{query};
  query.bind(1, cutoff_of(as_known_at));
  int index = 2;
  for (const auto& [person_id, label] : label_of) query.bind(index++, person_id);

  std::vector<ChronologyEntry> entries;
  while (query.step()) {
    const std::int64_t seq = query.column_int(0);
    if (entries.empty() || entries.back().seq != seq) {
      ChronologyEntry entry;
      entry.seq = seq;
      entry.type = parse_event_type(query.column_text(1)).value_or(EventType::kAgency);
      entry.at = *Timestamp::parse(query.column_text(2));
      entry.recorded = *Timestamp::parse(query.column_text(3));
      entry.by = query.column_text(4);
      entry.json = query.column_text(5);
      entries.push_back(std::move(entry));
    }
    const std::string& label = label_of[query.column_text(6)];
    std::string about = label.empty() ? query.column_text(7) : label;
    auto& list = entries.back().about;
    if (std::find(list.begin(), list.end(), about) == list.end()) list.push_back(std::move(about));
  }
  for (auto& entry : entries) std::sort(entry.about.begin(), entry.about.end());
  return entries;
}

std::vector<AgencyView> SqliteStore::agencies() {
  Statement query(db_, "SELECT id, name, kind, area, parent FROM p_agencies ORDER BY id");
  std::vector<AgencyView> out;
  while (query.step()) {
    AgencyView a;
    a.id = query.column_text(0);
    a.name = query.column_text(1);
    a.kind = enum_from_text<AgencyKind, 15>(query.column_text(2)).value_or(AgencyKind::kVoluntary);
    a.area = query.column_text(3);
    if (!query.column_is_null(4)) a.parent = query.column_text(4);
    out.push_back(std::move(a));
  }
  return out;
}

StoreCounts SqliteStore::counts() {
  StoreCounts c;
  Statement by_type(db_, "SELECT type, count(*) FROM events GROUP BY type");
  while (by_type.step()) {
    if (auto type = parse_event_type(by_type.column_text(0))) {
      c.by_type[*type] = by_type.column_int(1);
      c.events += by_type.column_int(1);
    }
  }
  Statement people(db_, "SELECT count(*) FROM p_persons");
  if (people.step()) c.people = people.column_int(0);
  Statement agencies(db_, "SELECT count(*) FROM p_agencies");
  if (agencies.step()) c.agencies = agencies.column_int(0);
  return c;
}

void SqliteStore::for_each_event(const std::function<void(const StoredEvent&)>& visit) {
  Statement query(db_, "SELECT seq, json FROM events ORDER BY seq");
  StoredEvent event;
  while (query.step()) {
    event.seq = query.column_int(0);
    event.json = query.column_text(1);
    visit(event);
  }
}

// The ids of the whole store, as seen from one stored event: everything but
// what that event itself defines.
class StoredIdsExceptDefining final : public KnownIds {
 public:
  // Reads every id once: a replay asks about ids for nearly every event, and
  // one query per question would cost more than the replay itself.
  explicit StoredIdsExceptDefining(Connection& db) {
    Statement persons(db, "SELECT id, seq FROM p_persons");
    while (persons.step()) persons_.emplace(persons.column_text(0), persons.column_int(1));
    Statement ids(db, "SELECT id, kind, defined_by, assessment_kind, agency_kind, seq FROM p_ids");
    while (ids.step()) {
      IdInfo info{static_cast<IdKind>(ids.column_int(1)), static_cast<EventType>(ids.column_int(2)),
                  std::nullopt, std::nullopt};
      if (!ids.column_is_null(3))
        info.assessment_kind = static_cast<AssessmentKind>(ids.column_int(3));
      if (!ids.column_is_null(4)) info.agency_kind = static_cast<AgencyKind>(ids.column_int(4));
      ids_.emplace(ids.column_text(0), std::make_pair(info, ids.column_int(5)));
    }
  }
  void set_current(std::int64_t seq) { current_ = seq; }

  bool has_person(std::string_view person_id) const override {
    const auto it = persons_.find(person_id);
    return it != persons_.end() && it->second != current_;
  }
  std::optional<IdInfo> find(std::string_view id) const override {
    const auto it = ids_.find(id);
    if (it == ids_.end() || it->second.second == current_) return std::nullopt;
    return it->second.first;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, std::int64_t, Hash, std::equal_to<>> persons_;  // id -> seq
  std::unordered_map<std::string, std::pair<IdInfo, std::int64_t>, Hash, std::equal_to<>> ids_;
  std::int64_t current_ = 0;
};

void SqliteStore::for_each_event_in_replay_order(
    std::optional<Timestamp> until,
    const std::function<void(const StoredEvent&, const KnownIds&)>& visit) {
  StoredIdsExceptDefining ids(db_);
  Statement query(db_,
                  "SELECT seq, json FROM events WHERE recorded_s <= ? ORDER BY recorded_s, seq");
  query.bind(1, cutoff_of(until));
  StoredEvent event;
  while (query.step()) {
    event.seq = query.column_int(0);
    event.json = query.column_text(1);
    ids.set_current(event.seq);
    visit(event, ids);
  }
}

// The ids of the store as seen from one stored event, looked up one at a
// time: for a catch-up of a few events, cheaper than reading them all.
class StoredIdsByLookup final : public KnownIds {
 public:
  explicit StoredIdsByLookup(Connection& db)
      : persons_(db, "SELECT seq FROM p_persons WHERE id = ?"),
        ids_(db,
             "SELECT kind, defined_by, assessment_kind, agency_kind, seq FROM p_ids WHERE id = ?") {
  }
  void set_current(std::int64_t seq) { current_ = seq; }

  bool has_person(std::string_view person_id) const override {
    persons_.bind(1, person_id);
    const bool found = persons_.step() && persons_.column_int(0) != current_;
    persons_.reset();
    return found;
  }
  std::optional<IdInfo> find(std::string_view id) const override {
    ids_.bind(1, id);
    std::optional<IdInfo> info;
    if (ids_.step() && ids_.column_int(4) != current_) {
      info = IdInfo{static_cast<IdKind>(ids_.column_int(0)),
                    static_cast<EventType>(ids_.column_int(1)), std::nullopt, std::nullopt};
      if (!ids_.column_is_null(2))
        info->assessment_kind = static_cast<AssessmentKind>(ids_.column_int(2));
      if (!ids_.column_is_null(3)) info->agency_kind = static_cast<AgencyKind>(ids_.column_int(3));
    }
    ids_.reset();
    return info;
  }

 private:
  mutable Statement persons_, ids_;
  std::int64_t current_ = 0;
};

std::int64_t SqliteStore::last_seq() {
  Statement s(db_, "SELECT coalesce(max(seq), 0) FROM events");
  s.step();
  return s.column_int(0);
}

void SqliteStore::for_each_event_to_catch_up(
    const CatchUpWindow& window,
    const std::function<void(const StoredEvent&, const KnownIds&)>& visit) {
  StoredEvent event;
  // One read transaction, so the ids answer for exactly the events read.
  in_transaction(db_, sqlite::TransactionMode::kRead, [&] {
    if (window.seen_seq == 0) {
      // The first window is a whole replay: read every id once.
      StoredIdsExceptDefining ids(db_);
      Statement query(db_,
                      "SELECT seq, json FROM events WHERE recorded_s <= ? AND seq <= ? "
                      "ORDER BY recorded_s, seq");
      query.bind(1, window.until).bind(2, window.upto_seq);
      while (query.step()) {
        event.seq = query.column_int(0);
        event.json = query.column_text(1);
        ids.set_current(event.seq);
        visit(event, ids);
      }
    } else {
      StoredIdsByLookup ids(db_);
      // Each half uses its own index: recorded_s for what time brings, seq
      // for what arrived.
      Statement query(db_,
                      "SELECT seq, json, recorded_s FROM events WHERE recorded_s > ?1 AND "
                      "recorded_s <= ?2 AND seq <= ?3 "
                      "UNION ALL SELECT seq, json, recorded_s FROM events WHERE seq > ?3 AND "
                      "seq <= ?4 AND recorded_s <= ?2 ORDER BY 3, 1");
      query.bind(1, window.seen_until)
          .bind(2, window.until)
          .bind(3, window.seen_seq)
          .bind(4, window.upto_seq);
      while (query.step()) {
        event.seq = query.column_int(0);
        event.json = query.column_text(1);
        ids.set_current(event.seq);
        visit(event, ids);
      }
    }
  });
}

void SqliteStore::update_alerts(const std::vector<AlertRecord>& alerts) {
  if (alerts.empty()) return;
  in_transaction(db_, sqlite::TransactionMode::kWrite, [&] {
    Statement upsert(db_, kUpsertAlert);
    for (const AlertRecord& a : alerts) upsert_alert(upsert, a);
  });
}

void SqliteStore::add_notices(const std::vector<NoticeRecord>& notices) {
  if (notices.empty()) return;
  in_transaction(db_, sqlite::TransactionMode::kWrite, [&] {
    Statement insert(db_, kInsertNotice);
    for (const NoticeRecord& n : notices) insert_notice(insert, n);
  });
}

void SqliteStore::save_alerts(const std::vector<AlertRecord>& alerts) {
  in_transaction(db_, sqlite::TransactionMode::kWrite, [&] {
    db_.exec("CREATE TEMP TABLE IF NOT EXISTS alerts_kept (key TEXT PRIMARY KEY)");
    db_.exec("DELETE FROM alerts_kept");
    Statement keep(db_, "INSERT OR IGNORE INTO alerts_kept(key) VALUES (?)");
    // An unchanged row is left alone, so saving the same alerts twice writes nothing.
    Statement upsert(db_, kUpsertAlert);
    for (const AlertRecord& a : alerts) {
      keep.bind(1, a.key).run();
      upsert_alert(upsert, a);
    }
    db_.exec("DELETE FROM alerts WHERE key NOT IN (SELECT key FROM alerts_kept)");
  });
}

std::vector<AlertRecord> SqliteStore::alerts() {
  Statement query(db_,
                  "SELECT key, rule, child, owner, raised, due, level, resolved, json FROM alerts "
                  "ORDER BY resolved IS NOT NULL, raised, rule, child, owner, key");
  std::vector<AlertRecord> out;
  while (query.step()) {
    out.push_back(AlertRecord{query.column_text(0), query.column_text(1), query.column_text(2),
                              query.column_text(3), query.column_text(4), query.column_text(5),
                              query.column_text(6), query.column_text(7), query.column_text(8)});
  }
  return out;
}

void SqliteStore::save_notices(const std::vector<NoticeRecord>& notices) {
  in_transaction(db_, sqlite::TransactionMode::kWrite, [&] {
    db_.exec("DELETE FROM safeguard_notices");
    Statement insert(db_, kInsertNotice);
    for (const NoticeRecord& n : notices) insert_notice(insert, n);
  });
}

std::vector<NoticeRecord> SqliteStore::notices(const Id& child) {
  Statement query(
      db_,
      "SELECT key, child, recipient, at, rule, text FROM safeguard_notices WHERE child = ? "
      "ORDER BY at, key");
  query.bind(1, child);
  std::vector<NoticeRecord> out;
  while (query.step()) {
    out.push_back(NoticeRecord{query.column_text(0), query.column_text(1), query.column_text(2),
                               query.column_text(3), query.column_text(4), query.column_text(5)});
  }
  return out;
}

NoticePage SqliteStore::notices_to(const std::string& recipient, std::size_t limit,
                                   std::size_t offset) {
  NoticePage page;
  Statement count(db_, "SELECT count(*) FROM safeguard_notices WHERE recipient = ?");
  count.bind(1, recipient);
  if (count.step()) page.total = count.column_int(0);
  // The index (recipient, at) carries the key too (the table is WITHOUT
  // ROWID), so this is read backwards off the index with no sort.
  Statement query(db_,
                  "SELECT key, child, recipient, at, rule, text FROM safeguard_notices "
                  "WHERE recipient = ? ORDER BY at DESC, key DESC LIMIT ? OFFSET ?");
  query.bind(1, recipient)
      .bind(2, static_cast<std::int64_t>(limit))
      .bind(3, static_cast<std::int64_t>(offset));
  while (query.step()) {
    page.notices.push_back(NoticeRecord{query.column_text(0), query.column_text(1),
                                        query.column_text(2), query.column_text(3),
                                        query.column_text(4), query.column_text(5)});
  }
  return page;
}

std::vector<NoticeCount> SqliteStore::notice_counts(const std::string& recipient) {
  Statement query(db_,
                  "SELECT recipient, rule, count(*) FROM safeguard_notices "
                  "WHERE ?1 = '' OR recipient = ?1 GROUP BY 1, 2 ORDER BY 1, 2");
  query.bind(1, recipient);
  std::vector<NoticeCount> out;
  while (query.step()) {
    out.push_back(NoticeCount{query.column_text(0), query.column_text(1), query.column_int(2)});
  }
  return out;
}

std::vector<Id> SqliteStore::find_persons(const PersonQuery& query, std::size_t limit) {
  if (query.empty()) return {};
  // Each word is a subquery of its own; thousands of them exceed SQLite's
  // limits. Callers say so to whoever typed them (children_api.cc).
  if (name_words(query.name) > kMaxNameWords) {
    throw StoreError("a name search of more than " + std::to_string(kMaxNameWords) + " words");
  }
  const auto without_spaces = [](std::string_view text, bool upper) {
    std::string out;
    for (char c : text) {
      if (c == ' ') continue;
      out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
    }
    return out;
  };
  // The shape of the statement depends only on which criteria are given;
  // every value is bound.
  std::string sql = "SELECT p.id FROM p_persons p WHERE 1";
  std::vector<std::string> values;
  std::string word;
  const auto add_name_word = [&] {
    if (word.empty()) return;
    for (char& c : word) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    const std::string n = "?" + std::to_string(values.size() + 1);
    // The start of a word of the given or family name: " sofia walker"
    // holds " w".
    sql +=
        " AND EXISTS (SELECT 1 FROM p_person_details d WHERE d.person = p.id AND (instr(' ' || "
        "lower(coalesce(d.given, '')) || ' ' || lower(coalesce(d.family, '')), ' ' || " +
        n + ") > 0 OR instr(lower(d.aliases), " + n + ") > 0))";
    values.push_back(word);
    word.clear();
  };
  for (char c : query.name) {
    if (c == ' ' || c == '\t') {
      add_name_word();
    } else {
      word.push_back(c);
    }
  }
  add_name_word();
  if (query.dob) {
    values.push_back(query.dob->to_string());
    sql += " AND EXISTS (SELECT 1 FROM p_person_details d WHERE d.person = p.id AND d.dob = ?" +
           std::to_string(values.size()) + ")";
  }
  if (!query.nhs_number.empty()) {
    values.push_back(without_spaces(query.nhs_number, false));
    sql +=
        " AND EXISTS (SELECT 1 FROM p_person_details d WHERE d.person = p.id AND "
        "replace(d.nhs_number, ' ', '') = ?" +
        std::to_string(values.size()) + ")";
  }
  if (!query.postcode.empty()) {
    values.push_back(without_spaces(query.postcode, true));
    sql +=
        " AND EXISTS (SELECT 1 FROM p_addresses a WHERE a.person = p.id AND "
        "replace(upper(a.postcode), ' ', '') = ?" +
        std::to_string(values.size()) + ")";
  }
  if (query.children_on) {
    // Not 18 on the day, and a child by what is recorded: named as the child
    // by some event, or with a date of birth (a child known only by a person
    // record is still a child; hiding a child from a search is the worse
    // mistake). A person with neither, or 18 or older, is an adult. A
    // registration with a GP names its person as `child` or, for an adult,
    // `person` (events-v1), which the projection does not tell apart.
    const std::string born =
        "coalesce((SELECT d.dob FROM p_person_details d WHERE d.person = p.id AND d.dob IS NOT "
        "NULL ORDER BY d.seq DESC LIMIT 1), (SELECT l.day FROM p_life_events l WHERE l.person = "
        "p.id AND l.what = 'born' ORDER BY l.seq DESC LIMIT 1))";
    values.push_back(query.children_on->plus_months(-18 * 12).to_string());
    sql +=
        " AND (EXISTS (SELECT 1 FROM p_event_persons ep JOIN events e ON e.seq = ep.seq WHERE "
        "ep.person = p.id AND ep.field = 'child' AND (e.type <> 'registration' OR "
        "json_extract(e.json, '$.child') = p.id)) OR " +
        born + " IS NOT NULL) AND coalesce(" + born + ", '9999-12-31') > ?" +
        std::to_string(values.size());
  }
  sql += " ORDER BY p.id LIMIT " + std::to_string(limit);
  Statement s(db_, sql.c_str());
  for (std::size_t i = 0; i < values.size(); ++i) s.bind(static_cast<int>(i + 1), values[i]);
  std::vector<Id> out;
  while (s.step()) out.push_back(s.column_text(0));
  return out;
}

bool SqliteStore::involved(const Id& agency, const Id& person) {
  // The same persons as chronology(): the person, and their carers.
  Statement& s = prepared(
      "SELECT 1 FROM p_involvement WHERE agency = ?1 AND person IN (SELECT ?2 UNION "
      "SELECT relative FROM p_relations WHERE child = ?2 AND role IN ('mother', "
      "'father', 'carer')) LIMIT 1");
  ResetOnExit done{s};
  s.bind(1, agency).bind(2, person);
  return s.step();
}

std::optional<std::vector<Id>> SqliteStore::persons_of_event(const Id& event_id) {
  Statement s(db_, "SELECT persons FROM p_ids WHERE id = ?");
  s.bind(1, event_id);
  if (!s.step()) return std::nullopt;
  std::vector<Id> out;
  if (!s.column_is_null(0)) {
    for (const auto& [person, field] :
         nlohmann::json::parse(s.column_text(0)).get<std::vector<std::pair<Id, std::string>>>()) {
      if (std::find(out.begin(), out.end(), person) == out.end()) out.push_back(person);
    }
  }
  return out;
}

void SqliteStore::rebuild_projections() {
  in_transaction(db_, sqlite::TransactionMode::kWrite, [&] { refill_projections(); });
}

void SqliteStore::refill_projections() {
  if (!writer_) writer_ = std::make_unique<sqlite::RowWriter>(db_);
  for (const char* table : sqlite::kProjectionTables) {
    db_.exec(("DELETE FROM " + std::string(table)).c_str());
  }
  // The same rows as an import writes, written here as they are staged;
  // every id is defined again by the events, so none is asked of the store.
  sqlite::StagedRows staged(kEventsPerSet, kSortedRows, kSortedBytes);
  sqlite::ProjectionRows sink(staged, nullptr);
  StoredEventReader reader;
  Statement query(db_, "SELECT seq, json FROM events ORDER BY seq");
  auto spare = std::make_unique<sqlite::WriteSet>();
  while (query.step()) {
    const std::int64_t seq = query.column_int(0);
    const Event event = reader.read(query.column_text(1), seq);
    project(event, source_of(seq, event), sink);
    staged.event_added();
    if (staged.ready()) {
      auto full = staged.take(std::move(spare), false);
      writer_->write(*full);
      full->clear();
      spare = std::move(full);
    }
  }
  writer_->write(*staged.take(nullptr, true));
}

std::unique_ptr<SqliteStore> make_sqlite_store(const std::string& path) {
  static const bool initialised = sodium_init() >= 0;
  if (!initialised) throw StoreError("libsodium could not be initialised");
  return std::make_unique<SqliteStore>(path);
}

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  return make_sqlite_store(path);
}

MigrationReport migrate_sqlite_store(const std::string& path) {
  return make_sqlite_store(path)->migration();
}

}  // namespace sightline
