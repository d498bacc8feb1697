// The rows of a batch not yet handed to the writer, grouped into WriteSets.
//
// A set is ready after `events_per_set` events. Rows of tables with a key
// (every table but `events`, whose rowids ascend) arrive in random key order;
// inserting random keys one by one touches a different b-tree page, and
// splits one, for almost every row, while sorted keys touch each page once
// per chunk. So those rows are kept apart, per table, and sorted on the key
// before they are written, `sorted_rows` rows or `sorted_bytes` bytes at a
// time. They join the set being handed over when there are enough of them,
// or at the end.
#pragma once

#include <cstddef>
#include <memory>

#include "store/sqlite/write_set.h"

namespace sightline::sqlite {

class StagedRows {
 public:
  StagedRows(std::size_t events_per_set, std::size_t sorted_rows, std::size_t sorted_bytes);

  // Where rows of `table` go.
  RowBlock& operator[](Table table) {
    return insert_of(table).key_columns > 0 ? keyed_[table] : (*current_)[table];
  }
  void event_added() { ++events_; }
  // True when a set should be handed over.
  bool ready() const;
  // Hands over the rows staged so far, with each keyed table's rows, sorted,
  // when there are enough of them or `last`; `next` (empty) takes their place.
  std::unique_ptr<WriteSet> take(std::unique_ptr<WriteSet> next, bool last);

 private:
  bool full(const RowBlock& rows) const {
    return rows.rows() >= sorted_rows_ || rows.bytes() >= sorted_bytes_;
  }

  std::size_t events_per_set_;
  std::size_t sorted_rows_;
  std::size_t sorted_bytes_;
  std::size_t events_ = 0;
  std::unique_ptr<WriteSet> current_;
  WriteSet keyed_;  // only the keyed tables' blocks are used
};

}  // namespace sightline::sqlite
