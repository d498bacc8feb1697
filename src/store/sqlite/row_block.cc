#include "store/sqlite/row_block.h"

#include <algorithm>

namespace sightline::sqlite {

RowBlock& RowBlock::add(std::string_view text) {
  values_.push_back(Value{Value::kText, static_cast<std::uint32_t>(text.size()),
                          static_cast<std::int64_t>(arena_.size())});
  arena_.append(text);
  return *this;
}

int RowBlock::compare_rows(std::size_t a, std::size_t b, int columns) const {
  const Value* x = &values_[a * static_cast<std::size_t>(columns_)];
  const Value* y = &values_[b * static_cast<std::size_t>(columns_)];
  for (int c = 0; c < columns; ++c) {
    if (x[c].kind != y[c].kind) return x[c].kind < y[c].kind ? -1 : 1;
    if (x[c].kind == Value::kInt) {
      if (x[c].number != y[c].number) return x[c].number < y[c].number ? -1 : 1;
    } else if (x[c].kind == Value::kText) {
      // std::string_view compares bytes as unsigned, as memcmp and BINARY do.
      if (const int r = text(x[c]).compare(text(y[c])); r != 0) return r;
    }
  }
  return 0;
}

void RowBlock::sort_rows(int key_columns) {
  // Most rows are told apart by the first 8 bytes of their first value, so
  // those are sorted as one integer, in a compact array, before anything
  // else is compared.
  struct Key {
    std::uint64_t prefix;
    std::uint32_t row;
  };
  std::vector<Key> keys(rows_);
  for (std::uint32_t r = 0; r < rows_; ++r) {
    const Value& first = values_[r * static_cast<std::size_t>(columns_)];
    std::uint64_t prefix = 0;
    if (first.kind == Value::kInt) {
      prefix = static_cast<std::uint64_t>(first.number) ^ (std::uint64_t{1} << 63);
    } else if (first.kind == Value::kText) {
      const std::string_view t = text(first);
      for (std::size_t i = 0; i < 8; ++i) {
        prefix = (prefix << 8) | (i < t.size() ? static_cast<unsigned char>(t[i]) : 0u);
      }
    }
    keys[r] = Key{prefix, r};
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    const int c = compare_rows(a.row, b.row, key_columns);
    return c != 0 ? c < 0 : a.row < b.row;
  });
  std::vector<Value> values;
  values.reserve(values_.size());
  std::string arena;
  arena.reserve(arena_.size());
  for (const Key& key : keys) {
    const Value* v = row(key.row);
    for (int c = 0; c < columns_; ++c) {
      values.push_back(v[c]);
      if (v[c].kind == Value::kText) {
        values.back().number = static_cast<std::int64_t>(arena.size());
        arena.append(text(v[c]));
      }
    }
  }
  values_.swap(values);
  arena_.swap(arena);
}

}  // namespace sightline::sqlite
