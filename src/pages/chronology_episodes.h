// The episodes of a child's chronology: the periods the child lived at one
// address, each from one `address` event for the child to the next (docs/
// pages.md, the chronology's "Group by episode"). Before the birth an unborn
// child lives where the mother lives, so an `address` of the mother dated
// before the birth is the child's too (as for transience, C6; reading R78).
// What happened before the first address recorded is an episode of its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sightline::pages {

struct Episode {
  // "At 3 High Street, London, W5 3AA, Ealing — 1 June 2025 to 2 March 2026";
  // the current one runs "to now".
  std::string heading;
  std::int64_t from = INT64_MIN;  // the address event's instant (the first: before all)
};

// The episodes of `entries` (the chronology API's entries) for `child`, born
// on `born` (YYYY-MM-DD; "" when not born, or not known), oldest first; the
// first is always the one before any address.
std::vector<Episode> address_episodes(const nlohmann::json& entries, const std::string& child,
                                      const std::string& born);

// The index in `episodes` of the episode in which something at `at`
// (YYYY-MM-DD[THH:MM[:SS]]) happened: the last that began at or before it.
std::size_t episode_of(const std::vector<Episode>& episodes, const std::string& at);

}  // namespace sightline::pages
