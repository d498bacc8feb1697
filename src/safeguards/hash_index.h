// Dense numbers (such as alert indices) found by the hash of a key that is
// kept elsewhere: an open-addressing table of 8-byte slots, so that a lookup
// among millions costs about one cache miss before the caller compares the
// few candidates whose hashes match. Entries are never removed.
#pragma once

#include <cstdint>
#include <vector>

namespace sightline::safeguards {

class HashIndex {
 public:
  static constexpr std::uint32_t kMissing = 0xffffffffu;

  HashIndex() : slots_(std::size_t{1} << kInitialBits, 0) {}

  // The first value stored under `hash` for which same(value) is true, or
  // kMissing.
  template <class F>
  std::uint32_t find(std::uint64_t hash, F&& same) const {
    const std::uint32_t tag = tag_of(hash);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = position(tag);; i = (i + 1) & mask) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return kMissing;
      const auto value = static_cast<std::uint32_t>(slot) - 1;
      if (static_cast<std::uint32_t>(slot >> 32) == tag && same(value)) return value;
    }
  }

  // Stores `value` (not kMissing) under `hash`.
  void insert(std::uint64_t hash, std::uint32_t value) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    place(tag_of(hash), std::uint64_t{value} + 1);
    ++count_;
  }

 private:
  static constexpr int kInitialBits = 6;

  // Both halves of the hash folded into 32 bits, which place a slot and are
  // kept in it: a slot is tag << 32 | (value + 1), and 0 is empty.
  static std::uint32_t tag_of(std::uint64_t hash) {
    return static_cast<std::uint32_t>(hash ^ (hash >> 32));
  }
  std::size_t position(std::uint32_t tag) const {
    return static_cast<std::size_t>((tag * 0x9e3779b97f4a7c15ull) >> (64 - bits_));
  }
  void place(std::uint32_t tag, std::uint64_t value_plus_one) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = position(tag);
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = std::uint64_t{tag} << 32 | value_plus_one;
  }
  void grow() {
    std::vector<std::uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    ++bits_;
    for (const std::uint64_t slot : old) {
      if (slot != 0) place(static_cast<std::uint32_t>(slot >> 32), slot & 0xffffffffu);
    }
  }

  std::vector<std::uint64_t> slots_;
  int bits_ = kInitialBits;
  std::size_t count_ = 0;
};

}  // namespace sightline::safeguards
