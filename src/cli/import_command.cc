#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "cli/arguments.h"
#include "cli/command.h"
#include "core/clock.h"
#include "service/store_safeguards.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline::cli {
namespace {

constexpr std::string_view kHelp =
    R"(Usage: sightline import FILE --db PATH [--config FILE] [--no-safeguards]

Reads FILE, a feed of events in the events-v1 format (one JSON object per
line; FILE may be - for standard input), checks every line, and stores it in
the Sightline database at PATH (created when it does not exist).

The feed is applied whole or not at all. When any line is at fault, every
fault is reported on standard error as "FILE: line N: FIELD: what was
expected", and nothing of the feed is stored. Lines that an earlier import
already stored, byte for byte, are skipped: importing a feed twice changes
nothing.

On success it prints how many events of each type it stored, then runs the
safeguards over the stored chronology on today's clock and saves their
alerts (once per occurrence, however often the same feed is imported): see
them with 'sightline alerts'. When standard error is a terminal it shows
progress while it works.

Options:
  --db PATH       the database file (SQLite)
  --config FILE   area configuration of the safeguards (docs/safeguards-config.md)
  --no-safeguards store only; the alerts are brought up to date by the next
                  'sightline alerts' (for bulk loads)
  --help          this text

Exit codes: 0 stored, 1 refused (faults) or failed, 2 bad usage.
)";

class TerminalProgress {
 public:
  TerminalProgress(std::ostream& err, std::string name) : err_(err), name_(std::move(name)) {}
  void update(const ImportProgress& p) {
    err_ << "\rimporting " << name_ << ": " << p.lines << " lines";
    if (p.bytes_total > 0) {
      err_ << " (" << (100 * p.bytes_read / p.bytes_total) << "%)";
    }
    err_ << std::flush;
    shown_ = true;
  }
  void finish() {
    if (shown_) err_ << "\r\033[K" << std::flush;
  }

 private:
  std::ostream& err_;
  std::string name_;
  bool shown_ = false;
};

Expected<int> run_import(CommandContext& ctx) {
  const Expected<Arguments> parsed =
      Arguments::parse(ctx.args, ArgumentSpec{{"--db", "--config"}, {"--no-safeguards"}, 1, 1});
  if (!parsed) return Unexpected(parsed.error());
  const Arguments& args = *parsed;
  const std::string file = args.positionals()[0];
  const Expected<std::string> db_path_arg = args.required("--db");
  if (!db_path_arg) return Unexpected(db_path_arg.error());
  const std::string db_path = *db_path_arg;
  // Read before anything is stored, so bad configuration stores nothing.
  const Expected<safeguards::SafeguardsConfig> config =
      args.option("--config") ? safeguards::SafeguardsConfig::from_file(*args.option("--config"))
                              : safeguards::SafeguardsConfig();
  if (!config) return Unexpected(config.error());

  std::ifstream file_stream;
  std::uint64_t total = 0;
  if (file != "-") {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      ctx.err << "sightline import: cannot read " << file << ": no such file\n";
      return kExitFailure;
    }
    total = std::filesystem::file_size(file, ec);
    file_stream.open(file, std::ios::binary);
    if (!file_stream) {
      ctx.err << "sightline import: cannot open " << file << "\n";
      return kExitFailure;
    }
  }
  std::istream& in = file == "-" ? std::cin : file_stream;

  auto store = open_sqlite_store(db_path);
  TerminalProgress progress(ctx.err, file);
  ImportCallbacks callbacks;
  callbacks.on_fault = [&](const Fault& f) {
    progress.finish();
    ctx.err << file << ": " << f.to_string() << "\n";
  };
  if (ctx.err_is_terminal) {
    callbacks.on_progress = [&](const ImportProgress& p) { progress.update(p); };
  }
  const ImportResult result = import_feed(*store, in, file, callbacks, total);
  progress.finish();

  if (!result.committed) {
    ctx.err << "sightline import: refused " << file << ": " << result.faults << " fault"
            << (result.faults == 1 ? "" : "s") << " on " << result.faulty_lines << " line"
            << (result.faulty_lines == 1 ? "" : "s") << "; nothing was stored.\n";
    return kExitFailure;
  }
  ctx.out << "Imported " << file << " into " << db_path << ": " << result.stored << " event"
          << (result.stored == 1 ? "" : "s") << " stored";
  if (result.already_stored > 0) ctx.out << ", " << result.already_stored << " already stored";
  ctx.out << ".\n";
  for (const auto& [type, n] : result.stored_by_type) {
    ctx.out << "  " << std::left << std::setw(22) << to_string(type) << std::right << std::setw(10)
            << n << "\n";
  }
  if (args.flag("--no-safeguards")) return kExitOk;
  const Timestamp now = SystemClock().now();
  const auto alerts = service::refresh_alerts(*store, *config, now);
  const auto open = std::count_if(alerts.begin(), alerts.end(),
                                  [](const safeguards::Alert& a) { return a.open(); });
  ctx.out << "Safeguards as of " << now.date.to_string() << ": " << alerts.size() << " alert"
          << (alerts.size() == 1 ? "" : "s") << ", " << open << " open. See them with 'sightline "
          << "alerts --db " << db_path << "'.\n";
  return kExitOk;
}

}  // namespace

Command import_command() {
  return {"import", "check a feed of events and store it, all or nothing", kHelp, run_import};
}

}  // namespace sightline::cli
