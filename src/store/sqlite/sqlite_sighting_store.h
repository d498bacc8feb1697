// The SQLite implementation of SightingStore: reads of `events` through
// `p_event_persons` and `p_ids`, with statements prepared once, used under a
// mutex.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/sighting_store.h"

namespace sightline::sqlite {

class Connection;
class Statement;

class SqliteSightingStore final : public SightingStore {
 public:
  // Opens the store at `db_path` on a connection of its own. Throws
  // StoreError when it cannot.
  explicit SqliteSightingStore(const std::string& db_path);
  // Reads through `db`, which must outlive this and which no other thread
  // uses while a call runs.
  explicit SqliteSightingStore(Connection& db);
  ~SqliteSightingStore() override;
  SqliteSightingStore(const SqliteSightingStore&) = delete;
  SqliteSightingStore& operator=(const SqliteSightingStore&) = delete;

  std::vector<DatedStoredEvent> sighting_candidates(const Id& person,
                                                    std::int64_t since_s) override;
  std::optional<StoredEvent> transfer(std::string_view id) override;

 private:
  std::unique_ptr<Connection> owned_;  // when opened from a path
  Connection& db_;
  std::unique_ptr<Statement> candidates_, transfer_;  // prepared on first use; under mutex_
  std::mutex mutex_;
};

}  // namespace sightline::sqlite
