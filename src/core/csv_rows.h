// Reading the small CSV reference tables in data/ (internal to src/core).
//
// The tables are RFC 4180 CSV with two additions: a line whose first character
// is '#' is a comment, and blank lines are ignored. A record never spans lines,
// so a quoted field cannot hold a line break. LF and CRLF endings are accepted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sightline::csv {

struct Row {
  int line = 0;  // 1-based line of the text, for error messages
  std::vector<std::string> fields;
};

// The records of `text` in order, header included, comments and blank lines
// left out. Throws std::invalid_argument naming `table` and the line when a
// quoted field is malformed.
std::vector<Row> read_rows(std::string_view text, std::string_view table);

// Throws std::invalid_argument with the message "<table>, line <line>: <what>".
[[noreturn]] void fail(std::string_view table, int line, std::string_view what);

}  // namespace sightline::csv
