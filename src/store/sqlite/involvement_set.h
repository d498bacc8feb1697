// The (person, agency) pairs an import has already staged for p_involvement.
// An event about a person makes its agencies involved again and again, and
// only the first event of a pair is kept, so repeats are dropped before they
// cost a row. Persons and agencies get dense numbers from two IdTables, and
// a pair is one 64-bit key in an open-addressing table: a lookup is a cache
// miss or two, where a set of strings costs an allocation and several.
// Bounded by the distinct persons and pairs of the import.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "feed/id_table.h"

namespace sightline::sqlite {

class InvolvementSet {
 public:
  InvolvementSet() : slots_(kInitialSlots, 0) {}

  // Adds the pair; whether it was new.
  bool add(std::string_view person, std::string_view agency) {
    const std::uint64_t person_number = persons_.insert(person).first;
    const std::uint64_t agency_number = agencies_.insert(agency).first;
    const std::uint64_t key = (person_number << 32 | agency_number) + 1;  // 0: an empty slot
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = position(key, mask);
    for (; slots_[i] != 0; i = (i + 1) & mask) {
      if (slots_[i] == key) return false;
    }
    slots_[i] = key;
    if (++count_ * 2 > slots_.size()) grow();
    return true;
  }

  std::size_t size() const { return count_; }

 private:
  static constexpr std::size_t kInitialSlots = 64;

  static std::size_t position(std::uint64_t key, std::size_t mask) {
    key ^= key >> 29;
    key *= 0xbf58476d1ce4e5b9ull;
    key ^= key >> 32;
    return static_cast<std::size_t>(key) & mask;
  }
  void grow() {
    std::vector<std::uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const std::uint64_t key : old) {
      if (key == 0) continue;
      std::size_t i = position(key, mask);
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = key;
    }
  }

  IdTable persons_;
  IdTable agencies_;
  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

}  // namespace sightline::sqlite
