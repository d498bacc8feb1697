// Dense integer ids for strings (person, agency and area ids), so that the
// engine's per-child state holds 4-byte numbers instead of strings. Ids are
// given out in first-seen order, so the same feed always gets the same ids.
// The strings are stored once, in chunks that never move, so the views that
// key the map stay valid.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sightline::safeguards {

inline constexpr std::uint32_t kNone = 0xffffffffu;

class Interner {
 public:
  Interner() = default;
  Interner(const Interner&) = delete;
  Interner& operator=(const Interner&) = delete;

  // The id of `s`, giving it the next id when it is new.
  std::uint32_t intern(std::string_view s) {
    if (const auto it = ids_.find(s); it != ids_.end()) return it->second;
    const std::string_view stored = store(s);
    const auto id = static_cast<std::uint32_t>(names_.size());
    names_.push_back(stored);
    ids_.emplace(stored, id);
    return id;
  }
  // The id of `s`, or kNone when it was never interned.
  std::uint32_t find(std::string_view s) const {
    const auto it = ids_.find(s);
    return it == ids_.end() ? kNone : it->second;
  }
  std::string_view name(std::uint32_t id) const { return names_[id]; }
  std::size_t size() const { return names_.size(); }

 private:
  std::string_view store(std::string_view s) {
    constexpr std::size_t kChunk = 1 << 20;
    if (s.size() > kChunk / 4) {
      big_.push_back(std::make_unique<char[]>(s.size()));
      std::copy(s.begin(), s.end(), big_.back().get());
      return {big_.back().get(), s.size()};
    }
    if (chunks_.empty() || used_ + s.size() > kChunk) {
      chunks_.push_back(std::make_unique<char[]>(kChunk));
      used_ = 0;
    }
    char* at = chunks_.back().get() + used_;
    std::copy(s.begin(), s.end(), at);
    used_ += s.size();
    return {at, s.size()};
  }

  std::unordered_map<std::string_view, std::uint32_t> ids_;
  std::vector<std::string_view> names_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::unique_ptr<char[]>> big_;
  std::size_t used_ = 0;
};

}  // namespace sightline::safeguards
