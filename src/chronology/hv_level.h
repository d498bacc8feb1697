// The child's health-visiting level now and whether it is enhanced (catalogue
// Terms "open involvement", C8), defined once over typed events: the latest
// `hv_level` about the child, until the agency that set an enhanced level
// closes the case (C8 ends it). Enhanced means `universal_plus` or
// `partnership_plus`. Which agency's visiting it sets is open involvement
// (chronology/involvement.h).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "feed/event.h"

namespace sightline {

struct HvLevelNow {
  HvLevel level = HvLevel::kUniversal;
  Id by;         // the agency that set it
  Timestamp at;  // when
  bool enhanced() const {
    return level == HvLevel::kUniversalPlus || level == HvLevel::kPartnershipPlus;
  }
};

// `chronology` in any order (read in replay order); nullopt when no level holds.
std::optional<HvLevelNow> hv_level_now(const std::vector<Event>& chronology,
                                       std::string_view child);

}  // namespace sightline
