// Rows for one table, written with multi-row INSERT statements.
//
// An import writes several rows per event; one statement per row spends most
// of its time in statement set-up rather than in the b-tree. RowBuffer keeps
// up to `rows_per_statement` rows and writes them with one prepared statement.
// Rows become visible to queries only after flush(): whoever reads the table
// inside the same transaction must flush first.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {

class RowBuffer {
 public:
  // `insert_head` is everything before VALUES, e.g. "INSERT INTO t(a, b)".
  RowBuffer(Connection& db, std::string insert_head, int columns, int rows_per_statement = 64);

  RowBuffer& add(std::int64_t value);
  RowBuffer& add(std::string_view text);
  RowBuffer& add_text_or_null(std::string_view text);  // NULL when empty
  // Ends the current row; writes the buffer when it is full.
  void end_row();
  // Writes every buffered row.
  void flush();
  // Drops every buffered row (after a rollback).
  void discard() {
    rows_ = 0;
    values_used_ = 0;
  }

 private:
  struct Value {
    bool is_text = false;
    bool is_null = false;
    std::int64_t number = 0;
    std::string text;
  };
  Value& next_value();
  void write(Statement& statement, std::size_t first_row, int rows);

  Connection& db_;
  std::string insert_head_;
  int columns_;
  int rows_per_statement_;
  std::unique_ptr<Statement> full_;  // rows_per_statement rows
  std::unique_ptr<Statement> single_;
  std::vector<Value> values_;  // reused between flushes to keep their capacity
  std::size_t values_used_ = 0;
  int rows_ = 0;
};

}  // namespace sightline::sqlite
