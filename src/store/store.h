// The event store: append-only and bitemporal.
//
// Every event keeps when it happened (`at`), when Sightline learnt it
// (`recorded`), the reporting agency and the line exactly as it was sent.
// Nothing is updated or deleted; a correction is a new event. Projections are
// kept beside the events in the same transaction, and can be rebuilt from them.
//
// Writes go through an ImportBatch: everything appended to one batch becomes
// visible together on commit(), or not at all. Implementations must make a
// committed batch durable before commit() returns.
#pragma once

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronology/views.h"
#include "feed/event.h"
#include "feed/known_ids.h"
#include "feed/resolved_ids.h"
#include "store/transaction.h"

namespace sightline {

// Something Sightline itself did at once for a child (e.g. telling health
// visiting of a GP registration), kept on the child's chronology so the agency
// it was sent to sees it. Like alerts, notices are computed by the safeguards
// and kept once per `key`.
struct NoticeRecord {
  std::string key;
  std::string child;
  std::string to;    // agency id, or KIND:AREA
  std::string at;    // YYYY-MM-DD
  std::string rule;  // the safeguard that sent it
  std::string text;
  friend bool operator==(const NoticeRecord&, const NoticeRecord&) = default;
};

// A page of the notices sent to one recipient, and how many there are in all.
struct NoticePage {
  std::vector<NoticeRecord> notices;  // newest first
  std::int64_t total = 0;
};

// How many notices a safeguard sent to a recipient: aggregate figures that
// name no child.
struct NoticeCount {
  std::string to, rule;
  std::int64_t count = 0;
  friend bool operator==(const NoticeCount&, const NoticeCount&) = default;
};

// One event as stored.
struct StoredEvent {
  std::int64_t seq = 0;
  std::string json;
};

// An alert as the store keeps it. The store does not interpret alerts: the
// safeguards engine computes them from the events; the store keeps exactly one
// row per occurrence `key` (rule, child, owner, occurrence), so replaying the
// same events any number of times never doubles an alert.
struct AlertRecord {
  std::string key;
  std::string rule, child, owner;
  std::string raised;  // YYYY-MM-DD
  std::string due;     // YYYY-MM-DD, or empty for a fault
  std::string level;
  std::string resolved;  // YYYY-MM-DD, or empty while open
  std::string json;      // the alert as `replay --json` prints it
  friend bool operator==(const AlertRecord&, const AlertRecord&) = default;
};

// What to look a person up by; every non-empty criterion must hold. Values are
// compared as a practitioner would type them: names case-insensitively, word
// by word in any order, each word the start of a word of any version of the
// person's given or family name ("Sofia W" finds Sofia Walker), or a part of
// an alias; NHS numbers and postcodes ignoring spaces (postcodes also case).
// Any postcode the person has lived at counts, and any date of birth or NHS
// number ever recorded for them.
// The most words of a name a search matches (each is a condition of its own):
// a given and a family name, with room for middle names and aliases.
inline constexpr std::size_t kMaxNameWords = 8;

// The words of a search's name, as find_persons splits it (on spaces and tabs).
inline std::size_t name_words(std::string_view name) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : name) {
    const bool blank = c == ' ' || c == '\t';
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

struct PersonQuery {
  // At most kMaxNameWords words; find_persons refuses more.
  std::string name = {};
  std::optional<Date> dob = {};
  std::string nhs_number = {};
  std::string postcode = {};
  // When given, only the persons who are children on this day: named as the
  // child by some event, and not yet 18 by their latest date of birth (or,
  // without one, their birth). Not a criterion of its own: a query with only
  // this is empty.
  std::optional<Date> children_on = {};
  bool empty() const { return name.empty() && !dob && nhs_number.empty() && postcode.empty(); }
};

// How far a live safeguards engine has come through the store, and how far to
// take it: it has applied the events numbered up to `seen_seq` that were
// recorded by `seen_until`, and is to apply every other event numbered up to
// `upto_seq` that was recorded by `until`. Instants are Timestamp::instant().
// Events recorded later wait for a later window, so an event dated in the
// future is applied when its time comes.
struct CatchUpWindow {
  std::int64_t seen_seq = 0;
  std::int64_t seen_until = std::numeric_limits<std::int64_t>::min();
  std::int64_t upto_seq = 0;
  std::int64_t until = 0;
};

class ImportBatch {
 public:
  virtual ~ImportBatch() = default;  // rolls back unless committed
  // Ids already in the store, and those appended to this batch so far.
  virtual const KnownIds& known_ids() const = 0;
  // True when a line with these exact bytes was stored by an earlier batch:
  // re-importing a feed skips such lines, so it changes nothing.
  virtual bool already_stored(std::string_view line) = 0;
  // Stores the event and its projection facts. `ids` are the numbers the
  // parser of the batch's feed gave the line's ids (FeedParser::resolved_ids()),
  // which the batch may use rather than look the same strings up again;
  // empty ({}) when the event did not come from such a parser.
  virtual void append(const Event& event, const ResolvedIds& ids) = 0;
  // The transaction the batch writes in, for other stores to write rows that
  // must commit with its events, or not at all (the audit record of an API
  // write, the relationships it claims). Every event appended so far is
  // written first; nothing more may be appended after. Commit through the
  // batch (commit()), never the transaction itself.
  virtual Transaction& transaction() = 0;
  // Makes the batch durable and visible. Throws StoreError on failure, in
  // which case nothing of the batch is stored.
  virtual void commit() = 0;
};

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Store {
 public:
  virtual ~Store() = default;

  // `source` names where the batch came from (a file name, "api", ...).
  virtual std::unique_ptr<ImportBatch> begin_import(std::string_view source) = 0;

  // nullopt when the person is unknown (or not yet known at `as_known_at`).
  virtual std::optional<PersonView> person(const Id& id, std::optional<Timestamp> as_known_at) = 0;
  // The integrated chronology of a person (for a child: its own events and its
  // carers'), ordered by `at`, then `recorded`, then arrival. With
  // `as_known_at`, only what had been recorded by then.
  virtual std::vector<ChronologyEntry> chronology(const Id& id,
                                                  std::optional<Timestamp> as_known_at) = 0;
  // The same for a person already looked up with person(id, as_known_at)
  // (the same `as_known_at`), which saves reading them twice.
  virtual std::vector<ChronologyEntry> chronology(const PersonView& subject,
                                                  std::optional<Timestamp> as_known_at) = 0;
  // The ids of the persons matching `query` (none for an empty query), in id
  // order, at most `limit`.
  virtual std::vector<Id> find_persons(const PersonQuery& query, std::size_t limit) = 0;
  // True when `agency` appears in the person's integrated chronology as known
  // now (see chronology()): it reported, or is named by, an event about the
  // person or, for a child, about one of their carers. An indexed lookup in
  // the involvement projection, not a read of the chronology.
  virtual bool involved(const Id& agency, const Id& person) = 0;
  // The persons the stored event with this `id` is about, or nullopt when no
  // stored event defines that id.
  virtual std::optional<std::vector<Id>> persons_of_event(const Id& event_id) = 0;
  virtual std::vector<AgencyView> agencies() = 0;
  virtual StoreCounts counts() = 0;
  // Every event in arrival order.
  virtual void for_each_event(const std::function<void(const StoredEvent&)>& visit) = 0;
  // Every event recorded up to `until` (all when nullopt) in replay order: by
  // `recorded`, ties in arrival order. `ids` answers, for the event being
  // visited, for every id the store holds except those that event defines,
  // so that a FeedParser given `ids` re-reads stored events out of arrival
  // order exactly as they were read on import.
  virtual void for_each_event_in_replay_order(
      std::optional<Timestamp> until,
      const std::function<void(const StoredEvent&, const KnownIds& ids)>& visit) = 0;

  // The highest event sequence number stored (0 when there is none).
  virtual std::int64_t last_seq() = 0;
  // The events `window` adds, in replay order (by `recorded`, ties in arrival
  // order), with `ids` as for_each_event_in_replay_order gives them.
  virtual void for_each_event_to_catch_up(
      const CatchUpWindow& window,
      const std::function<void(const StoredEvent&, const KnownIds& ids)>& visit) = 0;

  // Replaces the stored alerts with `alerts`, in one transaction: a row whose
  // key is in `alerts` is inserted or brought up to date; one whose key is not
  // is removed (the events no longer raise it, e.g. after a rule's
  // configuration changed).
  virtual void save_alerts(const std::vector<AlertRecord>& alerts) = 0;
  // Inserts or brings up to date each of `alerts`, leaving every other row
  // alone (what a live engine changed), in one transaction.
  virtual void update_alerts(const std::vector<AlertRecord>& alerts) = 0;
  // The stored alerts: open ones first (oldest raised first), then resolved.
  virtual std::vector<AlertRecord> alerts() = 0;
  // Replaces the stored notices, as save_alerts does for alerts.
  virtual void save_notices(const std::vector<NoticeRecord>& notices) = 0;
  // Adds notices (one row per key, as save_notices keeps them).
  virtual void add_notices(const std::vector<NoticeRecord>& notices) = 0;
  // The notices about a child, oldest first.
  virtual std::vector<NoticeRecord> notices(const Id& child) = 0;
  // The notices sent to `recipient` (an agency id, or KIND:AREA), newest
  // first (ties by key), at most `limit` from `offset`, with the total: an
  // indexed read (safeguard_notices_by_recipient), whatever the table holds.
  virtual NoticePage notices_to(const std::string& recipient, std::size_t limit,
                                std::size_t offset) = 0;
  // How many notices each recipient got from each safeguard (one recipient's
  // when `recipient` is not empty), by recipient, then rule.
  virtual std::vector<NoticeCount> notice_counts(const std::string& recipient) = 0;
  // Drops the projections and derives them again from the events.
  virtual void rebuild_projections() = 0;
};

}  // namespace sightline
