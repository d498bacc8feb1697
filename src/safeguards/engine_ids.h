// The engine's ids: every person, agency, area and referenced event id of
// the feed interned into a dense 32-bit number (in first-use order, so that
// a replay is deterministic), each area with its table of parameters.
//
// This part holds the engine's speed tricks, so that the code deciding a
// child's state reads ids and nothing else:
// - the parser has already looked each person and agency id of a line up in
//   its own tables (feed/resolved_ids.h); its numbers map to ours through an
//   array (one hash lookup per id per line, not two);
// - better still, when this engine holds the claim on the parser's words,
//   our own number (+1) is kept in the parser's slot of the id, and comes
//   back with the parser's lookup in the same cache line;
// - the rules ask for the same few strings of one event again and again: the
//   last ids of the current event are remembered by the address of their
//   characters;
// - before an event is applied, the state of the people the parser resolved
//   starts loading (prefetch_people), so that the cache misses of a feed of
//   millions of people overlap instead of stalling one after another.
// None of these changes which number an id gets.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "feed/resolved_ids.h"
#include "safeguards/chunked_vector.h"
#include "safeguards/config.h"
#include "safeguards/interner.h"
#include "safeguards/person_state.h"

namespace sightline::safeguards {

// Starts loading every cache line of `object`.
template <class T>
inline void prefetch_lines(const T& object) {
  const char* bytes = reinterpret_cast<const char*>(&object);
  for (std::size_t line = 0; line < sizeof(T); line += 64) __builtin_prefetch(bytes + line);
}

// Starts loading the first cache line of `object` (for a record read at its start).
template <class T>
inline void prefetch_start(const T& object) {
  __builtin_prefetch(&object);
}

class EngineIds {
 public:
  explicit EngineIds(const SafeguardsConfig& config);
  EngineIds(const EngineIds&) = delete;
  EngineIds& operator=(const EngineIds&) = delete;

  // ----- the event being applied -----
  // Before the clock moves for an event: claims the parser's words when free.
  void claim(const ResolvedIds& ids);
  // Starts loading the state of the people the parser resolved that are
  // known here already.
  void prefetch_people(const ResolvedIds& ids, const ChunkedVector<PersonState>& people) const;
  // The event's ids become the current ones (their numbers usable) ...
  void begin_event(const ResolvedIds& ids);
  // ... until the event is done (its strings die with it).
  void end_event();

  // ----- people and agencies, interned on first use -----
  PersonId person(std::string_view id) {
    if (const PersonId p = recall(recent_persons_, id); p != kNone) return p;
    const PersonId p = resolve(IdSpace::kPerson, id, persons_, person_of_);
    recent_persons_[recent_person_next_++ % recent_persons_.size()] = {id.data(), id.size(), p};
    return p;
  }
  AgencyId agency(std::string_view id) {
    if (const AgencyId a = recall(recent_agencies_, id); a != kNone) return a;
    const AgencyId a = resolve(IdSpace::kAgency, id, agency_ids_, agency_of_);
    recent_agencies_[recent_agency_next_++ % recent_agencies_.size()] = {id.data(), id.size(), a};
    return a;
  }
  // An agency named by a string that dies before the event does (not cached).
  AgencyId agency_named(std::string_view name) { return agency_ids_.intern(name); }
  // The person's dense id, or kNone when no event named them (nothing is interned).
  PersonId known_person(std::string_view id) const { return persons_.find(id); }
  std::string_view person_name(PersonId p) const { return persons_.name(p); }
  std::string_view agency_name(AgencyId a) const { return agency_ids_.name(a); }

  // ----- areas and their parameters -----
  AreaId area(std::string_view gss);  // kNone for ""
  std::string_view area_name(AreaId a) const { return area_ids_.name(a); }
  // Parameter `param` of configuration section `section` for `area` (kNone:
  // the defaults): an array index.
  int section_param(std::size_t section, std::size_t param, AreaId area) const {
    return table_for(area)[config_.offset(section) + param];
  }

  // ----- referenced events (referral, assessment, plan, transfer) -----
  std::uint32_t ref(std::string_view id) { return refs_.intern(id); }
  std::uint32_t find_ref(std::string_view id) const { return refs_.find(id); }
  // Ids of the events that located children or resolved alerts, to name them.
  std::uint32_t event_id(std::string_view id) { return event_ids_.intern(id); }
  std::string_view event_name(std::uint32_t e) const { return event_ids_.name(e); }

 private:
  struct RecentId {
    const char* data;
    std::size_t size;
    std::uint32_t id;
  };
  static std::uint32_t recall(const std::array<RecentId, 8>& cache, std::string_view s) {
    for (const RecentId& r : cache) {
      if (r.data == s.data() && r.size == s.size() && r.data != nullptr) return r.id;
    }
    return kNone;
  }
  // The dense id of `id` in `interner`, through `map` when the parser resolved it.
  std::uint32_t resolve(IdSpace space, std::string_view id, Interner& interner,
                        std::vector<std::uint32_t>& map);
  const std::vector<int>& table_for(AreaId area) const {
    if (area == kNone || area >= area_tables_.size()) return config_.defaults();
    return *area_tables_[area];
  }

  const SafeguardsConfig& config_;
  Interner persons_, agency_ids_, area_ids_, refs_, event_ids_;
  std::vector<const std::vector<int>*> area_tables_;  // by AreaId

  // The ids the current event names, by the address of their characters.
  // Cleared before and after every event.
  std::array<RecentId, 8> recent_persons_{}, recent_agencies_{};
  std::size_t recent_person_next_ = 0, recent_agency_next_ = 0;
  // The numbers the parser gave the current event's ids, and what each
  // number of that parser's is here (kNone: not looked up yet).
  ResolvedIds resolved_;
  const void* resolved_source_ = nullptr;
  std::vector<PersonId> person_of_;
  std::vector<AgencyId> agency_of_;
  // The parser's words: when this engine holds the claim (`words_mine_`), its
  // own id (+1) is kept there.
  std::uint64_t token_ = 0;  // unique to this engine, for claiming the words
  bool words_mine_ = false;
};

}  // namespace sightline::safeguards
