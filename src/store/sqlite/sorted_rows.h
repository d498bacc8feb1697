// Rows with random keys, written in key order a chunk at a time.
//
// Inserting random keys into a b-tree one by one touches a different page for
// almost every row; sorting a chunk first touches each page once per chunk.
// Like RowBuffer, rows are visible to queries only after flush().
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <vector>

#include "store/sqlite/row_buffer.h"

namespace sightline::sqlite {

template <class Row>
class SortedRows {
 public:
  // `write` adds one row's values to `out` (without end_row()).
  SortedRows(RowBuffer& out, std::function<void(RowBuffer&, const Row&)> write,
             std::size_t chunk_rows)
      : out_(out), write_(std::move(write)), chunk_rows_(chunk_rows) {}

  void add(Row row) {
    rows_.push_back(std::move(row));
    if (rows_.size() >= chunk_rows_) flush();
  }
  void flush() {
    std::sort(rows_.begin(), rows_.end());
    for (const Row& row : rows_) {
      write_(out_, row);
      out_.end_row();
    }
    out_.flush();
    rows_.clear();
  }
  void discard() {
    rows_.clear();
    out_.discard();
  }

 private:
  RowBuffer& out_;
  std::function<void(RowBuffer&, const Row&)> write_;
  std::size_t chunk_rows_;
  std::vector<Row> rows_;
};

}  // namespace sightline::sqlite
