#include "web/api_error.h"

#include <nlohmann/json.hpp>

namespace sightline::web {

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return 400;
    case ErrorCode::kBadJson:
      return 400;
    case ErrorCode::kReasonRequired:
      return 400;
    case ErrorCode::kNoteRequired:
      return 400;
    case ErrorCode::kUsage:
      return 400;
    case ErrorCode::kInvalidInput:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kLoginFailed:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNoRelationship:
      return 403;
    case ErrorCode::kCsrf:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kAlreadyResolved:
      return 409;
    case ErrorCode::kTooManyEvents:
      return 413;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kIdempotencyKeyReused:
      return 422;
    case ErrorCode::kInvalidEvents:
      return 422;
    case ErrorCode::kTooManyAttempts:
      return 429;
    case ErrorCode::kHeaderTooLarge:
      return 431;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kInvalidConfig:
      return 500;
    case ErrorCode::kStoreFailure:
      return 500;
    case ErrorCode::kUnavailable:
      return 503;
  }
  return 500;
}

Response error_response(ErrorCode code, std::string_view message) {
  const nlohmann::json body = {{"error", {{"code", name_of(code)}, {"message", message}}}};
  return json_response(http_status(code), body.dump());
}

Response error_response(const Error& error) { return error_response(error.code, error.message); }

}  // namespace sightline::web
