#include "store/sqlite/row_writer.h"

#include <string>

namespace sightline::sqlite {
namespace {

std::string insert_sql(const TableInsert& insert, int rows) {
  std::string row = "(";
  for (int c = 0; c < insert.columns; ++c) row += c ? ",?" : "?";
  row += ")";
  std::string sql = std::string(insert.head) + " VALUES ";
  for (int r = 0; r < rows; ++r) sql += (r ? "," : "") + row;
  return sql;
}

sqlite3_stmt* prepare(Connection& db, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db.get(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement,
                         nullptr) != SQLITE_OK) {
    db.fail("cannot prepare \"" + sql.substr(0, 80) + "...\"");
  }
  return statement;
}

}  // namespace

RowWriter::RowWriter(Connection& db) : db_(db) {
  try {
    for (std::size_t t = 0; t < kTableCount; ++t) {
      const TableInsert& insert = insert_of(static_cast<Table>(t));
      statements_[t].full = prepare(db_, insert_sql(insert, kRowsPerStatement));
      statements_[t].single = prepare(db_, insert_sql(insert, 1));
    }
  } catch (...) {
    finalize();
    throw;
  }
}

RowWriter::~RowWriter() { finalize(); }

void RowWriter::finalize() {
  for (TableStatements& s : statements_) {
    sqlite3_finalize(s.full);
    sqlite3_finalize(s.single);
    s = TableStatements{};
  }
}

void RowWriter::write(const WriteSet& set) {
  for (std::size_t t = 0; t < kTableCount; ++t) {
    const Table table = static_cast<Table>(t);
    if (!set[table].empty()) write_block(table, set[table]);
  }
}

void RowWriter::write_block(Table table, const RowBlock& block) {
  const TableStatements& s = statements_[static_cast<std::size_t>(table)];
  std::size_t row = 0;
  for (; row + kRowsPerStatement <= block.rows(); row += kRowsPerStatement) {
    run(s.full, block, row, kRowsPerStatement);
  }
  for (; row < block.rows(); ++row) run(s.single, block, row, 1);
}

void RowWriter::run(sqlite3_stmt* statement, const RowBlock& block, std::size_t first,
                    std::size_t rows) {
  // Every parameter is bound on every run, so the bindings need no clearing.
  int index = 1;
  int rc = SQLITE_OK;
  for (std::size_t r = first; r < first + rows; ++r) {
    const RowBlock::Value* v = block.row(r);
    for (int c = 0; c < block.columns() && rc == SQLITE_OK; ++c, ++index) {
      switch (v[c].kind) {
        case RowBlock::Value::kNull:
          rc = sqlite3_bind_null(statement, index);
          break;
        case RowBlock::Value::kInt:
          rc = sqlite3_bind_int64(statement, index, v[c].number);
          break;
        case RowBlock::Value::kText: {
          const std::string_view text = block.text(v[c]);
          rc = sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                                 SQLITE_STATIC);
          break;
        }
      }
    }
  }
  if (rc != SQLITE_OK) db_.fail("bind");
  rc = sqlite3_step(statement);
  if (rc != SQLITE_DONE) {
    const std::string message = sqlite3_errmsg(db_.get());
    sqlite3_reset(statement);
    throw StoreError("database error: " + message);
  }
  sqlite3_reset(statement);
}

}  // namespace sightline::sqlite
