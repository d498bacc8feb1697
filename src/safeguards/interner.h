// Dense integer ids for strings (person, agency and area ids), so that the
// engine's per-child state holds 4-byte numbers instead of strings. Ids are
// given out in first-seen order, so the same feed always gets the same ids.
//
// Built for millions of ids: an open-addressing table of 8-byte slots (a hash
// tag and where the string is stored), and the strings in 1 MB chunks that
// never move, each stored after its id and length. A lookup touches one slot
// and one stored string: two cache misses where a node-based map costs more.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace sightline::safeguards {

inline constexpr std::uint32_t kNone = 0xffffffffu;

class Interner {
 public:
  Interner() : slots_(kInitialSlots, 0) {}
  Interner(const Interner&) = delete;
  Interner& operator=(const Interner&) = delete;

  // The id of `s`, giving it the next id when it is new.
  std::uint32_t intern(std::string_view s) {
    const std::uint64_t h = hash(s);
    std::size_t i = static_cast<std::size_t>(h) & (slots_.size() - 1);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (;; i = (i + 1) & (slots_.size() - 1)) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) break;
      if (static_cast<std::uint32_t>(slot >> 32) == tag) {
        const Stored stored = at(static_cast<std::uint32_t>(slot) - 1);
        if (stored.text == s) return stored.id;
      }
    }
    const auto id = static_cast<std::uint32_t>(where_.size());
    const std::uint32_t where = store(s, id);
    where_.push_back(where);
    slots_[i] = (std::uint64_t{tag} << 32) | (std::uint64_t{where} + 1);
    if (where_.size() * 2 > slots_.size()) grow();
    return id;
  }
  // The id of `s`, or kNone when it was never interned.
  std::uint32_t find(std::string_view s) const {
    const std::uint64_t h = hash(s);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = static_cast<std::size_t>(h) & (slots_.size() - 1);;
         i = (i + 1) & (slots_.size() - 1)) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return kNone;
      if (static_cast<std::uint32_t>(slot >> 32) == tag) {
        const Stored stored = at(static_cast<std::uint32_t>(slot) - 1);
        if (stored.text == s) return stored.id;
      }
    }
  }
  // Valid for the interner's lifetime.
  std::string_view name(std::uint32_t id) const { return at(where_[id]).text; }
  std::size_t size() const { return where_.size(); }

 private:
  static constexpr std::size_t kInitialSlots = 64;
  static constexpr std::uint32_t kChunkBits = 20;  // 1 MB chunks
  static constexpr std::size_t kChunk = std::size_t{1} << kChunkBits;
  static constexpr std::size_t kHeader = 8;  // id, length

  struct Stored {
    std::uint32_t id;
    std::string_view text;
  };

  static std::uint64_t hash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a, then mixed
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return h;
  }

  Stored at(std::uint32_t where) const {
    const char* p = chunks_[where >> kChunkBits].get() + (where & (kChunk - 1));
    std::uint32_t id = 0, size = 0;
    std::memcpy(&id, p, 4);
    std::memcpy(&size, p + 4, 4);
    return {id, std::string_view(p + kHeader, size)};
  }

  // Where a string is stored: chunk index << kChunkBits | offset in chunk.
  std::uint32_t store(std::string_view s, std::uint32_t id) {
    const std::size_t need = kHeader + s.size();
    if (chunks_.empty() || used_ + need > chunk_size_) {
      chunk_size_ = need > kChunk ? need : kChunk;  // a huge id gets a chunk of its own
      chunks_.push_back(std::make_unique<char[]>(chunk_size_));
      used_ = 0;
    }
    char* p = chunks_.back().get() + used_;
    const auto size = static_cast<std::uint32_t>(s.size());
    std::memcpy(p, &id, 4);
    std::memcpy(p + 4, &size, 4);
    std::memcpy(p + kHeader, s.data(), s.size());
    const auto where = static_cast<std::uint32_t>(((chunks_.size() - 1) << kChunkBits) | used_);
    used_ += (need + 7) & ~std::size_t{7};
    return where;
  }

  void grow() {
    std::vector<std::uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    for (const std::uint64_t slot : old) {
      if (slot == 0) continue;
      const Stored stored = at(static_cast<std::uint32_t>(slot) - 1);
      std::size_t i = static_cast<std::size_t>(hash(stored.text)) & (slots_.size() - 1);
      while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = slot;
    }
  }

  std::vector<std::uint64_t> slots_;  // (hash tag << 32) | (where + 1); 0 is empty
  std::vector<std::uint32_t> where_;  // by id
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t used_ = 0, chunk_size_ = 0;
};

}  // namespace sightline::safeguards
