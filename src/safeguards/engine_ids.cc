#include "safeguards/engine_ids.h"

#include <atomic>

namespace sightline::safeguards {

EngineIds::EngineIds(const SafeguardsConfig& config) : config_(config) {
  static std::atomic<std::uint64_t> engines{0};
  token_ = ++engines;
}

void EngineIds::claim(const ResolvedIds& ids) { words_mine_ = ids.claim(token_); }

void EngineIds::prefetch_people(const ResolvedIds& ids,
                                const ChunkedVector<PersonState>& people) const {
  for (const ResolvedId& r : ids.ids) {
    if (r.space != IdSpace::kPerson) continue;
    PersonId p = kNone;
    if (words_mine_ && r.word != nullptr) {
      p = *r.word - 1;  // kNone when not yet ours
    } else if (ids.source == resolved_source_ && r.number < person_of_.size()) {
      p = person_of_[r.number];
    }
    if (p == kNone || p >= people.size()) continue;
    prefetch_lines(people[p]);
  }
}

void EngineIds::begin_event(const ResolvedIds& ids) {
  if (ids.source != resolved_source_ && ids.source != nullptr) {
    // Another parser numbers its ids afresh.
    person_of_.clear();
    agency_of_.clear();
    resolved_source_ = ids.source;
  }
  resolved_ = ids;
  recent_persons_.fill(RecentId{});
  recent_agencies_.fill(RecentId{});
}

void EngineIds::end_event() {
  resolved_ = {};
  recent_persons_.fill(RecentId{});
  recent_agencies_.fill(RecentId{});
}

std::uint32_t EngineIds::resolve(IdSpace space, std::string_view id, Interner& interner,
                                 std::vector<std::uint32_t>& map) {
  const ResolvedId* r = resolved_.find(space, id);
  if (r == nullptr) return interner.intern(id);
  if (words_mine_ && r->word != nullptr) {  // our own number, kept beside the parser's (+1)
    if (*r->word == 0) *r->word = interner.intern(id) + 1;
    return *r->word - 1;
  }
  if (r->number >= map.size()) map.resize(std::size_t{r->number} + 1, kNone);
  std::uint32_t& known = map[r->number];
  if (known == kNone) known = interner.intern(id);
  return known;
}

AreaId EngineIds::area(std::string_view gss) {
  if (gss.empty()) return kNone;
  const AreaId a = area_ids_.intern(gss);
  if (a >= area_tables_.size()) area_tables_.push_back(&config_.table(gss));
  return a;
}

}  // namespace sightline::safeguards
