#include <algorithm>
#include <charconv>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "cli/arguments.h"
#include "cli/command.h"
#include "cli/demo_agencies.h"
#include "cli/demo_feed.h"
#include "cli/indicator_windows.h"
#include "cli/registration_terms.h"
#include "cli/serve_pages.h"
#include "core/clock.h"
#include "safeguards/config.h"
#include "service/live_safeguards.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_access_store.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_alert_view_store.h"
#include "store/sqlite/sqlite_audit_store.h"
#include "store/sqlite/sqlite_figures_store.h"
#include "store/sqlite/sqlite_idempotency_store.h"
#include "store/sqlite/sqlite_maintenance_store.h"
#include "store/sqlite/sqlite_sighting_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_transfer_store.h"
#include "synth/synth.h"
#include "web/access.h"
#include "web/accounts.h"
#include "web/alerts_view.h"
#include "web/audit_log.h"
#include "web/events_api.h"
#include "web/http_server.h"
#include "web/service.h"
#include "web/transfers_view.h"
#include "web/wal_checkpointer.h"

namespace sightline::embedded {
extern const std::string_view sofia_scenario;
}

namespace sightline::cli {
namespace {

constexpr std::string_view kHelp =
    R"(Usage: sightline serve --db PATH [--port N] [--address ADDR] [--threads N]
                       [--audit-key FILE] [--trusted-proxy ADDR] [--assets DIR]
                       [--config FILE] [--demo]

Runs the Sightline service: the pages for browsers, the JSON API under /api/v1
and a health check at /health, over plain HTTP on ADDR:N. In production it listens on the loopback
address behind nginx, which terminates TLS (see docs/operations.md).

At start it replays the stored events through the safeguards and keeps the
engine running: events stored through the API (or by `sightline import`)
are applied as they arrive, and a timer on the clock raises duties whose day
has ended and takes escalation steps with no request needed; the alerts and
notices are saved to the database as they change.

When N is 0 the system chooses a free port. Once it is listening it prints
"Listening on http://ADDR:PORT" on standard output; each request answered is
logged as one JSON line on standard error. SIGTERM or SIGINT stops it
gracefully: it stops accepting, answers the requests already under way, and
exits with 0.

With --demo it first makes the database a demonstration: into an empty
database it imports the Sofia scenario (the serious case review Sightline was
built from) and a synthetic caseload of 3,000 children (seed 1, lives from
about a year ago to some months ahead, so that duties keep falling due) and
a few children written for the demonstration (one under an assessment whose
social worker has not seen her in time), and adds accounts for every role at several agencies, printing each name and its
generated password before the "Listening" line. It refuses a database that
holds other data.

Options:
  --db PATH        the database file (created when it does not exist)
  --port N         the TCP port (default 8080)
  --address ADDR   the address to listen on (default 127.0.0.1)
  --threads N      the number of worker threads (default 16: each request
                   waits for its audit record to reach the disk, and threads
                   waiting cost nothing; about 8 per core keeps cores busy)
  --audit-key FILE the audit log's signing key (default PATH.audit-key;
                   created, readable only by its owner, on first use)
  --trusted-proxy ADDR  the address of the reverse proxy (nginx) whose
                   X-Real-IP header names the client (e.g. 127.0.0.1)
  --assets DIR     the pages' stylesheet and scripts (default: an installed
                   PREFIX/share/sightline/assets, else the build tree's)
  --config FILE    area configuration of the safeguards
                   (docs/safeguards-config.md)
  --demo           load the demonstration data and accounts (see above)
  --help           this text

Exit codes: 0 stopped by a signal, 1 failed, 2 bad usage.
)";

Expected<int> parse_number(const Arguments& args, std::string_view name, int fallback, int low,
                           int high) {
  const auto text = args.option(name);
  if (!text) return fallback;
  int value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) {
    return Unexpected(make_error(ErrorCode::kUsage,
                                 std::string(name) + ": expected a number, got \"" + *text + "\""));
  }
  if (value < low || value > high) {
    return Unexpected(make_error(ErrorCode::kUsage, std::string(name) + ": expected " +
                                                        std::to_string(low) + " to " +
                                                        std::to_string(high) + ", got " + *text));
  }
  return value;
}

// The demonstration accounts: every role, at agencies of the Sofia scenario
// (health visiting, GP, children's social care, police, housing) and at two
// of the synthetic caseload's; demo.luton's agency was never involved with
// Sofia, to show the refusal and break-glass.
struct DemoAccount {
  const char* name;
  web::Role role;
  const char* agency;
};
constexpr DemoAccount kDemoAccounts[] = {
    {"demo.hv", web::Role::kPractitioner, "ealing-hv"},
    {"demo.gp", web::Role::kPractitioner, "ealing-gp"},
    {"demo.social-worker", web::Role::kPractitioner, "ealing-csc"},
    {"demo.manager", web::Role::kManager, "ealing-csc"},
    {"demo.lead", web::Role::kSafeguardingLead, "ealing-csc"},
    {"demo.police", web::Role::kPractitioner, "met-police"},
    {"demo.housing", web::Role::kPractitioner, "westminster-housing"},
    {"demo.luton", web::Role::kPractitioner, "luton-hv"},
    {"demo.luton-lead", web::Role::kSafeguardingLead, "luton-hv"},
    {"demo.birmingham-hv", web::Role::kPractitioner, "E08000025-hv"},
    {"demo.birmingham-csc", web::Role::kManager, "E08000025-csc"},
    {"demo.analyst", web::Role::kPartnershipAnalyst, "lscb-ealing"},
    {"demo.admin", web::Role::kAdministrator, "lscb-ealing"},
};
constexpr std::int64_t kDemoChildren = 3000;
// Every read is audited before it is answered, and an audit record is durable
// only after an fsync (a few milliseconds); while a thread waits for that it
// uses no CPU, so several threads per core are needed to keep the cores busy.
// The audit log commits the records of all waiting threads together.
constexpr int kDefaultThreads = 16;
constexpr std::uint64_t kDemoSeed = 1;

// Loads the demonstration into an empty database; false (with the reason on
// `err`) when the database holds anything else.
bool prepare_demo(web::SharedStore& store, web::Accounts& accounts, const Clock& clock,
                  CommandContext& ctx) {
  const std::int64_t events = store.with([](Store& s) { return s.counts().events; });
  if (events > 0 && !accounts.find("demo.admin")) {
    ctx.err << "sightline serve: --demo needs an empty database (or one --demo made)\n";
    return false;
  }
  if (events == 0) {
    std::istringstream feed{std::string(embedded::sofia_scenario)};
    const ImportResult r = store.with(
        [&](Store& s) { return import_feed(s, feed, "demo: Sofia scenario", ImportCallbacks{}); });
    if (!r.committed) {
      ctx.err << "sightline serve: the demonstration scenario did not import\n";
      return false;
    }
    ctx.out << "Demo: imported the Sofia scenario (" << r.stored << " events).\n";
    // Lives booked from about a year ago: some are still under way, so their
    // duties fall due while the demonstration runs.
    synth::Options options;
    options.children = kDemoChildren;
    options.seed = kDemoSeed;
    options.start = clock.now().date.plus_days(-400);
    std::string lines;
    synth::generate(options, [&](std::string_view chunk) { lines.append(chunk); });
    // One name per agency: the scenario's services stand for the synthetic
    // world's in the scenario's areas (demo_agencies.h).
    const std::vector<AgencyView> scenario_agencies =
        store.with([](Store& s) { return s.agencies(); });
    std::istringstream caseload(merge_duplicate_agencies(lines, scenario_agencies));
    const ImportResult c = store.with([&](Store& s) {
      return import_feed(s, caseload, "demo: synthetic caseload", ImportCallbacks{});
    });
    if (!c.committed) {
      ctx.err << "sightline serve: the synthetic caseload did not import\n";
      return false;
    }
    ctx.out << "Demo: imported a synthetic caseload of " << kDemoChildren << " children (seed "
            << kDemoSeed << ", " << c.stored << " events).\n";
    // Children written for the demonstration, e.g. one the social worker has
    // not seen for longer than her assessment allows (demo_feed.h).
    std::istringstream own(demo_feed(clock.now().date));
    const ImportResult d = store.with(
        [&](Store& s) { return import_feed(s, own, "demo: demonstration children", {}); });
    if (!d.committed) {
      ctx.err << "sightline serve: the demonstration children did not import\n";
      return false;
    }
    ctx.out << "Demo: imported the demonstration children (" << d.stored << " events).\n";
  }
  const web::Actor actor{"system:demo", "administrator", "", "serve --demo"};
  bool added = false;
  for (const DemoAccount& a : kDemoAccounts) {
    if (accounts.find(a.name)) continue;
    const std::string password = web::Accounts::generate_password();
    if (const auto account = accounts.add(a.name, a.role, a.agency, password, actor); !account) {
      ctx.err << "sightline serve: demo account " << a.name << ": " << account.error().message
              << "\n";
      return false;
    }
    ctx.out << "Demo account " << a.name << " (" << web::to_string(a.role) << ", " << a.agency
            << "): password " << password << "\n";
    added = true;
  }
  if (added) {
    ctx.out << "Sign in with POST /api/v1/session {\"username\": NAME, \"password\": "
               "PASSWORD}; the passwords are shown once.\n";
  }
  return true;
}

// Connections to the store: one per core's worth of work (a thread holds one
// only while it reads or writes the store, never while it waits for the
// audit log), and one for a writer.
std::vector<std::unique_ptr<Store>> open_store_pool(const std::string& db_path, int threads) {
  const int cores = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
  std::vector<std::unique_ptr<Store>> stores;
  for (int i = 0; i < std::min(threads, cores) + 1; ++i)
    stores.push_back(open_sqlite_store(db_path));
  return stores;
}

Expected<int> run_serve(CommandContext& ctx) {
  const Expected<Arguments> parsed = Arguments::parse(
      ctx.args, ArgumentSpec{{"--db", "--port", "--address", "--threads", "--audit-key",
                              "--trusted-proxy", "--assets", "--config"},
                             {"--demo"},
                             0,
                             0});
  if (!parsed) return Unexpected(parsed.error());
  const Arguments& args = *parsed;
  const Expected<std::string> db_path_arg = args.required("--db");
  if (!db_path_arg) return Unexpected(db_path_arg.error());
  const std::string db_path = *db_path_arg;
  web::ServerOptions options;
  const Expected<int> port_arg = parse_number(args, "--port", 8080, 0, 65535);
  if (!port_arg) return Unexpected(port_arg.error());
  options.port = static_cast<unsigned short>(*port_arg);
  const Expected<int> threads = parse_number(args, "--threads", kDefaultThreads, 1, 64);
  if (!threads) return Unexpected(threads.error());
  options.threads = *threads;
  options.address = args.option("--address").value_or("127.0.0.1");
  options.trusted_proxy = args.option("--trusted-proxy").value_or("");

  // Read before anything is opened, so a bad configuration changes nothing.
  const Expected<safeguards::SafeguardsConfig> config =
      args.option("--config") ? safeguards::SafeguardsConfig::from_file(*args.option("--config"))
                              : safeguards::SafeguardsConfig();
  if (!config) return Unexpected(config.error());

  // Creates the database, or refuses one that is not Sightline's.
  web::SharedStore store(open_store_pool(db_path, options.threads));
  const SystemClock clock;
  sqlite::SqliteAuditStore audit_store(db_path);
  web::AuditLog audit(audit_store,
                      args.option("--audit-key").value_or(web::AuditLog::default_key_path(db_path)),
                      clock);
  sqlite::SqliteAccountStore account_store(db_path);
  web::Accounts accounts(account_store, clock, audit);
  // Every read commits an audit record: the log is copied back into the
  // database file in the background, so that the checkpoint SQLite makes in
  // the committing thread finds little left to copy.
  sqlite::SqliteMaintenanceStore maintenance(db_path);
  web::WalCheckpointer checkpointer(maintenance, std::chrono::milliseconds(200));
  if (args.flag("--demo") && !prepare_demo(store, accounts, clock, ctx)) return kExitFailure;

  std::mutex log_mutex;
  const auto log = [&](const std::string& line) {
    std::lock_guard lock(log_mutex);
    ctx.err << line << "\n" << std::flush;
  };
  service::LiveSafeguards live(open_sqlite_store(db_path), clock, *config);
  live.load();
  {
    const service::LiveStatus status = live.status();
    ctx.out << "Safeguards: " << status.applied << " events replayed to "
            << status.clock.to_string() << ", " << status.alerts << " alerts.\n";
  }
  sqlite::SqliteAccessStore grants(db_path);
  web::Access access(grants, store, audit, clock);
  sqlite::SqliteIdempotencyStore answers(db_path);
  web::EventsApi events(answers, store, access, audit, clock);
  events.on_stored([&] {
    try {
      live.catch_up();
    } catch (const std::exception& e) {
      // The events are stored; the timer's next catch-up applies them.
      log(std::string("sightline serve: safeguards catch-up failed: ") + e.what());
    }
  });
  sqlite::SqliteAlertViewStore alert_store(db_path);
  web::AlertsView alerts(alert_store, audit);
  sqlite::SqliteTransferStore transfer_store(db_path);
  sqlite::SqliteSightingStore sighting_store(db_path);
  web::TransfersView transfers(transfer_store, sighting_store);
  sqlite::SqliteFiguresStore figures_store(db_path);
  web::FiguresView figures(figures_store, clock, WorkingDayCalendar::england_and_wales(),
                           cli::registration_terms(*config));
  web::Service service({accounts, audit, access, events, store, clock, alerts, transfers, figures,
                        cli::indicator_windows(*config), &sighting_store});
  const ServedPages pages(service, accounts, store, clock, args.option("--assets"),
                          cli::indicator_windows(*config), ctx);
  web::HttpServer server(
      options, [&](const web::Request& r) { return pages.handle(r); }, log);
  server.stop_on_signals();
  const unsigned short port = server.start();
  ctx.out << "Listening on http://" << options.address << ":" << port << std::endl;
  pages.print_how_to_open(options.address, port, args.flag("--demo"));
  live.start([&](const std::string& line) { log("sightline serve: " + line); });
  checkpointer.start([&](const std::string& line) { log("sightline serve: " + line); });
  server.wait();
  live.stop();
  checkpointer.stop();
  checkpointer.checkpoint();
  std::lock_guard lock(log_mutex);
  ctx.err << "sightline serve: stopped\n";
  return kExitOk;
}

}  // namespace

Command serve_command() { return {"serve", "run the HTTP service (JSON API)", kHelp, run_serve}; }

}  // namespace sightline::cli
