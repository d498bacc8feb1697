#include <filesystem>

#include "cli/arguments.h"
#include "cli/command.h"
#include "store/sqlite/sqlite_audit_store.h"
#include "web/audit_log.h"

namespace sightline::cli {
namespace {

constexpr std::string_view kHelp =
    R"(Usage: sightline audit verify --db PATH [--key FILE]

Checks the audit trail in the database at PATH: that every record is the one
that was written (none changed), that none was removed or inserted, and that
the last record is the one the signed head names. Each problem found is
printed on standard error.

Options:
  --db PATH    the database file
  --key FILE   the audit log's public key (default: PATH.audit-key.pub,
               written beside the secret key when the log was created)
  --help       this text

Exit codes: 0 intact, 1 damaged or unreadable, 2 bad usage.
)";

Expected<int> run_audit(CommandContext& ctx) {
  const Expected<Arguments> parsed =
      Arguments::parse(ctx.args, ArgumentSpec{{"--db", "--key"}, {}, 1, 1});
  if (!parsed) return Unexpected(parsed.error());
  const Arguments& args = *parsed;
  if (args.positionals()[0] != "verify") {
    return Unexpected(
        make_error(ErrorCode::kUsage, "unknown audit command \"" + args.positionals()[0] + "\""));
  }
  const Expected<std::string> db_path_arg = args.required("--db");
  if (!db_path_arg) return Unexpected(db_path_arg.error());
  const std::string db_path = *db_path_arg;
  const std::string key =
      args.option("--key").value_or(web::AuditLog::default_key_path(db_path) + ".pub");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path, ec)) {
    ctx.err << "sightline audit: no database at " << db_path << "\n";
    return kExitFailure;
  }
  // As it is: checking the trail must not change the file that holds it.
  const auto audit_store = sqlite::SqliteAuditStore::open_as_is(db_path);
  const web::AuditVerification v = web::AuditLog::verify(*audit_store, key);
  if (!v.ok()) {
    for (const std::string& p : v.problems) ctx.err << db_path << ": " << p << "\n";
    ctx.err << "sightline audit: the audit log of " << db_path << " is NOT intact ("
            << v.problems.size() << " problem" << (v.problems.size() == 1 ? "" : "s") << ").\n";
    return kExitFailure;
  }
  ctx.out << "The audit log of " << db_path << " is intact: " << v.records << " record"
          << (v.records == 1 ? "" : "s") << ", head signature valid.\n";
  return kExitOk;
}

}  // namespace

Command audit_command() {
  return {"audit", "verify the tamper-evident audit trail", kHelp, run_audit};
}

}  // namespace sightline::cli
