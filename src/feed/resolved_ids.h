// The dense numbers a FeedParser gave the ids of the line it last parsed, so
// that what consumes the event next (the safeguards engine) need not look the
// same strings up again in tables of millions of ids.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace sightline {

// Which ids: persons' (their own namespace, catalogue C14) or agencies'.
// Event ids are not resolved: they are few and rarely looked up.
enum class IdSpace : std::uint8_t { kPerson, kAgency };

struct ResolvedId {
  std::string_view text;  // the id; valid until the parser's next line
  std::uint32_t number;   // dense, per space, stable for the parser's lifetime
  IdSpace space;
};

struct ResolvedIds {
  // Who numbered them: numbers from different sources must not be mixed.
  const void* source = nullptr;
  std::span<const ResolvedId> ids;

  // The number of `text` in `space`, or nullptr when it was not resolved.
  const ResolvedId* find(IdSpace space, std::string_view text) const {
    for (const ResolvedId& id : ids) {
      if (id.space == space && id.text == text) return &id;
    }
    return nullptr;
  }
};

}  // namespace sightline
