#include <filesystem>

#include "cli/arguments.h"
#include "cli/command.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline::cli {
namespace {

constexpr std::string_view kHelp =
    R"(Usage: sightline migrate --db PATH

Brings the schema of the Sightline database at PATH to the newest version
this Sightline knows, applying each numbered migration the store lacks in
its own transaction, and says what it did:

  PATH: schema version 1, up to date
  PATH: migrated from schema version 1 to 3: applied 2, 3

Every command that opens a store does the same first; this one does only
that, so that an upgrade can be applied, and checked, before the service
starts. A store newer than this Sightline is refused and left unchanged.
Stop 'sightline serve' and back the store up first (docs/operations.md).

Options:
  --db PATH   the database file (SQLite); it must exist
  --help      this text

Exit codes: 0 success, 1 newer store, failed migration or no database,
2 bad usage.
)";

std::string joined_versions(const std::vector<AppliedMigration>& applied) {
  std::string out;
  for (const AppliedMigration& m : applied) {
    out += (out.empty() ? "" : ", ") + std::to_string(m.version);
  }
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

Expected<int> run_migrate(CommandContext& ctx) {
  const Expected<Arguments> parsed = Arguments::parse(ctx.args, ArgumentSpec{{"--db"}, {}, 0, 0});
  if (!parsed) return Unexpected(parsed.error());
  const Arguments& args = *parsed;
  const Expected<std::string> db_path_arg = args.required("--db");
  if (!db_path_arg) return Unexpected(db_path_arg.error());
  const std::string db_path = *db_path_arg;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path, ec)) {
    ctx.err << "sightline migrate: no database at " << db_path << "\n";
    return kExitFailure;
  }
  const MigrationReport report = migrate_sqlite_store(db_path);
  if (!report.changed()) {
    ctx.out << db_path << ": schema version " << report.to_version << ", up to date\n";
    return kExitOk;
  }
  if (!report.completed.empty()) {
    ctx.out << db_path << ": schema version " << report.from_version << " completed: added "
            << joined(report.completed) << "\n";
  }
  if (!report.applied.empty()) {
    ctx.out << db_path << ": migrated from schema version " << report.from_version << " to "
            << report.to_version << ": applied " << joined_versions(report.applied) << "\n";
    for (const AppliedMigration& m : report.applied) {
      ctx.out << "  " << m.version << "  " << m.summary << "\n";
    }
  }
  if (report.projections_rebuilt) {
    ctx.out << db_path << ": projections rebuilt from the events\n";
  }
  return kExitOk;
}

}  // namespace

Command migrate_command() {
  return {"migrate", "bring a database's schema up to date, saying what changed", kHelp,
          run_migrate};
}

}  // namespace sightline::cli
