// Events of a feed for tests: walked in file order (for tests that learn a
// synthetic population's children, agencies and last day before checking
// it), or read whole from a few lines.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <istream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "feed/parser.h"

namespace sightline::testing {

// Calls `f(Event&& event, const std::string& line)` for every line of `feed`
// that parses, in file order; returns the faults of the lines that do not
// (none, in a generated feed), for the test to assert on.
template <class F>
std::vector<Fault> for_each_event(std::istream& feed, F&& f) {
  FeedParser parser;
  std::vector<Fault> faults;
  std::string line;
  std::int64_t n = 0;
  while (std::getline(feed, line)) {
    auto e = parser.parse_line(line, ++n, faults);
    if (e) f(std::move(*e), line);
  }
  return faults;
}

// The events of JSON lines (blank lines skipped), references taken on trust
// as in a stored chronology; a line that does not parse fails the test.
inline std::vector<Event> trusted_events(const std::string& lines) {
  FeedParser parser;
  parser.trust_references(true);
  std::vector<Event> out;
  std::vector<Fault> faults;
  std::istringstream in(lines);
  std::string line;
  std::int64_t n = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto e = parser.parse_line(line, ++n, faults);
    EXPECT_TRUE(e.has_value()) << line << (faults.empty() ? "" : ": " + faults.back().message);
    if (e) out.push_back(std::move(*e));
  }
  return out;
}

}  // namespace sightline::testing
