#include "store/importer.h"

#include <string>
#include <vector>

#include "feed/parser.h"

namespace sightline {

ImportResult import_feed(Store& store, std::istream& feed, std::string_view source,
                         const ImportCallbacks& callbacks, std::uint64_t bytes_total) {
  ImportResult result;
  auto batch = store.begin_import(source);
  FeedParser parser(&batch->known_ids());
  std::vector<Fault> faults;
  std::map<EventType, std::int64_t> by_type;
  std::string line;
  ImportProgress progress{0, bytes_total, 0};
  std::int64_t line_number = 0;

  while (std::getline(feed, line)) {
    ++line_number;
    progress.bytes_read += line.size() + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++result.lines;
    if (callbacks.on_progress && (result.lines & 0x3fff) == 0) {
      progress.lines = result.lines;
      callbacks.on_progress(progress);
    }
    if (batch->already_stored(line)) {
      ++result.already_stored;
      continue;
    }
    faults.clear();
    auto event = parser.parse_line(line, line_number, faults);
    if (!event) {
      if (faults.empty()) continue;  // blank after all
      ++result.faulty_lines;
      result.faults += static_cast<std::int64_t>(faults.size());
      if (callbacks.on_fault) {
        for (const Fault& f : faults) callbacks.on_fault(f);
      }
      continue;
    }
    // After the first fault the feed cannot be stored; keep validating only.
    if (result.faulty_lines == 0) {
      batch->append(*event, parser.resolved_ids());
      ++by_type[event->type];
    }
  }
  if (feed.bad()) throw StoreError("cannot read " + std::string(source));

  progress.lines = result.lines;
  progress.bytes_read = bytes_total ? bytes_total : progress.bytes_read;
  if (callbacks.on_progress) callbacks.on_progress(progress);

  if (result.faulty_lines == 0) {
    result.stored_by_type = std::move(by_type);
    for (const auto& [type, n] : result.stored_by_type) result.stored += n;
    result.committed = true;
    if (callbacks.before_commit) callbacks.before_commit(*batch, result);
    batch->commit();
  }
  return result;
}

}  // namespace sightline
