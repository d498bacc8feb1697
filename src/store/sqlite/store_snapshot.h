// The store as it was when a batch began, read on a connection of its own.
//
// An import validates each line against what earlier imports stored (ids,
// lines already stored) while its own rows are written on the store's main
// connection, perhaps by another thread. A read transaction on a second
// connection sees exactly the store before the batch: its snapshot is taken
// while the batch holds the write lock, and SQLite never shows a reader what
// another connection has not committed. End the snapshot before the batch
// commits, so that the checkpoint after the commit can copy every page.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "feed/known_ids.h"
#include "store/sqlite/projection_rows.h"
#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {

class StoreSnapshot final : public KnownIds {
 public:
  // Begins a read transaction on `db`, which nothing else may use until the
  // snapshot is destroyed (which ends it).
  explicit StoreSnapshot(Connection& db);
  ~StoreSnapshot() override;
  StoreSnapshot(const StoreSnapshot&) = delete;
  StoreSnapshot& operator=(const StoreSnapshot&) = delete;

  bool has_person(std::string_view person_id) const override;
  std::optional<IdInfo> find(std::string_view id) const override;
  // True when an event with exactly these bytes is stored; `digest` is the
  // line's digest as stored in event_digests.
  bool line_stored(std::string_view line, std::int64_t digest);
  // The persons named by the event that defined `event_id`, as id_defined got them.
  EventPersons persons_of_event(const Id& event_id);

 private:
  Connection& db_;
  // mutable: KnownIds asks through const methods, and a query steps its statement.
  mutable Statement find_person_, find_id_;
  Statement find_digest_, persons_;
  SqliteTransaction transaction_;  // the read transaction, rolled back when the snapshot ends
};

}  // namespace sightline::sqlite
