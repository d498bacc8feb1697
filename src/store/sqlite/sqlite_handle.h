// Thin RAII owners for a SQLite connection and its prepared statements.
// Every failure becomes a StoreError carrying SQLite's own message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/sqlite/sqlite_transaction.h"
#include "store/store.h"

namespace sightline::sqlite {

class Connection {
 public:
  // Opens (creating if needed) the database file at `path`.
  explicit Connection(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(const char* sql);
  sqlite3* get() const { return db_; }
  [[noreturn]] void fail(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Connection& db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds parameters 1..n in order; an empty optional or empty string view
  // given to bind_text_or_null binds NULL.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_text_or_null(int index, std::string_view text);
  Statement& bind_blob(int index, const void* data, int size);
  // Binds without copying: `text` must stay valid until the statement is reset.
  Statement& bind_static(int index, std::string_view text);
  Statement& bind_null(int index);

  // Steps once: true when a row is available, false when done.
  bool step();
  // Steps to completion (for statements that return no rows), then resets.
  void run();
  void reset();

  std::int64_t column_int(int col) const;
  std::string column_text(int col) const;  // "" for NULL
  bool column_is_null(int col) const;

 private:
  Connection& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs `body` in one transaction (SqliteTransaction) of `mode`: committed
// when it returns, rolled back when it throws.
template <class Body>
void in_transaction(Connection& db, TransactionMode mode, Body&& body) {
  SqliteTransaction transaction(db, mode);
  body();
  transaction.commit();
}

}  // namespace sightline::sqlite
