// The one place where an error code becomes an HTTP status and the API's
// JSON error body: {"error":{"code":NAME,"message":MESSAGE}}. Handlers return
// error_response(code, message) or error_response(error); none writes a status
// or a code's name of its own. The table is in docs/errors.md.
#pragma once

#include <string_view>

#include "core/error.h"
#include "web/http.h"

namespace sightline::web {

// The HTTP status an error with this code answers with.
int http_status(ErrorCode code);

// The API's error response for `code`: its status, its name and `message`.
Response error_response(ErrorCode code, std::string_view message);
// The same for a returned Error (its field is not part of the body: the
// message names it).
Response error_response(const Error& error);

}  // namespace sightline::web
