#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "../support/test_support.h"
#include "feed/parser.h"
#include "store/importer.h"
#include "store/stored_event_reader.h"

namespace sightline {
namespace {

using testing::TempDir;
using testing::test_data;

struct Imported {
  ImportResult result;
  std::vector<Fault> faults;
};

Imported import_file(Store& store, const std::string& relative) {
  std::ifstream in(test_data(relative));
  Imported out;
  ImportCallbacks callbacks;
  callbacks.on_fault = [&](const Fault& f) { out.faults.push_back(f); };
  out.result = import_feed(store, in, relative, callbacks);
  return out;
}

Imported import_text(Store& store, const std::string& text) {
  std::istringstream in(text);
  Imported out;
  ImportCallbacks callbacks;
  callbacks.on_fault = [&](const Fault& f) { out.faults.push_back(f); };
  out.result = import_feed(store, in, "inline", callbacks);
  return out;
}

std::int64_t count_rows(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
  std::int64_t n = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

std::vector<std::string> types_of(const std::vector<ChronologyEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.emplace_back(to_string(e.type));
  return out;
}

TEST(SqliteStore, ImportStoresEveryEventWithItsTimesAndOriginalLine) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  const auto imported = import_file(*store, "feeds/store-family.jsonl");
  ASSERT_TRUE(imported.result.committed)
      << (imported.faults.empty() ? "" : imported.faults[0].to_string());
  EXPECT_EQ(imported.result.stored, 13);
  EXPECT_EQ(imported.result.stored_by_type.at(EventType::kAgency), 3);
  EXPECT_EQ(imported.result.stored_by_type.at(EventType::kPerson), 3);

  const StoreCounts counts = store->counts();
  EXPECT_EQ(counts.events, 13);
  EXPECT_EQ(counts.agencies, 3);
  EXPECT_EQ(counts.people, 2);  // mum, and the unborn child created by the pregnancy

  std::vector<StoredEvent> all;
  store->for_each_event([&](const StoredEvent& e) { all.push_back(e); });
  ASSERT_EQ(all.size(), 13u);
  EXPECT_EQ(
      all[4].json,
      testing::read_file(test_data("feeds/store-family.jsonl")).substr(0, 0) +
          R"({"type":"pregnancy","id":"preg-1","at":"2012-01-16","recorded":"2012-01-20","by":"smh-mw","mother":"mum","child":"baby","edd":"2012-09-30","note":"booking appointment"})");
  EXPECT_EQ(count_rows(dir.file("s.db"),
                       "SELECT count(*) FROM events WHERE type='pregnancy' AND at='2012-01-16' AND "
                       "recorded='2012-01-20' AND by='smh-mw'"),
            1);
  EXPECT_EQ(count_rows(dir.file("s.db"),
                       "SELECT count(*) FROM events WHERE type='agency' AND by IS NULL"),
            3);
}

TEST(SqliteStore, OpensWithWriteAheadLogAndFullSync) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  EXPECT_EQ(count_rows(dir.file("s.db"),
                       "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode='wal'"),
            1);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(dir.file("s.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
}

// A store holds children's records: its files were made 0644, readable by
// every account on the machine.
TEST(SqliteStore, ANewStoreAndItsLogAreReadableByTheirOwnerOnly) {
  TempDir dir;
  const std::string path = dir.file("s.db");
  auto store = open_sqlite_store(path);
  // The second import, into a store that holds events, goes through the log.
  for (const char* id : {"ealing-hv", "luton-hv"}) {
    ASSERT_TRUE(import_text(*store, std::string(R"({"type":"agency","id":")") + id +
                                        R"(","at":"2012-01-02","name":"HV",)"
                                        R"("kind":"health_visiting","area":"E09000009"})"
                                        "\n")
                    .result.committed);
  }
  for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0) << file;
    EXPECT_EQ(st.st_mode & 0077, 0u) << file << " is mode " << std::oct << (st.st_mode & 0777);
  }
}

// An import into an empty store writes through a rollback journal when it
// has the store to itself, and is back in the write-ahead log after; with
// another connection open it stays in the log. Both store the same.
TEST(SqliteStore, AnImportIntoAnEmptyStoreEndsInTheWriteAheadLogEitherWay) {
  for (const bool shared : {false, true}) {
    TempDir dir;
    const std::string path = dir.file("s.db");
    auto store = open_sqlite_store(path);
    sqlite3* other = nullptr;
    if (shared) {
      ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
      ASSERT_EQ(sqlite3_exec(other, "SELECT count(*) FROM events", nullptr, nullptr, nullptr),
                SQLITE_OK);
    }
    const Imported imported = import_file(*store, "scenarios/sofia.jsonl");
    ASSERT_TRUE(imported.result.committed) << shared;
    if (other) sqlite3_close(other);
    EXPECT_EQ(store->counts().events, imported.result.stored) << shared;
    EXPECT_EQ(count_rows(path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode='wal'"),
              1)
        << shared;
    EXPECT_EQ(count_rows(path, "SELECT count(*) FROM events"), imported.result.stored) << shared;
  }
}

TEST(SqliteStore, EventsAreAppendOnly) {
  TempDir dir;
  {
    auto store = open_sqlite_store(dir.file("s.db"));
    ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.file("s.db").c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE events SET json='{}' WHERE seq=1", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM events WHERE seq=1", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(count_rows(dir.file("s.db"), "SELECT count(*) FROM events"), 13);
}

TEST(SqliteStore, FaultyFeedStoresNothingAndNamesEveryFaultyLine) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  const auto imported = import_file(*store, "feeds/store-faulty.jsonl");
  EXPECT_FALSE(imported.result.committed);
  EXPECT_EQ(imported.result.stored, 0);
  EXPECT_EQ(imported.result.faulty_lines, 3);
  std::set<std::int64_t> lines;
  for (const Fault& f : imported.faults) lines.insert(f.line);
  EXPECT_EQ(lines, (std::set<std::int64_t>{3, 4, 6}));
  EXPECT_EQ(store->counts().events, 0);
  for (const char* table : {"events", "p_persons", "p_agencies", "p_ids", "p_event_persons"}) {
    EXPECT_EQ(count_rows(dir.file("s.db"), std::string("SELECT count(*) FROM ") + table), 0)
        << table;
  }
  EXPECT_EQ(count_rows(dir.file("s.db"), "SELECT count(*) FROM imports"), 0);
}

TEST(SqliteStore, ReimportingTheSameFeedChangesNothing) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  const auto before = store->chronology("baby", std::nullopt);
  const auto again = import_file(*store, "feeds/store-family.jsonl");
  ASSERT_TRUE(again.result.committed);
  EXPECT_EQ(again.result.stored, 0);
  EXPECT_EQ(again.result.already_stored, 13);
  EXPECT_EQ(store->counts().events, 13);
  EXPECT_EQ(types_of(store->chronology("baby", std::nullopt)), types_of(before));
}

TEST(SqliteStore, IdenticalLinesWithinOneFeedAreBothStored) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  const std::string sms =
      R"({"type":"contact","at":"2013-05-01","by":"wcc-csc","persons":["mum"],"mode":"sms","child_seen":false,"outcome":"no_answer"})";
  const auto twice = import_text(*store, sms + "\n" + sms + "\n");
  ASSERT_TRUE(twice.result.committed);
  EXPECT_EQ(twice.result.stored, 2);
  const auto replayed = import_text(*store, sms + "\n" + sms + "\n");
  EXPECT_EQ(replayed.result.stored, 0);
  EXPECT_EQ(store->counts().by_type.at(EventType::kContact), 2);
}

TEST(SqliteStore, AContactKeepsWhereItTookPlaceThroughTheChronology) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  const auto visit = import_text(
      *store,
      R"({"type":"contact","at":"2013-05-02","by":"wcc-csc","persons":["baby"],"mode":"home_visit","child_seen":true,"outcome":"seen","address":{"line1":"2 Elm Row","postcode":"W2 1AA","area":"E09000033"}})");
  ASSERT_TRUE(visit.result.committed) << visit.faults.at(0).to_string();
  std::optional<Address> where;
  for (const ChronologyEntry& entry : store->chronology("baby", std::nullopt)) {
    if (entry.type != EventType::kContact) continue;
    StoredEventReader reader;
    where = reader.read(entry.json, entry.seq).as<ContactEvent>().address;
  }
  ASSERT_TRUE(where.has_value());
  EXPECT_EQ(where->line1, "2 Elm Row");
  EXPECT_EQ(where->postcode, "W2 1AA");
  EXPECT_EQ(where->area, "E09000033");
}

TEST(SqliteStore, LaterFeedMayReferToIdsOfAnEarlierOne) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  const auto more = import_file(*store, "feeds/store-family-more.jsonl");
  ASSERT_TRUE(more.result.committed) << more.faults.at(0).to_string();
  EXPECT_EQ(more.result.stored, 2);
  const auto dup = import_text(
      *store,
      R"({"type":"agency","id":"wcc-csc","at":"2013-01-01","name":"Other","kind":"police","area":"E09000033"})");
  EXPECT_FALSE(dup.result.committed);
  ASSERT_EQ(dup.faults.size(), 1u);
  EXPECT_EQ(dup.faults[0].line, 1);
}

TEST(SqliteStore, PersonKeepsHistoryOfDetails) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  const auto mum = store->person("mum", std::nullopt);
  ASSERT_TRUE(mum);
  EXPECT_EQ(mum->display_name(), "Ana Lopes-Silva");
  ASSERT_EQ(mum->details_history.size(), 2u);
  EXPECT_EQ(mum->details_history[0].details.family, "Lopes");
  EXPECT_EQ(mum->details_history[1].details.family, "Lopes-Silva");
  EXPECT_EQ(mum->dob, Date::parse("1979-03-02"));

  const auto earlier = store->person("mum", Timestamp::end_of(*Date::parse("2012-12-31")));
  ASSERT_TRUE(earlier);
  EXPECT_EQ(earlier->display_name(), "Ana Lopes");
}

TEST(SqliteStore, PregnancyCreatesTheUnbornChild) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  const auto unborn = store->person("baby", Timestamp::end_of(*Date::parse("2012-06-30")));
  ASSERT_TRUE(unborn);
  EXPECT_EQ(unborn->expected, Date::parse("2012-09-30"));
  EXPECT_FALSE(unborn->born);
  EXPECT_EQ(unborn->display_name(), "unborn child baby");
  ASSERT_EQ(unborn->carers.size(), 1u);
  EXPECT_EQ(unborn->carers[0].relative, "mum");
  EXPECT_EQ(unborn->carers[0].role, RelationshipRole::kMother);

  // Recorded on 2012-01-20: unknown before then.
  EXPECT_FALSE(store->person("baby", Timestamp::end_of(*Date::parse("2012-01-19"))));

  const auto born = store->person("baby", std::nullopt);
  ASSERT_TRUE(born);
  EXPECT_EQ(born->born, Date::parse("2012-09-28"));
  EXPECT_EQ(born->display_name(), "Sofia Lopes");
}

TEST(SqliteStore, AddressesAndWhereaboutsOverTime) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  ASSERT_TRUE(import_file(*store, "feeds/store-family-more.jsonl").result.committed);
  const auto mum = store->person("mum", std::nullopt);
  ASSERT_EQ(mum->addresses.size(), 2u);
  EXPECT_EQ(mum->addresses[0].address.postcode, "W2 1AA");
  EXPECT_EQ(mum->addresses[1].address.area, "E06000032");
  EXPECT_EQ(mum->addresses[1].notice, AddressNotice::kWithoutNotice);

  const auto baby = store->person("baby", std::nullopt);
  ASSERT_EQ(baby->whereabouts.size(), 2u);
  EXPECT_EQ(baby->whereabouts[0].state, Whereabouts::kAtAddress);
  EXPECT_EQ(baby->whereabouts[1].state, Whereabouts::kClaimed);
  EXPECT_NE(baby->whereabouts[1].detail.find("not verified"), std::string::npos);

  // The move to Luton was recorded only in January 2013.
  const auto in_2012 = store->person("mum", Timestamp::end_of(*Date::parse("2012-12-31")));
  EXPECT_EQ(in_2012->addresses.size(), 1u);
}

TEST(SqliteStore, ChronologyJoinsTheChildAndHerCarersInOrderOfHappening) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  const auto all = store->chronology("baby", std::nullopt);
  EXPECT_EQ(types_of(all), (std::vector<std::string>{"person", "pregnancy", "address", "referral",
                                                     "referral_outcome", "birth", "person",
                                                     "registration", "address", "person"}));
  // The mother's own events are labelled as hers.
  EXPECT_EQ(all[0].about, std::vector<std::string>{"mother"});
  EXPECT_EQ(all[3].about, (std::vector<std::string>{"child", "mother"}));

  const auto known_2012 = store->chronology("baby", Timestamp::end_of(*Date::parse("2012-12-31")));
  for (const auto& e : known_2012) EXPECT_LT(e.recorded.date.year(), 2013) << e.json;
  EXPECT_EQ(known_2012.size(), 7u);  // the registration, move and name correction came later
  EXPECT_TRUE(store->chronology("nobody", std::nullopt).empty());
}

TEST(SqliteStore, RebuildingProjectionsGivesTheSameViews) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  ASSERT_TRUE(import_file(*store, "feeds/store-family-more.jsonl").result.committed);
  const auto chronology_before = store->chronology("baby", std::nullopt);
  const auto mum_before = store->person("mum", std::nullopt);
  store->rebuild_projections();
  const auto chronology_after = store->chronology("baby", std::nullopt);
  ASSERT_EQ(chronology_after.size(), chronology_before.size());
  for (std::size_t i = 0; i < chronology_after.size(); ++i) {
    EXPECT_EQ(chronology_after[i].seq, chronology_before[i].seq);
    EXPECT_EQ(chronology_after[i].about, chronology_before[i].about);
  }
  const auto mum_after = store->person("mum", std::nullopt);
  EXPECT_EQ(mum_after->display_name(), mum_before->display_name());
  EXPECT_EQ(mum_after->addresses.size(), mum_before->addresses.size());
  EXPECT_EQ(store->counts().people, 2);
}

TEST(SqliteStore, InvolvementFollowsTheChronologyCarersIncludedAndSurvivesRebuilds) {
  TempDir dir;
  const std::string path = dir.file("s.db");
  {
    auto store = open_sqlite_store(path);
    ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
    ASSERT_TRUE(
        import_text(
            *store,
            R"({"type":"agency","id":"luton-police","at":"2013-01-01","name":"Police","kind":"police","area":"E06000032"})"
            "\n"
            R"({"type":"agency","id":"luton-hv","at":"2013-01-01","name":"HV","kind":"health_visiting","area":"E06000032"})"
            "\n"
            R"({"type":"contact","at":"2013-02-04","by":"luton-police","persons":["mum"],"mode":"home_visit","child_seen":false,"outcome":"no_access"})"
            "\n")
            .result.committed);
    struct Case {
      const char* agency;
      const char* person;
      bool involved;
    };
    const Case cases[] = {
        {"smh-mw", "baby", true},        // reported about her
        {"wcc-csc", "baby", true},       // a referral was sent to it
        {"ealing-gp", "baby", true},     // she registered with it
        {"luton-police", "mum", true},   // reported about the mother only...
        {"luton-police", "baby", true},  // ...which is in the baby's chronology
        {"luton-hv", "baby", false},     // never named
        {"smh-mw", "nobody", false},     // no such person
        {"", "baby", false},
    };
    const auto check = [&](Store& s, const char* when) {
      for (const Case& c : cases) {
        EXPECT_EQ(s.involved(c.agency, c.person), c.involved)
            << when << ": " << c.agency << " with " << c.person;
      }
    };
    check(*store, "after import");
    store->rebuild_projections();
    check(*store, "after a rebuild");
    // A store made before the projection existed (at version 1, as every
    // store was then) gets it on opening.
    store.reset();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP TABLE p_involvement; UPDATE meta SET value = '1' WHERE key = "
                           "'schema_version'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    store = open_sqlite_store(path);
    check(*store, "after reopening an older store");
  }
}

TEST(SqliteStore, RefusesAFileThatIsNotAStore) {
  TempDir dir;
  std::ofstream(dir.file("junk.db"))
      << "this is not a database, just some text that is long enough";
  EXPECT_THROW(open_sqlite_store(dir.file("junk.db")), StoreError);
}

TEST(SqliteStore, ReplayOrderIsByRecordedThenArrival) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(import_file(*store, "feeds/store-family.jsonl").result.committed);
  std::vector<std::int64_t> seqs;
  store->for_each_event_in_replay_order(
      std::nullopt, [&](const StoredEvent& e, const KnownIds&) { seqs.push_back(e.seq); });
  // Line 12 (registration, recorded 2013-01-10) comes after line 11 (recorded
  // 2013-01-07) and line 13 (at 2013-01-15) comes last; line 5 (recorded
  // 2012-01-20) after line 4 (2012-01-10).
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}));
  std::vector<std::int64_t> until_2012;
  store->for_each_event_in_replay_order(
      Timestamp::end_of(*Date::parse("2012-12-31")),
      [&](const StoredEvent& e, const KnownIds&) { until_2012.push_back(e.seq); });
  EXPECT_EQ(until_2012, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
}

TEST(SqliteStore, ReplayOrderPutsLateRecordingsAfterEarlierOnes) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  ASSERT_TRUE(
      import_text(
          *store,
          R"({"type":"agency","id":"a","at":"2012-01-01","name":"A","kind":"police","area":"E09000033"}
{"type":"person","id":"p","at":"2012-01-02","recorded":"2012-03-01","by":"a","given":"P","family":"Q"}
{"type":"agency","id":"b","at":"2012-02-01","name":"B","kind":"police","area":"E09000033"})")
          .result.committed);
  std::vector<std::int64_t> seqs;
  store->for_each_event_in_replay_order(
      std::nullopt, [&](const StoredEvent& e, const KnownIds&) { seqs.push_back(e.seq); });
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{1, 3, 2}));
}

TEST(SqliteStore, StoredEventsReparseInReplayOrder) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  // The outcome is recorded before the referral it answers: replay order is
  // not arrival order, yet every stored line must parse again.
  ASSERT_TRUE(
      import_text(
          *store,
          R"({"type":"agency","id":"csc","at":"2012-01-01","name":"CSC","kind":"childrens_social_care","area":"E09000033"}
{"type":"person","id":"kid","at":"2012-01-01","by":"csc","given":"K","family":"D"}
{"type":"referral","id":"ref","at":"2012-02-01","recorded":"2012-02-10","by":"csc","child":"kid","from":"csc","to":"csc","concerns":[]}
{"type":"referral_outcome","at":"2012-02-02","by":"csc","referral":"ref","outcome":"assessment"}
{"type":"referral","id":"ref","at":"2012-02-01","by":"csc","child":"kid","from":"csc","to":"csc","concerns":[]})")
          .faults.size() == 1);  // the last line repeats an id: the feed is refused
  ASSERT_TRUE(
      import_text(
          *store,
          R"({"type":"agency","id":"csc","at":"2012-01-01","name":"CSC","kind":"childrens_social_care","area":"E09000033"}
{"type":"person","id":"kid","at":"2012-01-01","by":"csc","given":"K","family":"D"}
{"type":"referral","id":"ref","at":"2012-02-01","recorded":"2012-02-10","by":"csc","child":"kid","from":"csc","to":"csc","concerns":[]}
{"type":"referral_outcome","at":"2012-02-02","by":"csc","referral":"ref","outcome":"assessment"})")
          .result.committed);
  std::vector<std::string> types;
  store->for_each_event_in_replay_order(std::nullopt,
                                        [&](const StoredEvent& e, const KnownIds& ids) {
                                          FeedParser parser(&ids);
                                          std::vector<Fault> faults;
                                          auto event = parser.parse_line(e.json, e.seq, faults);
                                          ASSERT_TRUE(event) << faults.at(0).to_string();
                                          types.emplace_back(to_string(event->type));
                                        });
  EXPECT_EQ(types, (std::vector<std::string>{"agency", "person", "referral_outcome", "referral"}));
}

TEST(SqliteStore, SavedAlertsAreKeptOncePerKeyAndReplacedWhole) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("s.db"));
  const AlertRecord open{"r|c|o|1", "r", "c", "o", "2013-01-02", "2013-01-01", "manager", "", "{}"};
  const AlertRecord done{"r|c|o|0",      "r",          "c",        "o", "2012-12-01", "",
                         "practitioner", "2012-12-05", "{\"x\":1}"};
  store->save_alerts({open, done});
  store->save_alerts({open, done});
  EXPECT_EQ(store->alerts(), (std::vector<AlertRecord>{open, done}));  // open first

  AlertRecord escalated = open;
  escalated.level = "partnership";
  escalated.json = "{\"level\":\"partnership\"}";
  store->save_alerts({escalated});
  EXPECT_EQ(store->alerts(), std::vector<AlertRecord>{escalated});
}

// The query plan SQLite picks for `sql`, one detail per line.
std::string query_plan(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  const std::string explain = "EXPLAIN QUERY PLAN " + sql;
  EXPECT_EQ(sqlite3_prepare_v2(db, explain.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
  std::string out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3));
    out += "\n";
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

TEST(SqliteStore, NoticesToARecipientNewestFirstAPageAtATime) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  auto store = open_sqlite_store(db);
  std::vector<NoticeRecord> saved;
  for (int i = 0; i < 7; ++i) {
    const std::string day = "2026-01-1" + std::to_string(i);
    saved.push_back({"hv|c" + std::to_string(i), "c" + std::to_string(i), "ealing-hv", day,
                     "hv-new-registration", "text " + std::to_string(i)});
  }
  saved.push_back({"other|c9", "c9", "luton-hv", "2026-01-20", "hv-new-registration", "x"});
  saved.push_back(
      {"area|c8", "c8", "health_visiting:E09000009", "2026-01-19", "hv-new-registration", "y"});
  store->save_notices(saved);

  const NoticePage first = store->notices_to("ealing-hv", 3, 0);
  EXPECT_EQ(first.total, 7);
  ASSERT_EQ(first.notices.size(), 3u);
  EXPECT_EQ(first.notices[0], saved[6]);
  EXPECT_EQ(first.notices[1], saved[5]);
  EXPECT_EQ(first.notices[2], saved[4]);
  const NoticePage last = store->notices_to("ealing-hv", 3, 6);
  ASSERT_EQ(last.notices.size(), 1u);
  EXPECT_EQ(last.notices[0], saved[0]);
  EXPECT_EQ(store->notices_to("ealing-hv", 3, 7).notices.size(), 0u);
  const NoticePage luton = store->notices_to("luton-hv", 50, 0);
  ASSERT_EQ(luton.total, 1);
  EXPECT_EQ(luton.notices[0].child, "c9");
  EXPECT_EQ(store->notices_to("ealing-csc", 50, 0).total, 0);
  EXPECT_EQ(store->notices_to("health_visiting:E09000009", 50, 0).notices.size(), 1u);

  EXPECT_EQ(store->notice_counts(""),
            (std::vector<NoticeCount>{{"ealing-hv", "hv-new-registration", 7},
                                      {"health_visiting:E09000009", "hv-new-registration", 1},
                                      {"luton-hv", "hv-new-registration", 1}}));
  EXPECT_EQ(store->notice_counts("luton-hv"),
            (std::vector<NoticeCount>{{"luton-hv", "hv-new-registration", 1}}));

  // Read off the recipient's index, newest first, without sorting.
  const std::string plan =
      query_plan(db,
                 "SELECT key, child, recipient, at, rule, text FROM safeguard_notices "
                 "WHERE recipient = 'ealing-hv' ORDER BY at DESC, key DESC LIMIT 3 OFFSET 0");
  EXPECT_NE(plan.find("safeguard_notices_by_recipient"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

}  // namespace
}  // namespace sightline
