#include "store/sqlite/staged_rows.h"

#include <utility>

namespace sightline::sqlite {

StagedRows::StagedRows(std::size_t events_per_set, std::size_t sorted_rows,
                       std::size_t sorted_bytes)
    : events_per_set_(events_per_set),
      sorted_rows_(sorted_rows),
      sorted_bytes_(sorted_bytes),
      current_(std::make_unique<WriteSet>()) {}

bool StagedRows::ready() const {
  if (events_ >= events_per_set_) return true;
  for (std::size_t t = 0; t < kTableCount; ++t) {
    if (full(keyed_[static_cast<Table>(t)])) return true;
  }
  return false;
}

std::unique_ptr<WriteSet> StagedRows::take(std::unique_ptr<WriteSet> next, bool last) {
  for (std::size_t t = 0; t < kTableCount; ++t) {
    const Table table = static_cast<Table>(t);
    RowBlock& rows = keyed_[table];
    if (rows.empty() || !(last || full(rows))) continue;
    rows.sort_rows(insert_of(table).key_columns);
    std::swap(rows, (*current_)[table]);  // the set's block was empty, and so is `rows` now
  }
  std::unique_ptr<WriteSet> out = std::move(current_);
  current_ = next ? std::move(next) : std::make_unique<WriteSet>();
  events_ = 0;
  return out;
}

}  // namespace sightline::sqlite
