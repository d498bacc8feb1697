// The generator's own random numbers: the SplitMix64 sequence, and integers
// drawn from it by plain arithmetic. std::uniform_int_distribution and friends
// are implementation-defined, so they would make the feed differ between
// standard libraries; this gives the same numbers everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace sightline::synth {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  // The generator of one child: depends only on the feed's seed and the child's
  // number, so a child's life does not change with the cohort it falls in.
  static Rng for_child(std::uint64_t seed, std::int64_t child) {
    Rng mixer(seed ^ (static_cast<std::uint64_t>(child) * 0xD1B54A32D192ED03ULL));
    return Rng(mixer.next() ^ mixer.next());
  }

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [lo, hi] (the modulo bias is below 2^-40 for these small ranges).
  int between(int lo, int hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<int>(next() % span);
  }
  // True with probability per_mille / 1000.
  bool chance(int per_mille) { return between(0, 999) < per_mille; }

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
  }
  std::size_t index(std::size_t size) {
    return static_cast<std::size_t>(between(0, static_cast<int>(size) - 1));
  }

 private:
  std::uint64_t state_;
};

}  // namespace sightline::synth
