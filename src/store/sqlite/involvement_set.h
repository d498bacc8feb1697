// The (person, agency) pairs an import has already staged for p_involvement.
// An event about a person makes its agencies involved again and again, and
// only the first event of a pair is kept, so repeats are dropped before they
// cost a row. A pair is one 64-bit key in an open-addressing table: a lookup
// is a cache miss or two, where a set of strings costs an allocation and
// several.
//
// The numbers in a key come from one of two numberings, kept in two tables
// so that they never meet: the dense numbers the import's parser already gave
// the line's ids (add_numbered: no string is hashed again), or, for ids the
// parser did not number (persons named by an earlier event), numbers given
// here from two IdTables (add). A pair seen both ways is staged twice; the
// store keeps the first row (INSERT OR IGNORE), so that costs a row, never a
// fact. Bounded by the distinct persons and pairs of the import.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "feed/id_table.h"

namespace sightline::sqlite {

// A set of 64-bit keys. Slots hold 0 when empty, so the key 0 is kept apart.
class KeySet {
 public:
  KeySet() : slots_(kInitialSlots, 0) {}

  // Adds the key; whether it was new.
  bool add(std::uint64_t key) {
    if (key == 0) {
      if (has_zero_) return false;
      has_zero_ = true;
      ++count_;
      return true;
    }
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = position(key, mask);
    for (; slots_[i] != 0; i = (i + 1) & mask) {
      if (slots_[i] == key) return false;
    }
    slots_[i] = key;
    if (++slots_used_ * 2 > slots_.size()) grow();
    ++count_;
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

  std::vector<std::uint64_t> slots_;
  std::size_t slots_used_ = 0;
  std::size_t count_ = 0;
  bool has_zero_ = false;
};

class InvolvementSet {
 public:
  // Adds the pair, numbering the ids here; whether it was new.
  bool add(std::string_view person, std::string_view agency) {
    return by_text_.add(key(persons_.insert(person).first, agencies_.insert(agency).first));
  }
  // Adds the pair of ids numbered by the import's parser; whether it was new.
  bool add_numbered(std::uint32_t person, std::uint32_t agency) {
    // A person's first few agencies sit in a vector indexed by the parser's
    // dense numbers, a few bytes a person that stay in cache; the rare
    // person with more agencies has the rest in a set.
    if (person >= first_agencies_.size()) first_agencies_.resize(std::size_t{person} + 1);
    FirstAgencies& first = first_agencies_[person];
    for (std::uint32_t i = 0; i < first.count; ++i) {
      if (first.agency[i] == agency) return false;
    }
    if (first.count < FirstAgencies::kInline) {
      first.agency[first.count++] = agency;
      ++numbered_;
      return true;
    }
    if (!more_agencies_.add(key(person, agency))) return false;
    ++numbered_;
    return true;
  }

  // The pairs added, counting a pair added both ways twice.
  std::size_t size() const { return by_text_.size() + numbered_; }

 private:
  struct FirstAgencies {
    static constexpr std::uint32_t kInline = 3;
    std::uint32_t count = 0;
    std::uint32_t agency[kInline] = {};
  };

  static std::uint64_t key(std::uint64_t person, std::uint64_t agency) {
    return person << 32 | agency;
  }

  IdTable persons_;
  IdTable agencies_;
  KeySet by_text_;
  std::vector<FirstAgencies> first_agencies_;
  KeySet more_agencies_;
  std::size_t numbered_ = 0;
};

}  // namespace sightline::sqlite
