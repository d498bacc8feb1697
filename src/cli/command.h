// The `sightline` commands and how to run one.
#pragma once

#include <functional>
#include <ostream>
#include <span>
#include <string_view>
#include <vector>

#include "cli/exit_code.h"
#include "core/error.h"

namespace sightline::cli {

struct CommandContext {
  std::vector<std::string_view> args;  // after the command name
  std::ostream& out;
  std::ostream& err;
  bool err_is_terminal = false;  // show progress on long work
};

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `sightline --help`
  std::string_view help;     // the whole text for `sightline NAME --help`
  // The exit code, or the error that ended the command: run_cli prints its
  // message and exits with exit_code(error.code).
  std::function<Expected<int>(CommandContext&)> run;
};

Command import_command();
Command chronology_command();
Command synth_command();
Command replay_command();
Command alerts_command();
Command serve_command();
Command audit_command();
Command user_command();
Command migrate_command();

// Runs `sightline ARGS...`; never throws.
int run_cli(std::span<const std::string_view> args, std::ostream& out, std::ostream& err,
            bool err_is_terminal);

}  // namespace sightline::cli
