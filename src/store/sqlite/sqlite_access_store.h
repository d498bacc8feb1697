// Break-glass grants and the leads' notices in the SQLite store: tables
// `break_glass` and `notices`, made by migration 2. Ownership of alerts is
// read from the safeguards' `alerts`.
#pragma once

#include <memory>
#include <string>

#include "store/access_store.h"
#include "store/sqlite/connection_mutex.h"
#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {

class SqliteAccessStore final : public AccessStore {
 public:
  // The grants of the store at `path`, which is opened first (created when
  // new, migrated). Throws StoreError.
  explicit SqliteAccessStore(const std::string& path);

  std::optional<BreakGlassGrant> live_grant(const std::string& username, const std::string& child,
                                            std::int64_t now) override;
  std::int64_t add_break_glass(const BreakGlassGrant& grant,
                               const std::vector<AccessNotice>& notices) override;
  void add_notice(Transaction& transaction, const AccessNotice& notice) override;
  std::vector<AccessNotice> notices_for(const std::string& agency, std::size_t limit) override;
  bool owns_alert_about(const std::string& agency, const std::string& child) override;

 private:
  std::unique_ptr<Connection> db_;
  ConnectionMutex mutex_;  // db_
};

}  // namespace sightline::sqlite
