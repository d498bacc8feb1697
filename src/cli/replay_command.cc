#include <iostream>
#include <memory>
#include <string>

#include "cli/arguments.h"
#include "cli/command.h"
#include "cli/finding_report.h"
#include "safeguards/alert_json.h"
#include "safeguards/config.h"
#include "safeguards/replay.h"

namespace sightline::cli {
namespace {

constexpr std::string_view kHelp =
    R"(Usage: sightline replay FILE [--until DATE] [--json | --by-finding] [--config FILE]

Replays FILE, a feed of events in the events-v1 format, through the
safeguards of the catalogue (docs/safeguards-v1.md) on simulated time, and
prints every alert: a duty not done by the end of its due date, or a fault
detected at once, with its owner, escalation and resolution.

Events are applied in order of `recorded` (ties in file order). The feed is
checked whole first: when any line is at fault, every fault is reported on
standard error as "FILE: line N: FIELD: what was expected" and no alert is
printed.

Options:
  --until DATE    stop at the end of DATE (YYYY-MM-DD): later events are not
                  applied, what fell due by then is raised, and only alerts
                  raised on or before DATE are printed
  --json          one JSON object per alert and line (rule, child, owner,
                  raised, due, level, escalations, resolved, resolved_by,
                  finding, source, and optional fields)
  --by-finding    group the alerts by the finding of the serious case review
                  they guard against (F1-F8), with each alert's escalation path
  --config FILE   per-area configuration of the safeguards' numbers
                  (docs/safeguards-config.md); bad configuration is refused
  --help          this text

Alerts are ordered by the date raised, then rule, child and owner.

Exit codes: 0 replayed, 1 refused (faults, bad configuration) or failed,
2 bad usage.
)";

Expected<int> run_replay(CommandContext& ctx) {
  const Expected<Arguments> parsed = Arguments::parse(
      ctx.args, ArgumentSpec{{"--until", "--config"}, {"--json", "--by-finding"}, 1, 1});
  if (!parsed) return Unexpected(parsed.error());
  const Arguments& args = *parsed;
  const std::string file = args.positionals()[0];
  safeguards::ReplayOptions options;
  if (const auto until = args.option("--until")) {
    options.until = Date::parse(*until);
    if (!options.until)
      return Unexpected(make_error(ErrorCode::kUsage,
                                   "--until: expected a date YYYY-MM-DD; got \"" + *until + "\""));
  }
  safeguards::SafeguardsConfig config;
  if (const auto path = args.option("--config")) {
    auto read = safeguards::SafeguardsConfig::from_file(*path);
    if (!read) {
      ctx.err << "sightline replay: configuration refused: " << read.error().message << "\n";
      return kExitFailure;
    }
    config = std::move(*read);
  }
  safeguards::ReplayResult result = safeguards::replay_file(
      file, config, options,
      [&](const Fault& f) { ctx.err << file << ": " << f.to_string() << "\n"; });
  if (!result.ok()) {
    ctx.err << "sightline replay: refused " << file << ": " << result.faults << " fault"
            << (result.faults == 1 ? "" : "s") << " on " << result.faulty_lines << " line"
            << (result.faulty_lines == 1 ? "" : "s") << "; nothing was replayed.\n";
    return kExitFailure;
  }
  if (args.flag("--by-finding")) {
    print_finding_report(ctx.out, result.engine->alerts());
  } else if (args.flag("--json")) {
    // Streamed: a large replay's alerts are never all held as text at once,
    // but written in blocks of about a megabyte.
    constexpr std::size_t kBlock = std::size_t{1} << 20;
    std::string block;
    block.reserve(kBlock + 4096);
    result.engine->for_each_alert([&](const safeguards::Alert& a) {
      safeguards::append_alert_json(block, a);
      block += '\n';
      if (block.size() >= kBlock) {
        ctx.out.write(block.data(), static_cast<std::streamsize>(block.size()));
        block.clear();
      }
    });
    ctx.out.write(block.data(), static_cast<std::streamsize>(block.size()));
  } else {
    safeguards::print_alert_table(ctx.out, result.engine->alerts());
    const std::vector<safeguards::Notice> notices = result.engine->notices();
    if (!notices.empty()) {
      ctx.out << "\nNotices sent by Sightline:\n";
      safeguards::print_notice_table(ctx.out, notices);
    }
  }
  // The process ends after the command. A large replay's engine is millions of
  // small allocations, and freeing them one by one only delays that end, so
  // the engine is left to it (still reachable, so not a leak).
  static auto* const kept = new std::unique_ptr<safeguards::SafeguardsEngine>();
  *kept = std::move(result.engine);
  return kExitOk;
}

}  // namespace

Command replay_command() {
  return {"replay", "replay a feed through the safeguards and print every alert", kHelp,
          run_replay};
}

}  // namespace sightline::cli
