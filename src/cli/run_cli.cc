#include <exception>
#include <string>

#include "cli/arguments.h"
#include "cli/command.h"
#include "store/store.h"

namespace sightline::cli {
namespace {

std::vector<Command> all_commands() {
  return {import_command(), chronology_command(), replay_command(),
          alerts_command(), synth_command(),      serve_command(),
          user_command(),   audit_command(),      migrate_command()};
}

void print_overview(std::ostream& out) {
  out << "Sightline keeps every vulnerable child in sight across agencies and areas.\n\n"
         "Usage: sightline COMMAND [ARGS...]\n\nCommands:\n";
  for (const Command& c : all_commands()) {
    out << "  " << c.name << std::string(14 - std::min<std::size_t>(13, c.name.size()), ' ')
        << c.summary << "\n";
  }
  out << "\nRun 'sightline COMMAND --help' for a command's options.\n"
         "Exit codes: 0 success, 1 refused input or other failure, 2 bad usage.\n";
}

bool wants_help(std::string_view arg) { return arg == "--help" || arg == "-h" || arg == "help"; }

}  // namespace

int run_cli(std::span<const std::string_view> args, std::ostream& out, std::ostream& err,
            bool err_is_terminal) {
  if (args.empty()) {
    print_overview(err);
    return kExitUsage;
  }
  if (wants_help(args[0])) {
    if (args.size() > 1) {
      for (const Command& c : all_commands()) {
        if (c.name == args[1]) {
          out << c.help;
          return kExitOk;
        }
      }
    }
    print_overview(out);
    return kExitOk;
  }
  for (const Command& command : all_commands()) {
    if (command.name != args[0]) continue;
    CommandContext ctx{{args.begin() + 1, args.end()}, out, err, err_is_terminal};
    for (std::string_view a : ctx.args) {
      if (a == "--help" || a == "-h") {
        out << command.help;
        return kExitOk;
      }
    }
    try {
      const Expected<int> ran = command.run(ctx);
      if (ran) return *ran;
      err << "sightline " << command.name << ": " << ran.error().message << "\n";
      if (ran.error().code == ErrorCode::kUsage) {
        err << "Run 'sightline " << command.name << " --help' for usage.\n";
      }
      return exit_code(ran.error().code);
    } catch (const StoreError& e) {
      // The store's failure aborts the command: it is thrown, not returned.
      err << "sightline " << command.name << ": " << e.what() << "\n";
      return kExitFailure;
    } catch (const std::exception& e) {
      err << "sightline " << command.name << ": " << e.what() << "\n";
      return kExitFailure;
    }
  }
  err << "sightline: unknown command \"" << args[0] << "\"\n"
      << "Run 'sightline --help' for the list of commands.\n";
  return kExitUsage;
}

}  // namespace sightline::cli
