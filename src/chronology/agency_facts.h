// What the terms need to know of an agency beyond a child's chronology (which
// holds no `agency` lines): its kind (is it health visiting?) and its area (a
// birth place's or a GP practice's, for the child's area). The caller answers
// from what it holds: the store's agencies, the pages' directory, a test's
// table.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "feed/event.h"

namespace sightline {

class AgencyFacts {
 public:
  virtual ~AgencyFacts() = default;
  // nullopt when the agency is not known.
  virtual std::optional<AgencyKind> kind(std::string_view agency) const = 0;
  // Its GSS code, or "" when not known.
  virtual std::string area(std::string_view agency) const = 0;
};

// Knows no agency: terms that need one then take the answer "not known".
class NoAgencyFacts final : public AgencyFacts {
 public:
  std::optional<AgencyKind> kind(std::string_view) const override { return std::nullopt; }
  std::string area(std::string_view) const override { return {}; }
};

}  // namespace sightline
