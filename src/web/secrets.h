// Small wrappers over libsodium for the service's secrets: random tokens,
// digests, encodings and constant-time comparison. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline::web {

// Initialises libsodium once; every function below calls it.
void ensure_sodium();

// `n` bytes from the operating system's CSPRNG.
std::string random_bytes(std::size_t n);
std::string sha256(std::string_view data);                                  // 32 raw bytes
std::string hmac_sha256(std::string_view key32, std::string_view message);  // key: 32 bytes
std::string to_hex(std::string_view bytes);
std::optional<std::string> from_hex(std::string_view hex);
// URL-safe base64 without padding (cookie- and header-safe).
std::string to_base64url(std::string_view bytes);
std::optional<std::string> from_base64url(std::string_view text);
// Compares in time independent of where the two differ.
bool equal_in_constant_time(std::string_view a, std::string_view b);

// "2026-11-28T00:37:35Z" for seconds since 1970-01-01T00:00Z.
std::string utc_text(std::int64_t utc_seconds);

}  // namespace sightline::web
