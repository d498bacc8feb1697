// The SQLite store's Transaction: one SQLite transaction on one connection.
//
// Begun in the constructor, rolled back by the destructor unless commit()
// succeeded. A write transaction (TransactionMode::kWrite) takes SQLite's
// write lock at once (BEGIN IMMEDIATE), so that it never fails half-way for
// want of it; a read transaction sees one snapshot of the database until it
// ends. Every transaction of the SQLite store goes through this class: no
// other code writes BEGIN, COMMIT or ROLLBACK.
#pragma once

#include <mutex>

#include "store/sqlite/connection_mutex.h"
#include "store/transaction.h"

namespace sightline::sqlite {

class Connection;

enum class TransactionMode { kRead, kWrite };

class SqliteTransaction final : public Transaction {
 public:
  // Begins a transaction on `db`. `hold` (optional) is a lock on whatever
  // guards the connection, released once the transaction has ended
  // (committed or rolled back), so that no other thread uses the connection
  // meanwhile. Throws StoreError.
  SqliteTransaction(Connection& db, TransactionMode mode,
                    std::unique_lock<ConnectionMutex> hold = {});
  ~SqliteTransaction() override;

  // Throws StoreError naming what failed; the transaction then stays open
  // and the destructor (or rollback()) rolls it back.
  void commit() override;
  // Ends the transaction without keeping anything; does nothing once ended.
  void rollback() noexcept;
  bool open() const { return open_; }
  // The connection the transaction is open on, for the SQLite stores that
  // write within it.
  Connection& connection() const { return db_; }

 private:
  Connection& db_;
  std::unique_lock<ConnectionMutex> hold_;
  bool open_ = false;
};

// The connection an open transaction of the SQLite store writes in, checked to
// be a connection to the same database file as `same_file_as` (the store that
// is to write within it). Throws std::logic_error for a transaction of
// another kind, one that has ended, or one on another database.
Connection& connection_of(Transaction& transaction, const Connection& same_file_as);

}  // namespace sightline::sqlite
