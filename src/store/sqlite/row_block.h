// Rows for one table, waiting to be written.
//
// Values are kept in row order; texts are copied once into one arena, so a
// block allocates only while it grows and is reused after it is written, and
// the writer binds texts without copying them again. A block is filled by one
// thread and then handed whole to another: it has no locking of its own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::sqlite {

class RowBlock {
 public:
  struct Value {
    enum Kind : std::uint8_t { kNull, kInt, kText };
    Kind kind = kNull;
    std::uint32_t size = 0;   // kText: its length
    std::int64_t number = 0;  // kInt: the value; kText: its offset in the arena
  };

  explicit RowBlock(int columns = 1) : columns_(columns) {}

  RowBlock& add(std::int64_t value) {
    values_.push_back(Value{Value::kInt, 0, value});
    return *this;
  }
  RowBlock& add(std::string_view text);
  RowBlock& add_null() {
    values_.push_back(Value{});
    return *this;
  }
  RowBlock& add_text_or_null(std::string_view text) {
    return text.empty() ? add_null() : add(text);
  }
  // Ends the current row (which must have exactly `columns` values).
  void end_row() { ++rows_; }

  // Orders the rows by their first `key_columns` values, column by column
  // (integers numerically, texts as SQLite's BINARY collation does), for
  // writing keys in b-tree order. Stable: rows with equal keys keep the order
  // they were added in, so INSERT OR IGNORE keeps the first and OR REPLACE the
  // last, as when written unsorted. The rows are moved, so that the writer
  // reads the block from start to end.
  void sort_rows(int key_columns);

  int columns() const { return columns_; }
  std::size_t rows() const { return rows_; }
  bool empty() const { return rows_ == 0; }
  // The memory its rows take.
  std::size_t bytes() const { return values_.size() * sizeof(Value) + arena_.size(); }
  // The values of the `i`th row.
  const Value* row(std::size_t i) const { return &values_[i * static_cast<std::size_t>(columns_)]; }
  std::string_view text(const Value& v) const {
    return std::string_view(arena_).substr(static_cast<std::size_t>(v.number), v.size);
  }
  // Empties the block, keeping its memory.
  void clear() {
    values_.clear();
    arena_.clear();
    rows_ = 0;
  }
  // Empties the block and gives its memory back.
  void release() { *this = RowBlock(columns_); }
  // The memory the block holds, used or not.
  std::size_t capacity_bytes() const {
    return values_.capacity() * sizeof(Value) + arena_.capacity();
  }

 private:
  // <0, 0, >0 as row `a`'s first `columns` values sort before, with, after row `b`'s.
  int compare_rows(std::size_t a, std::size_t b, int columns) const;

  int columns_;
  std::size_t rows_ = 0;
  std::vector<Value> values_;
  std::string arena_;
};

}  // namespace sightline::sqlite
