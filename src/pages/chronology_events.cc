#include "pages/chronology_events.h"

#include <stdexcept>
#include <string>

#include "feed/parser.h"

namespace sightline::pages {

std::vector<Event> typed_events(const nlohmann::json& entries) {
  std::vector<Event> out;
  if (!entries.is_array()) return out;
  out.reserve(entries.size());
  FeedParser parser;
  parser.trust_references(true);
  parser.keep_lines(false);
  std::vector<Fault> faults;
  std::int64_t n = 0;
  for (const nlohmann::json& entry : entries) {
    ++n;
    const auto seq = entry.find("seq");
    const std::int64_t number =
        seq != entry.end() && seq->is_number_integer() ? seq->get<std::int64_t>() : n;
    const auto event = entry.find("event");
    faults.clear();
    std::optional<Event> typed;
    if (event != entry.end()) typed = parser.parse_line(event->dump(), number, faults);
    if (!typed) {
      throw std::runtime_error(
          "chronology entry " + std::to_string(number) + ": the stored event no longer parses" +
          (faults.empty() ? std::string()
                          : ": " + faults.front().field + ": " + faults.front().message));
    }
    out.push_back(std::move(*typed));
  }
  return out;
}

}  // namespace sightline::pages
