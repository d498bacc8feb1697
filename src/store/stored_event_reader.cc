#include "store/stored_event_reader.h"

#include <string>

#include "store/store.h"

namespace sightline {

StoredEventReader::StoredEventReader() {
  parser_.trust_references(true);
  parser_.keep_lines(false);
}

StoredEventReader::StoredEventReader(const KnownIds& ids) : parser_(&ids) {}

Event StoredEventReader::read(std::string_view line, std::int64_t seq) {
  faults_.clear();
  std::optional<Event> event = parser_.parse_line(line, seq, faults_);
  if (!event) {
    throw StoreError("stored event " + std::to_string(seq) + " no longer parses: " +
                     (faults_.empty() ? std::string("(no detail)") : faults_.front().to_string()));
  }
  return std::move(*event);
}

}  // namespace sightline
