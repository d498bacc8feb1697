#include <pwd.h>
#include <unistd.h>

#include <filesystem>
#include <iomanip>
#include <iostream>

#include "cli/arguments.h"
#include "cli/command.h"
#include "core/clock.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_audit_store.h"
#include "store/sqlite/sqlite_store.h"
#include "web/accounts.h"
#include "web/audit_log.h"
#include "web/secrets.h"

namespace sightline::cli {
namespace {

constexpr std::string_view kHelp =
    R"(Usage: sightline user add NAME --db PATH --role ROLE --agency AGENCY [--password-stdin]
       sightline user disable NAME --db PATH
       sightline user reset NAME --db PATH [--password-stdin]
       sightline user list --db PATH

Administers the accounts that may sign in to 'sightline serve'.

  add      creates an account for NAME (lower-case letters, digits, '.', '_',
           '-') who works for AGENCY (an agency id from the feeds) in ROLE:
           practitioner, manager, safeguarding_lead, partnership_analyst or
           administrator
  disable  stops NAME from signing in and ends every session they hold
  reset    gives NAME a new password, lifts a lockout or disablement and ends
           their sessions
  list     shows every account, its role, agency and state

With --password-stdin the password is the first line of standard input (12
to 256 characters); otherwise a random one is generated and printed once:
hand it over privately, as only its hash is kept. Every change is written to
the audit log, as made from the command line by the operating-system user.

Options:
  --db PATH           the database file
  --role ROLE         for add
  --agency AGENCY     for add
  --password-stdin    read the password instead of generating one
  --audit-key FILE    the audit log's signing key (default PATH.audit-key)
  --help              this text

Exit codes: 0 done, 1 refused or failed, 2 bad usage.
)";

web::Actor command_line_actor() {
  std::string name = "unknown";
  if (const passwd* pw = getpwuid(geteuid())) name = pw->pw_name;
  return {"cli:" + name, "administrator", "", "command line"};
}

std::string password_from(const Arguments& args, CommandContext& ctx, bool& generated) {
  generated = !args.flag("--password-stdin");
  if (generated) return web::Accounts::generate_password();
  std::string line;
  std::getline(std::cin, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  (void)ctx;
  return line;
}

std::string state_of(const web::Account& a, std::int64_t now) {
  if (a.disabled) return "disabled";
  if (a.locked_until > now) return "locked until " + web::utc_text(a.locked_until);
  return "active";
}

Expected<int> run_user(CommandContext& ctx) {
  const Expected<Arguments> parsed = Arguments::parse(
      ctx.args,
      ArgumentSpec{{"--db", "--role", "--agency", "--audit-key"}, {"--password-stdin"}, 1, 2});
  if (!parsed) return Unexpected(parsed.error());
  const Arguments& args = *parsed;
  const std::string& what = args.positionals()[0];
  const Expected<std::string> db_path_arg = args.required("--db");
  if (!db_path_arg) return Unexpected(db_path_arg.error());
  const std::string db_path = *db_path_arg;
  const bool needs_name = what == "add" || what == "disable" || what == "reset";
  if (!needs_name && what != "list")
    return Unexpected(make_error(ErrorCode::kUsage, "unknown user command \"" + what + "\""));
  if (needs_name && args.positionals().size() != 2)
    return Unexpected(make_error(ErrorCode::kUsage, "missing user name"));
  if (!needs_name && args.positionals().size() != 1) {
    return Unexpected(
        make_error(ErrorCode::kUsage, "unexpected argument \"" + args.positionals()[1] + "\""));
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path, ec)) {
    ctx.err << "sightline user: no database at " << db_path << "\n";
    return kExitFailure;
  }
  auto store = open_sqlite_store(db_path);
  const SystemClock clock;
  sqlite::SqliteAuditStore audit_store(db_path);
  web::AuditLog audit(audit_store,
                      args.option("--audit-key").value_or(web::AuditLog::default_key_path(db_path)),
                      clock);
  sqlite::SqliteAccountStore account_store(db_path);
  web::Accounts accounts(account_store, clock, audit);
  const web::Actor actor = command_line_actor();

  if (what == "list") {
    const std::int64_t now = clock.utc_seconds();
    ctx.out << std::left << std::setw(24) << "USER" << std::setw(22) << "ROLE" << std::setw(20)
            << "AGENCY"
            << "STATE\n";
    for (const web::Account& a : accounts.list()) {
      ctx.out << std::setw(24) << a.username << std::setw(22) << web::to_string(a.role)
              << std::setw(20) << a.agency << state_of(a, now) << "\n";
    }
    return kExitOk;
  }
  const std::string& name = args.positionals()[1];
  if (what == "disable") {
    if (auto done = accounts.disable(name, actor); !done) return Unexpected(done.error());
    ctx.out << "Disabled " << name << "; their sessions have ended.\n";
    return kExitOk;
  }
  bool generated = false;
  if (what == "add") {
    const Expected<std::string> role_text_arg = args.required("--role");
    if (!role_text_arg) return Unexpected(role_text_arg.error());
    const std::string role_text = *role_text_arg;
    const auto role = web::role_from_string(role_text);
    if (!role) {
      return Unexpected(make_error(ErrorCode::kUsage,
                                   "--role: expected practitioner, manager, safeguarding_lead, "
                                   "partnership_analyst or administrator, got \"" +
                                       role_text + "\""));
    }
    const Expected<std::string> agency_arg = args.required("--agency");
    if (!agency_arg) return Unexpected(agency_arg.error());
    const std::string agency = *agency_arg;
    bool known = false;
    for (const AgencyView& a : store->agencies()) known = known || a.id == agency;
    if (!known) {
      ctx.err << "sightline user: no agency \"" << agency << "\" in " << db_path
              << " (import the feed that defines it first)\n";
      return kExitFailure;
    }
    const std::string password = password_from(args, ctx, generated);
    if (auto added = accounts.add(name, *role, agency, password, actor); !added) {
      return Unexpected(added.error());
    }
    ctx.out << "Added " << name << " (" << web::to_string(*role) << ", " << agency << ").\n";
    if (generated) ctx.out << "Password: " << password << "\n";
    return kExitOk;
  }
  const std::string password = password_from(args, ctx, generated);
  if (auto reset = accounts.reset_password(name, password, actor); !reset) {
    return Unexpected(reset.error());
  }
  ctx.out << "Reset the password of " << name << "; their sessions have ended.\n";
  if (generated) ctx.out << "Password: " << password << "\n";
  return kExitOk;
}

}  // namespace

Command user_command() {
  return {"user", "add, disable, reset and list accounts", kHelp, run_user};
}

}  // namespace sightline::cli
