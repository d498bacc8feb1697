#include <iostream>
#include <mutex>

#include "cli/arguments.h"
#include "cli/command.h"
#include "core/clock.h"
#include "store/sqlite/sqlite_store.h"
#include "web/access.h"
#include "web/accounts.h"
#include "web/audit_log.h"
#include "web/events_api.h"
#include "web/http_server.h"
#include "web/service.h"

namespace sightline::cli {
namespace {

constexpr std::string_view kHelp =
    R"(Usage: sightline serve --db PATH [--port N] [--address ADDR] [--threads N]
                       [--audit-key FILE] [--trusted-proxy ADDR]

Runs the Sightline service: the JSON API under /api/v1 and a health check at
/health, over plain HTTP on ADDR:N. In production it listens on the loopback
address behind nginx, which terminates TLS (see docs/operations.md).

When N is 0 the system chooses a free port. Once it is listening it prints
"Listening on http://ADDR:PORT" on standard output; each request answered is
logged as one JSON line on standard error. SIGTERM or SIGINT stops it
gracefully: it stops accepting, answers the requests already under way, and
exits with 0.

Options:
  --db PATH        the database file (created when it does not exist)
  --port N         the TCP port (default 8080)
  --address ADDR   the address to listen on (default 127.0.0.1)
  --threads N      the number of worker threads (default 2)
  --audit-key FILE the audit log's signing key (default PATH.audit-key;
                   created, readable only by its owner, on first use)
  --trusted-proxy ADDR  the address of the reverse proxy (nginx) whose
                   X-Real-IP header names the client (e.g. 127.0.0.1)
  --help           this text

Exit codes: 0 stopped by a signal, 1 failed, 2 bad usage.
)";

int parse_number(const Arguments& args, std::string_view name, int fallback, int low, int high) {
  const auto text = args.option(name);
  if (!text) return fallback;
  int value = 0;
  try {
    std::size_t used = 0;
    value = std::stoi(*text, &used);
    if (used != text->size()) throw std::invalid_argument("trailing");
  } catch (const std::exception&) {
    throw UsageError(std::string(name) + ": expected a number, got \"" + *text + "\"");
  }
  if (value < low || value > high) {
    throw UsageError(std::string(name) + ": expected " + std::to_string(low) + " to " +
                     std::to_string(high) + ", got " + *text);
  }
  return value;
}

int run_serve(CommandContext& ctx) {
  Arguments args(ctx.args, ArgumentSpec{{"--db", "--port", "--address", "--threads", "--audit-key",
                                         "--trusted-proxy"},
                                        {},
                                        0,
                                        0});
  const std::string db_path = args.required("--db");
  web::ServerOptions options;
  options.port = static_cast<unsigned short>(parse_number(args, "--port", 8080, 0, 65535));
  options.threads = parse_number(args, "--threads", 2, 1, 64);
  options.address = args.option("--address").value_or("127.0.0.1");
  options.trusted_proxy = args.option("--trusted-proxy").value_or("");

  // Creates the database, or refuses one that is not Sightline's.
  web::SharedStore store(open_sqlite_store(db_path));
  const SystemClock clock;
  web::AuditLog audit(db_path,
                      args.option("--audit-key").value_or(web::AuditLog::default_key_path(db_path)),
                      clock);
  web::Accounts accounts(db_path, clock, audit);
  web::Access access(db_path, store, audit, clock);
  web::EventsApi events(db_path, store, audit, clock);
  web::Service service({accounts, audit, access, events, store, clock});
  std::mutex log_mutex;
  web::HttpServer server(
      options, [&](const web::Request& r) { return service.handle(r); },
      [&](const std::string& line) {
        std::lock_guard lock(log_mutex);
        ctx.err << line << "\n" << std::flush;
      });
  server.stop_on_signals();
  const unsigned short port = server.start();
  ctx.out << "Listening on http://" << options.address << ":" << port << std::endl;
  server.wait();
  std::lock_guard lock(log_mutex);
  ctx.err << "sightline serve: stopped\n";
  return kExitOk;
}

}  // namespace

Command serve_command() { return {"serve", "run the HTTP service (JSON API)", kHelp, run_serve}; }

}  // namespace sightline::cli
