#include "feed/id_table.h"

#include <cstring>

namespace sightline {
namespace {

constexpr std::size_t kInitialSlots = 64;

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ull;
  x ^= x >> 32;
  return x;
}

}  // namespace

IdTable::IdTable() : slots_(kInitialSlots), mask_(kInitialSlots - 1) {}

// Eight bytes at a time, then a final multiply-mix: ids are short, so this is
// a few instructions where a byte-at-a-time hash would be dozens.
std::uint32_t IdTable::hash(std::string_view id) {
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ id.size();
  const char* p = id.data();
  std::size_t n = id.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    h = mix(h ^ w) + 0x9e3779b97f4a7c15ull;
  }
  std::uint64_t tail = 0;
  for (std::size_t i = 0; i < n; ++i)
    tail |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return static_cast<std::uint32_t>(mix(h ^ tail));
}

bool IdTable::holds(const Slot& slot, std::uint32_t h, std::string_view id) const {
  if (slot.hash != h) return false;
  if (slot.size != kLong) {
    return slot.size == id.size() && std::memcmp(slot.text, id.data(), id.size()) == 0;
  }
  std::uint32_t index = 0;
  std::memcpy(&index, slot.text, sizeof index);
  return long_[index] == id;
}

// The slot that holds `id`, or the empty slot where it would go.
std::size_t IdTable::slot_of(std::string_view id, std::uint32_t h) const {
  std::size_t i = h & mask_;
  while (slots_[i].number != 0 && !holds(slots_[i], h, id)) i = (i + 1) & mask_;
  return i;
}

std::uint32_t IdTable::find(std::string_view id) const {
  const Slot& slot = slots_[slot_of(id, hash(id))];
  return slot.number == 0 ? kAbsent : slot.number - 1;
}

IdTable::Entry IdTable::find_entry(std::string_view id) {
  Slot& slot = slots_[slot_of(id, hash(id))];
  if (slot.number == 0) return {};
  return {slot.number - 1, &slot.word};
}

std::pair<std::uint32_t, bool> IdTable::insert(std::string_view id) {
  const auto [entry, added] = insert_entry(id);
  return {entry.number, added};
}

std::pair<IdTable::Entry, bool> IdTable::insert_entry(std::string_view id) {
  const std::uint32_t h = hash(id);
  std::size_t i = slot_of(id, h);
  if (slots_[i].number != 0) return {{slots_[i].number - 1, &slots_[i].word}, false};
  const auto number = static_cast<std::uint32_t>(count_);
  Slot& slot = slots_[i];
  slot.hash = h;
  slot.number = number + 1;
  if (id.size() <= kInline) {
    slot.size = static_cast<std::uint8_t>(id.size());
    std::memcpy(slot.text, id.data(), id.size());
  } else {
    slot.size = kLong;
    const auto index = static_cast<std::uint32_t>(long_.size());
    long_.emplace_back(id);
    std::memcpy(slot.text, &index, sizeof index);
  }
  ++count_;
  // At most three quarters full, so that probes stay short.
  if (count_ * 4 > slots_.size() * 3) {
    grow();
    i = slot_of(id, h);
  }
  return {{number, &slots_[i].word}, true};
}

void IdTable::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  ++growths_;
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.number == 0) continue;
    std::size_t i = slot.hash & mask_;
    while (slots_[i].number != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

}  // namespace sightline
