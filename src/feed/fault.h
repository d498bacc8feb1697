// One thing wrong with one line of a feed (or one item of an API batch).
#pragma once

#include <cstdint>
#include <string>

namespace sightline {

struct Fault {
  std::int64_t line = 0;  // 1-based
  std::string field;      // "referral_outcome.referral", "at", "(json)", ...
  std::string message;    // what was expected, e.g. `no referral with id "ref-9" before this line`

  // "line 14: referral_outcome.referral: no referral with id "ref-9" before this line"
  std::string to_string() const {
    return "line " + std::to_string(line) + ": " + field + ": " + message;
  }
};

}  // namespace sightline
