// The rows an import (or a rebuild of the projections) writes, one block per
// table, in the order they are to be written.
//
// A WriteSet is filled on one thread and written whole by a RowWriter,
// perhaps on another: it is the unit handed between them. Within a table,
// rows are written in the order they were added (unless the block was sorted,
// which is done only for tables whose rows do not depend on their order).
#pragma once

#include <array>
#include <cstddef>

#include "store/sqlite/row_block.h"

namespace sightline::sqlite {

enum class Table : std::uint8_t {
  kEvents,
  kEventDigests,
  kIds,
  kPersons,
  kPersonDetails,
  kAgencies,
  kRelations,
  kAddresses,
  kWhereabouts,
  kLifeEvents,
  kEventPersons,
  kInvolvement,
};
inline constexpr std::size_t kTableCount = 12;

struct TableInsert {
  const char* head;  // everything before VALUES
  int columns;
  // The leading columns that make the table's key, when rows are better
  // written sorted on it (0: rows are written as added, e.g. ascending rowids).
  int key_columns;
};
// How rows of `table` are inserted.
const TableInsert& insert_of(Table table);

class WriteSet {
 public:
  WriteSet();
  RowBlock& operator[](Table t) { return blocks_[static_cast<std::size_t>(t)]; }
  const RowBlock& operator[](Table t) const { return blocks_[static_cast<std::size_t>(t)]; }
  std::size_t rows() const;
  bool empty() const { return rows() == 0; }
  // Empties every block. A set is reused once written; a block that grew
  // large (sorted rows handed over at once) gives its memory back, so the
  // sets in circulation stay small.
  void clear();

 private:
  std::array<RowBlock, kTableCount> blocks_;
};

}  // namespace sightline::sqlite
