// Writes WriteSets into the store's tables.
//
// One statement per row spends most of its time in statement set-up rather
// than in the b-tree, so rows are inserted with multi-row INSERT statements,
// prepared once, binding each text in place (the set must stay unchanged until
// write() returns). Throws StoreError on failure; the caller rolls back.
#pragma once

#include <array>
#include <memory>

#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/write_set.h"

namespace sightline::sqlite {

class RowWriter {
 public:
  explicit RowWriter(Connection& db);
  ~RowWriter();
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;

  // Writes every table of `set`, in Table order, in the current transaction.
  void write(const WriteSet& set);

 private:
  static constexpr int kRowsPerStatement = 64;
  struct TableStatements {
    sqlite3_stmt* full = nullptr;    // kRowsPerStatement rows
    sqlite3_stmt* single = nullptr;  // one row
  };
  void finalize();
  void write_block(Table table, const RowBlock& block);
  void run(sqlite3_stmt* statement, const RowBlock& block, std::size_t first, std::size_t rows);

  Connection& db_;
  std::array<TableStatements, kTableCount> statements_;
};

}  // namespace sightline::sqlite
