#include "web/chronology_json.h"

#include "core/json_string.h"

namespace sightline::web {

void append_chronology_entries(std::string& out, const std::vector<ChronologyEntry>& entries) {
  out.push_back('[');
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ChronologyEntry& e = entries[i];
    if (i) out.push_back(',');
    out += "{\"seq\":";
    out += std::to_string(e.seq);
    out += ",\"type\":";
    append_json_string(out, to_string(e.type));
    out += ",\"at\":";
    append_json_string(out, e.at.to_string());
    out += ",\"recorded\":";
    append_json_string(out, e.recorded.to_string());
    out += ",\"by\":";
    if (e.by.empty()) {
      out += "null";
    } else {
      append_json_string(out, e.by);
    }
    out += ",\"about\":[";
    for (std::size_t a = 0; a < e.about.size(); ++a) {
      if (a) out.push_back(',');
      append_json_string(out, e.about[a]);
    }
    out += "],\"event\":";
    out += e.json;
    out.push_back('}');
  }
  out.push_back(']');
}

}  // namespace sightline::web
