#include "safeguards/replay.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "feed/parser.h"
#include "safeguards/line_reader.h"

namespace sightline::safeguards {
namespace {

// A read-only memory map of a whole file (empty files map to nothing).
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error("cannot read " + path);
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd_);
      throw std::runtime_error("cannot read " + path + ": not a regular file");
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
      void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
      if (p == MAP_FAILED) {
        ::close(fd_);
        throw std::runtime_error("cannot map " + path);
      }
      data_ = static_cast<const char*>(p);
      ::madvise(p, size_, MADV_SEQUENTIAL);
    }
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
    if (fd_ >= 0) ::close(fd_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view text() const { return {data_ == nullptr ? "" : data_, size_}; }
  // Gives back the pages before `offset` (they are read again from the file
  // if needed), so that streaming a feed larger than memory stays small.
  void release_before(std::size_t offset) {
    const std::size_t page = 1 << 12;
    const std::size_t end = offset / page * page;
    if (data_ == nullptr || end <= released_) return;
    ::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
    released_ = end;
  }
  // Starts a new pass over the file.
  void restart() { released_ = 0; }

 private:
  int fd_ = -1;
  std::size_t released_ = 0;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// Calls f(line_text, line_number, offset) for every line.
template <class F>
void for_each_line(std::string_view text, F&& f) {
  std::size_t pos = 0;
  std::int64_t number = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    f(text.substr(pos, end - pos), number, pos);
    pos = end + 1;
  }
}

// What the whole (valid) feed defines, for re-reading its lines out of file
// order: every id counts as known except on the line that defines it, so a
// line read before the line it refers to still parses exactly as it did in
// file order.
class WholeFeedIds final : public KnownIds {
 public:
  void define(const Event& e) {
    for (const PersonRef& r : persons_named(e)) persons_.emplace(*r.person, e.line);
    if (const auto info = defined_id_info(e)) ids_.emplace(e.id, std::make_pair(*info, e.line));
  }
  void set_line(std::int64_t line) { line_ = line; }
  bool has_person(std::string_view id) const override {
    const auto it = persons_.find(std::string(id));
    return it != persons_.end() && it->second != line_;
  }
  std::optional<IdInfo> find(std::string_view id) const override {
    const auto it = ids_.find(std::string(id));
    if (it == ids_.end() || it->second.second == line_) return std::nullopt;
    return it->second.first;
  }

 private:
  std::unordered_map<std::string, std::int64_t> persons_;  // person -> first line naming it
  std::unordered_map<std::string, std::pair<IdInfo, std::int64_t>> ids_;
  std::int64_t line_ = 0;
};

constexpr std::size_t kReleaseEvery = std::size_t{64} << 20;

struct IndexEntry {
  std::int64_t instant;
  std::int64_t line;
  std::size_t offset;
  std::size_t length;
};

}  // namespace

ReplayResult replay_file(const std::string& path, const SafeguardsConfig& config,
                         const ReplayOptions& options,
                         const std::function<void(const Fault&)>& on_fault) {
  MappedFile file(path);
  auto engine = std::make_unique<SafeguardsEngine>(config);
  const std::string_view text = file.text();
  const std::int64_t limit =
      options.until ? Timestamp::end_of(*options.until).instant() : INT64_MAX;
  ReplayResult result;

  // Pass 1: check every line; while the file is in replay order and clean,
  // apply each event as soon as it is checked.
  {
    FeedParser parser;
    parser.keep_lines(false);  // the engine never reads an event's line
    std::vector<Fault> faults;
    std::int64_t last = INT64_MIN;
    for_each_file_line(path, [&](std::string_view line, std::int64_t number, std::size_t) {
      faults.clear();
      std::optional<Event> event = parser.parse_line(line, number, faults);
      if (!event) {
        if (faults.empty()) return;  // blank
        ++result.lines;
        ++result.faulty_lines;
        result.faults += static_cast<std::int64_t>(faults.size());
        for (const Fault& f : faults) on_fault(f);
        return;
      }
      ++result.lines;
      const std::int64_t instant = event->recorded.instant();
      if (instant < last) result.sorted = false;
      last = std::max(last, instant);
      if (result.sorted && result.faults == 0 && instant <= limit) {
        engine->apply(*event, parser.resolved_ids());
        ++result.applied;
      }
    });
  }
  if (!result.ok()) {
    result.engine = std::move(engine);
    return result;
  }

  if (!result.sorted) {
    // Pass 2: index the lines by recorded instant and learn what the feed defines.
    std::vector<IndexEntry> index;
    WholeFeedIds ids;
    file.restart();
    {
      FeedParser parser;
      parser.keep_lines(false);
      std::vector<Fault> faults;
      std::size_t next_release = kReleaseEvery;
      for_each_line(text, [&](std::string_view line, std::int64_t number, std::size_t offset) {
        if (offset >= next_release) {
          file.release_before(offset);
          next_release = offset + kReleaseEvery;
        }
        faults.clear();
        std::optional<Event> event = parser.parse_line(line, number, faults);
        if (!event) return;
        ids.define(*event);
        index.push_back(IndexEntry{event->recorded.instant(), number, offset, line.size()});
      });
    }
    std::stable_sort(index.begin(), index.end(), [](const IndexEntry& a, const IndexEntry& b) {
      return a.instant != b.instant ? a.instant < b.instant : a.line < b.line;
    });
    // Pass 3: apply in replay order to a fresh engine, re-reading each line
    // from the map.
    engine = std::make_unique<SafeguardsEngine>(config);
    FeedParser parser(&ids);
    parser.keep_lines(false);
    std::vector<Fault> faults;
    result.applied = 0;
    for (const IndexEntry& entry : index) {
      if (entry.instant > limit) break;
      ids.set_line(entry.line);
      faults.clear();
      std::optional<Event> event =
          parser.parse_line(text.substr(entry.offset, entry.length), entry.line, faults);
      if (!event) {
        throw std::runtime_error("internal error re-reading line " + std::to_string(entry.line) +
                                 (faults.empty() ? "" : ": " + faults.front().to_string()));
      }
      engine->apply(*event, parser.resolved_ids());
      ++result.applied;
    }
  }
  if (options.until) engine->advance_to(Timestamp::end_of(*options.until));
  result.engine = std::move(engine);
  return result;
}

}  // namespace sightline::safeguards
