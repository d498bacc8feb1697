#include "core/csv_rows.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace sightline::csv {
namespace {

// Splits one record; returns false when a quote is unbalanced or stray.
bool split_fields(std::string_view line, std::vector<std::string>& fields) {
  std::size_t pos = 0;
  while (true) {
    std::string field;
    if (pos < line.size() && line[pos] == '"') {
      ++pos;
      while (true) {
        if (pos >= line.size()) return false;  // closing quote missing
        if (line[pos] == '"') {
          if (pos + 1 < line.size() && line[pos + 1] == '"') {
            field += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        field += line[pos++];
      }
      if (pos < line.size() && line[pos] != ',') return false;  // text after the closing quote
    } else {
      const std::size_t end = std::min(line.find(',', pos), line.size());
      field.assign(line.substr(pos, end - pos));
      if (field.find('"') != std::string::npos) return false;  // a quote inside a bare field
      pos = end;
    }
    fields.push_back(std::move(field));
    if (pos >= line.size()) return true;
    ++pos;  // the comma
  }
}

}  // namespace

void fail(std::string_view table, int line, std::string_view what) {
  throw std::invalid_argument(std::string(table) + ", line " + std::to_string(line) + ": " +
                              std::string(what));
}

std::vector<Row> read_rows(std::string_view text, std::string_view table) {
  std::vector<Row> rows;
  int line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    Row row{line_number, {}};
    if (!split_fields(line, row.fields)) fail(table, line_number, "malformed quoted field");
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace sightline::csv
