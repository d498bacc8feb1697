// Every error code has a stable name, an HTTP status and an exit code, and the
// API's error body carries the name and message.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli/exit_code.h"
#include "core/error.h"
#include "web/api_error.h"

namespace sightline {
namespace {

TEST(ErrorMapping, EveryCodeHasAUniqueNameThatRoundTrips) {
  std::set<std::string_view> names;
  for (ErrorCode code : kAllErrorCodes) {
    const std::string_view name = name_of(code);
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
    EXPECT_EQ(error_code_from_name(name), code) << name;
  }
  EXPECT_EQ(error_code_from_name("no_such_code"), std::nullopt);
}

struct Row {
  ErrorCode code;
  std::string_view name;
  int status;
  int exit;
};

// The API's statuses and codes as today's tests and clients rely on them.
constexpr Row kTable[] = {
    {ErrorCode::kBadRequest, "bad_request", 400, 1},
    {ErrorCode::kForbidden, "forbidden", 403, 1},
    {ErrorCode::kNotFound, "not_found", 404, 1},
    {ErrorCode::kUnsupportedMediaType, "unsupported_media_type", 415, 1},
    {ErrorCode::kBadJson, "bad_json", 400, 1},
    {ErrorCode::kInternal, "internal", 500, 1},
    {ErrorCode::kTooManyAttempts, "too_many_attempts", 429, 1},
    {ErrorCode::kIdempotencyKeyReused, "idempotency_key_reused", 422, 1},
    {ErrorCode::kTooManyEvents, "too_many_events", 413, 1},
    {ErrorCode::kMethodNotAllowed, "method_not_allowed", 405, 1},
    {ErrorCode::kNoRelationship, "no_relationship", 403, 1},
    {ErrorCode::kCsrf, "csrf", 403, 1},
    {ErrorCode::kUnauthenticated, "unauthenticated", 401, 1},
    {ErrorCode::kLoginFailed, "login_failed", 401, 1},
    {ErrorCode::kReasonRequired, "reason_required", 400, 1},
    {ErrorCode::kNoteRequired, "note_required", 400, 1},
    {ErrorCode::kAlreadyResolved, "already_resolved", 409, 1},
    {ErrorCode::kInvalidEvents, "invalid_events", 422, 1},
    {ErrorCode::kTooLarge, "too_large", 413, 1},
    {ErrorCode::kHeaderTooLarge, "header_too_large", 431, 1},
    {ErrorCode::kUsage, "usage", 400, 2},
    {ErrorCode::kInvalidInput, "invalid_input", 400, 1},
    {ErrorCode::kInvalidConfig, "invalid_config", 500, 1},
    {ErrorCode::kStoreFailure, "store_failure", 500, 1},
    {ErrorCode::kUnavailable, "unavailable", 503, 1},
};

TEST(ErrorMapping, EveryCodeHasItsStatusAndExitCode) {
  ASSERT_EQ(std::size(kTable), kAllErrorCodes.size()) << "a code is missing from this table";
  for (const Row& row : kTable) {
    EXPECT_EQ(name_of(row.code), row.name);
    EXPECT_EQ(web::http_status(row.code), row.status) << row.name;
    EXPECT_EQ(cli::exit_code(row.code), row.exit) << row.name;
  }
}

TEST(ErrorMapping, TheApiBodyCarriesTheNameAndMessage) {
  const web::Response r =
      web::error_response(field_error(ErrorCode::kNoteRequired, "note", "note: say what"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(r.body, R"({"error":{"code":"note_required","message":"note: say what"}})");
}

}  // namespace
}  // namespace sightline
