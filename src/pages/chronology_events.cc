#include "pages/chronology_events.h"

#include <stdexcept>
#include <string>

#include "store/stored_event_reader.h"

namespace sightline::pages {

std::vector<Event> typed_events(const nlohmann::json& entries) {
  std::vector<Event> out;
  if (!entries.is_array()) return out;
  out.reserve(entries.size());
  StoredEventReader reader;
  std::int64_t n = 0;
  for (const nlohmann::json& entry : entries) {
    ++n;
    const auto seq = entry.find("seq");
    const std::int64_t number =
        seq != entry.end() && seq->is_number_integer() ? seq->get<std::int64_t>() : n;
    const auto event = entry.find("event");
    out.push_back(reader.read(event != entry.end() ? event->dump() : std::string(), number));
  }
  return out;
}

}  // namespace sightline::pages
