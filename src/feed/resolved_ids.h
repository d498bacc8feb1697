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
  // A word the parser keeps with the id (0 until set) for its one consumer
  // (see ResolvedIds::claim) to keep its own number for the id in, so that
  // the next line naming the id hands that number on. Valid until the next line.
  std::uint32_t* word = nullptr;
};

struct ResolvedIds {
  // Who numbered them: numbers from different sources must not be mixed.
  const void* source = nullptr;
  std::span<const ResolvedId> ids;
  // The consumer that may use the words: 0 until one claims them.
  std::uint64_t* owner = nullptr;

  // Whether `consumer` (a token no other consumer ever has) may use the
  // words: the first to ask gets them for the source's lifetime.
  bool claim(std::uint64_t consumer) const {
    if (owner == nullptr) return false;
    if (*owner == 0) *owner = consumer;
    return *owner == consumer;
  }

  // The number of `text` in `space`, or nullptr when it was not resolved.
  const ResolvedId* find(IdSpace space, std::string_view text) const {
    for (const ResolvedId& id : ids) {
      if (id.space == space && id.text == text) return &id;
    }
    return nullptr;
  }
};

}  // namespace sightline
