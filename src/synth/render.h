// Writes planned events as events-v1 lines: compact JSON, one object per line,
// members in the order events-v1 lists them (envelope first).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "synth/life.h"
#include "synth/world.h"

namespace sightline::synth {

// The synthetic NHS number of person `index`: ten digits starting with 9, with
// a valid modulus-11 check digit, different for every index below 10^7.
// England issues patients numbers in other ranges, so none is a real person's.
std::string nhs_number(std::uint32_t index);

class Renderer {
 public:
  explicit Renderer(const World& world) : world_(world) {}

  // Appends the line of `event`, one of `child`'s, with its '\n'.
  void render(const Child& child, const Planned& event, std::string& out);

 private:
  void date(std::string& out, std::int32_t day);
  void stamp(std::string& out, const Stamp& s);

  const World& world_;
  std::int32_t cached_day_ = INT32_MIN;
  char cached_text_[10] = {};
};

}  // namespace sightline::synth
