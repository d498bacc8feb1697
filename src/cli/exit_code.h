// The one place where an error code becomes the exit code of `sightline`:
// 0 success, 1 refused input or other failure, 2 bad usage. The table is in
// docs/errors.md.
#pragma once

#include "core/error.h"

namespace sightline::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// The exit code a command that failed with this code ends with.
int exit_code(ErrorCode code);

}  // namespace sightline::cli
