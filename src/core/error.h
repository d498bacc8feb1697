// Sightline's one error model.
//
// A failure the caller can expect (a bad argument, a wrong password, a
// missing reason, an alert already resolved, a configuration that does not
// parse) is returned, not thrown: a function that may refuse returns
// `Expected<T>`, holding either its value or an `Error`. Each Error carries a
// code from one closed set, the field it concerns (if any) and a message a
// person can act on. The HTTP layer maps a code to a status and the API's
// JSON error body in one place (web/api_error.h); the command line maps it to
// an exit code in one place (cli/exit_code.h). No code outside those two
// knows an HTTP status or an exit code.
//
// Exceptions remain only for what aborts a request or startup: the store's
// own failure (StoreError), a broken invariant, memory. See docs/errors.md.
#pragma once

#include <array>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace sightline {

// Every code an expected failure can have. Adding one means adding its name
// below, its HTTP status in web/api_error.cc and its exit code in
// cli/exit_code.cc; a test walks all of them.
enum class ErrorCode : std::uint8_t {
  // The API's codes, as its JSON error bodies name them.
  kBadRequest,            // the request is malformed or a value is out of range
  kForbidden,             // the account's role or agency may not do this
  kNotFound,              // no such resource (or not one the account may know of)
  kUnsupportedMediaType,  // the body is not declared as JSON
  kBadJson,               // the body does not parse as JSON
  kInternal,              // the server failed; nothing the caller can change
  kTooManyAttempts,       // throttled
  kIdempotencyKeyReused,  // the key was used for a different request
  kTooManyEvents,         // a batch over the limit
  kMethodNotAllowed,      // the path exists, the method does not
  kNoRelationship,        // no relationship with the child: break-glass needed
  kCsrf,                  // missing or wrong CSRF token
  kUnauthenticated,       // no live session
  kLoginFailed,           // wrong name or password, locked or disabled
  kReasonRequired,        // break-glass without a reason long enough
  kNoteRequired,          // an acknowledgement without a note
  kAlreadyResolved,       // acknowledging an alert whose duty is done
  kInvalidEvents,         // events refused by validation; nothing stored
  kTooLarge,              // the request body is over the server's limit
  kHeaderTooLarge,        // the request header is over the server's limit
  // What the command line also needs.
  kUsage,          // bad command-line usage: unknown option, missing argument
  kInvalidInput,   // input refused: a weak password, a name taken, bad data
  kInvalidConfig,  // the safeguards' configuration is refused
  kStoreFailure,   // the store cannot be opened, read or written
  kUnavailable,    // the service cannot answer now (shutting down, store busy)
};

inline constexpr std::array kAllErrorCodes = {
    ErrorCode::kBadRequest,      ErrorCode::kForbidden,
    ErrorCode::kNotFound,        ErrorCode::kUnsupportedMediaType,
    ErrorCode::kBadJson,         ErrorCode::kInternal,
    ErrorCode::kTooManyAttempts, ErrorCode::kIdempotencyKeyReused,
    ErrorCode::kTooManyEvents,   ErrorCode::kMethodNotAllowed,
    ErrorCode::kNoRelationship,  ErrorCode::kCsrf,
    ErrorCode::kUnauthenticated, ErrorCode::kLoginFailed,
    ErrorCode::kReasonRequired,  ErrorCode::kNoteRequired,
    ErrorCode::kAlreadyResolved, ErrorCode::kInvalidEvents,
    ErrorCode::kTooLarge,        ErrorCode::kHeaderTooLarge,
    ErrorCode::kUsage,           ErrorCode::kInvalidInput,
    ErrorCode::kInvalidConfig,   ErrorCode::kStoreFailure,
    ErrorCode::kUnavailable,
};

// The code's stable name: what the API's error bodies carry ("bad_request",
// "note_required", ...). Never changes once published.
std::string_view name_of(ErrorCode code);
std::optional<ErrorCode> error_code_from_name(std::string_view name);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string field;    // the argument, option or key concerned; empty if none
  std::string message;  // for a person: what is wrong and, if possible, what to do
};

// An error with no particular field.
Error make_error(ErrorCode code, std::string message);
// An error about `field`.
Error field_error(ErrorCode code, std::string field, std::string message);

template <class T>
using Expected = std::expected<T, Error>;
using Unexpected = std::unexpected<Error>;

}  // namespace sightline
