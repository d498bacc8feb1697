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
  for (std::size_t i = 0; i < fresh->by_name.size(); ++i) {
    fresh->names.emplace(fresh->by_name[i].id, fresh->by_name[i].name);
    fresh->index_of_id.emplace(fresh->by_name[i].id, i);
  }
  std::lock_guard lock(mutex_);
  if (read_at >= seq_) {
    seq_ = read_at;
    list_ = fresh;
  }
  return fresh;
}

const AgencyView* AgencyListFacts::find(std::string_view agency) const {
  const auto it = list_.index_of_id.find(agency);
  return it == list_.index_of_id.end() ? nullptr : &list_.by_name[it->second];
}

std::optional<AgencyKind> AgencyListFacts::kind(std::string_view agency) const {
  const AgencyView* a = find(agency);
  if (a == nullptr) return std::nullopt;
  return a->kind;
}

std::string AgencyListFacts::area(std::string_view agency) const {
  const AgencyView* a = find(agency);
  return a == nullptr ? std::string() : a->area;
}

}  // namespace sightline::pages
