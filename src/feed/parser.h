// Parsing and validating an events-v1 feed, one line at a time.
//
// Contract: FeedParser::parse_line either returns a fully valid Event or
// returns nullopt and appends one Fault per problem it found on that line. It
// never stops at the first fault of a line when it can find more, and a faulty
// line never changes what later lines may refer to, except that an id the line
// defines is still reserved, so one typo does not cascade into a fault on every
// later line that refers to it. Not thread-safe; one parser per feed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/event.h"
#include "feed/fault.h"
#include "feed/known_ids.h"
#include "feed/resolved_ids.h"

namespace sightline {

class FeedParser {
 public:
  // `stored` answers for ids defined by feeds already in the store; may be null.
  // It must outlive the parser.
  explicit FeedParser(const KnownIds* stored = nullptr);
  ~FeedParser();
  FeedParser(const FeedParser&) = delete;
  FeedParser& operator=(const FeedParser&) = delete;

  // `line_number` is 1-based and used in faults. A line that is empty or only
  // whitespace yields nullopt and no fault.
  std::optional<Event> parse_line(std::string_view line, std::int64_t line_number,
                                  std::vector<Fault>& faults);

  // Whether each Event keeps its line in `json` (the default). A reader that
  // never looks at it, such as a replay, spares copying every line.
  void keep_lines(bool keep);

  // For reading again, one by one and out of their feed, lines that passed
  // validation when they were stored (a child's chronology as the API gives
  // it): every person and id a line refers to counts as defined, with the
  // kind its field needs, and an id a line defines is not checked against
  // earlier uses. Every field is still checked as ever. Off by default.
  void trust_references(bool trust);

  // The person and agency ids the last line that parse_line returned an
  // Event for names and defines, each with the number this parser gave it
  // (ids known only through `stored` have none). Valid until the next call of
  // parse_line.
  ResolvedIds resolved_ids() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sightline
