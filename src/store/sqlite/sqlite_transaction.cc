#include "store/sqlite/sqlite_transaction.h"

#include <sqlite3.h>

#include <cstring>
#include <stdexcept>
#include <string>

#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {

SqliteTransaction::SqliteTransaction(Connection& db, TransactionMode mode,
                                     std::unique_lock<ConnectionMutex> hold)
    : db_(db), hold_(std::move(hold)) {
  db_.exec(mode == TransactionMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  open_ = true;
}

SqliteTransaction::~SqliteTransaction() { rollback(); }

void SqliteTransaction::commit() {
  if (!open_) throw std::logic_error("commit of a transaction that has already ended");
  if (sqlite3_exec(db_.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    db_.fail("cannot commit the transaction");
  }
  open_ = false;
  if (hold_.owns_lock()) hold_.unlock();
}

void SqliteTransaction::rollback() noexcept {
  if (!open_) return;
  open_ = false;
  // Fails only when SQLite has rolled back already (after an I/O error).
  sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  if (hold_.owns_lock()) hold_.unlock();
}

Connection& connection_of(Transaction& transaction, const Connection& same_file_as) {
  auto* sqlite_transaction = dynamic_cast<SqliteTransaction*>(&transaction);
  if (!sqlite_transaction) {
    throw std::logic_error("a SQLite store was handed a transaction of another store");
  }
  if (!sqlite_transaction->open()) {
    throw std::logic_error("a SQLite store was handed a transaction that has ended");
  }
  Connection& db = sqlite_transaction->connection();
  const char* theirs = sqlite3_db_filename(db.get(), "main");
  const char* ours = sqlite3_db_filename(same_file_as.get(), "main");
  if (std::strcmp(theirs ? theirs : "", ours ? ours : "") != 0) {
    throw std::logic_error(std::string("a SQLite store of ") + (ours ? ours : "") +
                           " was handed a transaction on " + (theirs ? theirs : ""));
  }
  return db;
}

}  // namespace sightline::sqlite
