#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/arguments.h"
#include "cli/command.h"
#include "core/clock.h"
#include "safeguards/alert_json.h"
#include "service/store_safeguards.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline::cli {
namespace {

constexpr std::string_view kHelp =
    R"(Usage: sightline alerts --db PATH [--as-of DATE] [--json] [--config FILE]

Shows the safeguard alerts of a stored chronology: every duty not done in
time and every fault detected, open alerts first (oldest first), then the
resolved ones. The safeguards run over every stored event, on the clock of
the day asked for.

Options:
  --db PATH       the database file written by 'sightline import'
  --as-of DATE    the alerts as they stood at the end of DATE (YYYY-MM-DD),
                  from what had been recorded by then; default: now. Only
                  the alerts as of now are saved in the store.
  --json          one JSON object per alert and line (the fields of the
                  safeguards catalogue), in the same order
  --config FILE   area configuration of the safeguards (docs/safeguards-config.md)
  --help          this text

Exit codes: 0 success, 1 failure, 2 bad usage.
)";

Expected<int> run_alerts(CommandContext& ctx) {
  const Expected<Arguments> parsed =
      Arguments::parse(ctx.args, ArgumentSpec{{"--db", "--as-of", "--config"}, {"--json"}, 0, 0});
  if (!parsed) return Unexpected(parsed.error());
  const Arguments& args = *parsed;
  const Expected<std::string> db_path_arg = args.required("--db");
  if (!db_path_arg) return Unexpected(db_path_arg.error());
  const std::string db_path = *db_path_arg;
  std::optional<Timestamp> as_of;
  if (auto text = args.option("--as-of")) {
    auto date = Date::parse(*text);
    if (!date)
      return Unexpected(make_error(ErrorCode::kUsage,
                                   "--as-of: expected a date YYYY-MM-DD, got \"" + *text + "\""));
    as_of = Timestamp::end_of(*date);
  }
  const Expected<safeguards::SafeguardsConfig> config =
      args.option("--config") ? safeguards::SafeguardsConfig::from_file(*args.option("--config"))
                              : safeguards::SafeguardsConfig();
  if (!config) return Unexpected(config.error());
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path, ec)) {
    ctx.err << "sightline alerts: no database at " << db_path << "\n";
    return kExitFailure;
  }
  auto store = open_sqlite_store(db_path);
  std::vector<safeguards::Alert> alerts;
  if (as_of) {
    alerts = service::replay_store(*store, *config, *as_of).engine->alerts();
  } else {
    alerts = service::refresh_alerts(*store, *config, SystemClock().now());
  }
  std::stable_partition(alerts.begin(), alerts.end(),
                        [](const safeguards::Alert& a) { return a.open(); });
  if (args.flag("--json")) {
    for (const auto& a : alerts) ctx.out << safeguards::alert_json(a) << "\n";
  } else {
    safeguards::print_alert_table(ctx.out, alerts);
  }
  return kExitOk;
}

}  // namespace

Command alerts_command() {
  return {"alerts", "show the safeguard alerts of a stored chronology, open first", kHelp,
          run_alerts};
}

}  // namespace sightline::cli
