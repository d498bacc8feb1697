// Where the first answer to each idempotency key of a write is kept
// (`Idempotency-Key` of POST /api/v1/events, web/events_api.h), so that a
// retried request is answered again rather than applied twice. How long a
// key is kept is the caller's: the store forgets what it is told to.
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sightline {

struct IdempotentAnswer {
  std::string username, key;  // a key is the user's own
  std::string request_hash;   // what was asked (hex SHA-256 of the body)
  int status = 0;             // what was answered
  std::string response;
  std::int64_t created = 0;  // UTC seconds
};

class IdempotencyStore {
 public:
  virtual ~IdempotencyStore() = default;

  // The answer kept for `username`'s `key`, if any.
  virtual std::optional<IdempotentAnswer> find(const std::string& username,
                                               const std::string& key) = 0;
  // Forgets every answer created before `forget_before` and keeps `answer`,
  // together.
  virtual void remember(const IdempotentAnswer& answer, std::int64_t forget_before) = 0;
};

}  // namespace sightline
