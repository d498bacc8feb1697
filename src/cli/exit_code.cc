#include "cli/exit_code.h"

namespace sightline::cli {

int exit_code(ErrorCode code) {
  // Usage is the caller's mistake in how the command was written; everything
  // else (input refused, a store that fails, ...) is a failure of the run.
  return code == ErrorCode::kUsage ? kExitUsage : kExitFailure;
}

}  // namespace sightline::cli
