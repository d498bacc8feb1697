#include "pages/agency_directory.h"

#include <algorithm>

namespace sightline::pages {

std::shared_ptr<const AgencyList> AgencyDirectory::current() {
  const std::int64_t now = store_.with([](Store& s) { return s.last_seq(); });
  {
    std::lock_guard lock(mutex_);
    if (list_ && seq_ == now) return list_;
  }
  auto fresh = std::make_shared<AgencyList>();
  // The sequence number is read before the agencies, on the same connection,
  // so a list is never labelled newer than what it holds.
  const std::int64_t read_at = store_.with([&](Store& s) {
    const std::int64_t seq = s.last_seq();
    fresh->by_name = s.agencies();
    return seq;
  });
  std::sort(fresh->by_name.begin(), fresh->by_name.end(),
            [](const AgencyView& a, const AgencyView& b) { return a.name < b.name; });
  for (const AgencyView& a : fresh->by_name) fresh->names.emplace(a.id, a.name);
  std::lock_guard lock(mutex_);
  if (read_at >= seq_) {
    seq_ = read_at;
    list_ = fresh;
  }
  return fresh;
}

}  // namespace sightline::pages
