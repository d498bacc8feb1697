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

namespace {

// The first 8 bytes of a value, as an integer that sorts as the value does
// (texts are zero-padded; integers are offset to sort unsigned); `whole` says
// whether the value was entirely in them.
std::uint64_t prefix_of(const RowBlock& block, const RowBlock::Value& v, bool& whole) {
  if (v.kind == RowBlock::Value::kInt) {
    whole = true;
    return static_cast<std::uint64_t>(v.number) ^ (std::uint64_t{1} << 63);
  }
  if (v.kind == RowBlock::Value::kNull) {
    whole = true;
    return 0;
  }
  const std::string_view t = block.text(v);
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    prefix = (prefix << 8) | (i < t.size() ? static_cast<unsigned char>(t[i]) : 0u);
  }
  whole = t.size() < 8;
  return prefix;
}

}  // namespace

void RowBlock::sort_rows(int key_columns) {
  // Most rows are told apart by the first 8 bytes of their first two key
  // values (ids are short), so those are sorted as two integers, in a compact
  // array; the values themselves are compared only when both are equal. A
  // key that orders two different rows unlike the values would only cost
  // locality; rows with equal keys always have equal integers, and keep
  // their order.
  struct Key {
    std::uint64_t first, second;
    std::uint32_t row;
  };
  std::vector<Key> keys(rows_);
  for (std::uint32_t r = 0; r < rows_; ++r) {
    const Value* v = row(r);
    bool whole = false;
    Key& key = keys[r];
    key.first = prefix_of(*this, v[0], whole);
    key.second = 0;
    if (whole && key_columns > 1) key.second = prefix_of(*this, v[1], whole);
    key.row = r;
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second != b.second) return a.second < b.second;
    const int c = compare_rows(a.row, b.row, key_columns);
    return c != 0 ? c < 0 : a.row < b.row;
  });
  // Move the rows into that order.
  std::vector<Value> values(values_.size());
  std::string arena;
  arena.reserve(arena_.size());
  const auto columns = static_cast<std::size_t>(columns_);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const Value* from = row(keys[i].row);
    Value* to = &values[i * columns];
    for (std::size_t c = 0; c < columns; ++c) {
      to[c] = from[c];
      if (from[c].kind == Value::kText) {
        to[c].number = static_cast<std::int64_t>(arena.size());
        arena.append(text(from[c]));
      }
    }
  }
  values_.swap(values);
  arena_.swap(arena);
}

}  // namespace sightline::sqlite
