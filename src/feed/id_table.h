// A set of ids (person, agency or event ids) numbered densely in the order
// they were added: 0, 1, 2, ..., each with a 32-bit word (0 until set) that
// whoever uses the numbers may keep its own number for the id in.
//
// Built for the millions of ids of a large feed, looked up on nearly every
// line: an open-addressing table of 32-byte slots (two to a cache line) that
// hold an id of up to 19 bytes in the slot itself, so that a lookup usually
// costs one cache miss. Longer ids are kept apart and compared there. Never
// shrinks; not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline {

class IdTable {
 public:
  static constexpr std::uint32_t kAbsent = 0xffffffffu;

  IdTable();

  struct Entry {
    std::uint32_t number = kAbsent;
    std::uint32_t* word = nullptr;  // valid until the table next grows
  };

  // The number of `id`, or kAbsent.
  std::uint32_t find(std::string_view id) const;
  Entry find_entry(std::string_view id);
  // The number of `id`, adding it with the next number when it is new; the
  // flag says whether it was added.
  std::pair<std::uint32_t, bool> insert(std::string_view id);
  std::pair<Entry, bool> insert_entry(std::string_view id);
  std::size_t size() const { return count_; }
  // How often the table has grown: each time moves every word.
  std::uint32_t growths() const { return growths_; }
  // Starts loading the slot where `id` would be, so that a lookup soon after
  // does not wait for memory.
  void prefetch(std::string_view id) const { __builtin_prefetch(&slots_[hash(id) & mask_]); }

 private:
  static constexpr std::size_t kInline = 19;
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t number = 0;  // the id's number + 1; 0: the slot is empty
    std::uint32_t word = 0;
    std::uint8_t size = 0;    // the id's length when inline, else kLong
    char text[kInline] = {};  // the id, or (when long) its index in long_
  };
  static_assert(sizeof(Slot) == 32);
  static constexpr std::uint8_t kLong = 0xff;

  static std::uint32_t hash(std::string_view id);
  bool holds(const Slot& slot, std::uint32_t h, std::string_view id) const;
  std::size_t slot_of(std::string_view id, std::uint32_t h) const;
  void grow();

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
  std::uint32_t growths_ = 0;
  std::vector<std::string> long_;  // ids longer than kInline
};

}  // namespace sightline
