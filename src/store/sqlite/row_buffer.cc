#include "store/sqlite/row_buffer.h"

namespace sightline::sqlite {
namespace {

std::string values_clause(int columns, int rows) {
  std::string row = "(";
  for (int c = 0; c < columns; ++c) row += c ? ",?" : "?";
  row += ")";
  std::string out = " VALUES ";
  for (int r = 0; r < rows; ++r) out += (r ? "," : "") + row;
  return out;
}

}  // namespace

RowBuffer::RowBuffer(Connection& db, std::string insert_head, int columns, int rows_per_statement)
    : db_(db),
      insert_head_(std::move(insert_head)),
      columns_(columns),
      rows_per_statement_(rows_per_statement) {
  full_ = std::make_unique<Statement>(
      db_, (insert_head_ + values_clause(columns_, rows_per_statement_)).c_str());
  single_ = std::make_unique<Statement>(db_, (insert_head_ + values_clause(columns_, 1)).c_str());
}

RowBuffer::Value& RowBuffer::next_value() {
  if (values_used_ == values_.size()) values_.emplace_back();
  return values_[values_used_++];
}

RowBuffer& RowBuffer::add(std::int64_t value) {
  Value& v = next_value();
  v.is_text = false;
  v.is_null = false;
  v.number = value;
  return *this;
}

RowBuffer& RowBuffer::add(std::string_view text) {
  Value& v = next_value();
  v.is_text = true;
  v.is_null = false;
  v.text.assign(text);
  return *this;
}

RowBuffer& RowBuffer::add_text_or_null(std::string_view text) {
  if (!text.empty()) return add(text);
  Value& v = next_value();
  v.is_null = true;
  return *this;
}

void RowBuffer::end_row() {
  ++rows_;
  if (rows_ == rows_per_statement_) flush();
}

void RowBuffer::write(Statement& statement, std::size_t first_row, int rows) {
  int index = 1;
  for (std::size_t i = first_row * columns_; i < (first_row + rows) * columns_; ++i) {
    const Value& v = values_[i];
    if (v.is_null) {
      statement.bind_null(index++);
    } else if (v.is_text) {
      statement.bind_static(index++, v.text);
    } else {
      statement.bind(index++, v.number);
    }
  }
  statement.run();
}

void RowBuffer::flush() {
  if (rows_ == rows_per_statement_) {
    write(*full_, 0, rows_);
  } else {
    for (int r = 0; r < rows_; ++r) write(*single_, static_cast<std::size_t>(r), 1);
  }
  discard();
}

}  // namespace sightline::sqlite
