#include "core/error.h"

#include <utility>

namespace sightline {

std::string_view name_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return "bad_request";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kUnsupportedMediaType:
      return "unsupported_media_type";
    case ErrorCode::kBadJson:
      return "bad_json";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kTooManyAttempts:
      return "too_many_attempts";
    case ErrorCode::kIdempotencyKeyReused:
      return "idempotency_key_reused";
    case ErrorCode::kTooManyEvents:
      return "too_many_events";
    case ErrorCode::kMethodNotAllowed:
      return "method_not_allowed";
    case ErrorCode::kNoRelationship:
      return "no_relationship";
    case ErrorCode::kCsrf:
      return "csrf";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kLoginFailed:
      return "login_failed";
    case ErrorCode::kReasonRequired:
      return "reason_required";
    case ErrorCode::kNoteRequired:
      return "note_required";
    case ErrorCode::kAlreadyResolved:
      return "already_resolved";
    case ErrorCode::kInvalidEvents:
      return "invalid_events";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kHeaderTooLarge:
      return "header_too_large";
    case ErrorCode::kUsage:
      return "usage";
    case ErrorCode::kInvalidInput:
      return "invalid_input";
    case ErrorCode::kInvalidConfig:
      return "invalid_config";
    case ErrorCode::kStoreFailure:
      return "store_failure";
    case ErrorCode::kUnavailable:
      return "unavailable";
  }
  return "internal";
}

std::optional<ErrorCode> error_code_from_name(std::string_view name) {
  for (ErrorCode code : kAllErrorCodes) {
    if (name_of(code) == name) return code;
  }
  return std::nullopt;
}

Error make_error(ErrorCode code, std::string message) { return {code, {}, std::move(message)}; }

Error field_error(ErrorCode code, std::string field, std::string message) {
  return {code, std::move(field), std::move(message)};
}

}  // namespace sightline
