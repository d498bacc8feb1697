// A running service for the API tests: a real SQLite file holding the Sofia
// scenario (and whatever extra_feed() adds), the audit log, accounts, the live
// safeguards with their timer, and the HTTP server on an ephemeral port, all
// on a SimulatedClock.
#pragma once

#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "../support/test_support.h"
#include "http_client.h"
#include "service/live_safeguards.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_access_store.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_alert_view_store.h"
#include "store/sqlite/sqlite_audit_store.h"
#include "store/sqlite/sqlite_figures_store.h"
#include "store/sqlite/sqlite_idempotency_store.h"
#include "store/sqlite/sqlite_sighting_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_transfer_store.h"
#include "web/accounts.h"
#include "web/alerts_view.h"
#include "web/audit_log.h"
#include "web/figures.h"
#include "web/http_server.h"
#include "web/service.h"
#include "web/transfers_view.h"

namespace sightline::testing {

// A signed-in browser: the cookie and the CSRF token it was given.
struct Browser {
  std::string token, csrf;
  std::vector<std::pair<std::string, std::string>> cookie() const {
    return {{"Cookie", "__Host-sightline=" + token}};
  }
  std::vector<std::pair<std::string, std::string>> cookie_and_csrf() const {
    return {{"Cookie", "__Host-sightline=" + token}, {"X-CSRF-Token", csrf}};
  }
};

class ServiceTest : public ::testing::Test {
 protected:
  static constexpr const char* kPassword = "correct horse battery staple";

  ServiceTest() : clock_(*Timestamp::parse("2026-03-02T09:00:00")) {}

  void SetUp() override {
    {
      auto store = open_sqlite_store(db());
      std::ifstream feed(scenario("sofia.jsonl"));
      ASSERT_TRUE(import_feed(*store, feed, "sofia.jsonl", {}).committed);
      std::istringstream extra(extra_feed());
      ASSERT_TRUE(import_feed(*store, extra, "extra", {}).committed);
    }
    std::vector<std::unique_ptr<Store>> pool;
    for (int i = 0; i < 3; ++i) pool.push_back(open_sqlite_store(db()));
    store_ = std::make_unique<web::SharedStore>(std::move(pool));
    live_ = std::make_unique<service::LiveSafeguards>(open_sqlite_store(db()), clock_);
    live_->load();
    audit_store_ = std::make_unique<sqlite::SqliteAuditStore>(db());
    audit_ = std::make_unique<web::AuditLog>(*audit_store_, web::AuditLog::default_key_path(db()),
                                             clock_);
    web::AccountPolicy policy;
    policy.hash_opslimit = crypto_pwhash_OPSLIMIT_MIN;  // fast hashing for tests
    policy.hash_memlimit = crypto_pwhash_MEMLIMIT_MIN;
    account_store_ = std::make_unique<sqlite::SqliteAccountStore>(db());
    accounts_ = std::make_unique<web::Accounts>(*account_store_, clock_, *audit_, policy);
    grants_ = std::make_unique<sqlite::SqliteAccessStore>(db());
    access_ = std::make_unique<web::Access>(*grants_, *store_, *audit_, clock_);
    answers_ = std::make_unique<sqlite::SqliteIdempotencyStore>(db());
    events_ = std::make_unique<web::EventsApi>(*answers_, *store_, *access_, *audit_, clock_);
    events_->on_stored([this] { live_->catch_up(); });
    alert_store_ = std::make_unique<sqlite::SqliteAlertViewStore>(db());
    alerts_ = std::make_unique<web::AlertsView>(*alert_store_, *audit_);
    transfer_store_ = std::make_unique<sqlite::SqliteTransferStore>(db());
    sighting_store_ = std::make_unique<sqlite::SqliteSightingStore>(db());
    transfers_ = std::make_unique<web::TransfersView>(*transfer_store_, *sighting_store_);
    figures_store_ = std::make_unique<sqlite::SqliteFiguresStore>(db());
    figures_ = std::make_unique<web::FiguresView>(*figures_store_, clock_);
    service_ = std::make_unique<web::Service>(
        web::ServiceParts{*accounts_, *audit_, *access_, *events_, *store_, clock_, *alerts_,
                          *transfers_, *figures_, indicator_windows(), sighting_store_.get()},
        service_options());
    server_ = std::make_unique<web::HttpServer>(
        web::ServerOptions{}, [this](const web::Request& r) { return service_->handle(r); },
        nullptr);
    port_ = server_->start();
    live_->start();
    accounts_->add("alice", web::Role::kPractitioner, "ealing-hv", kPassword, admin());
    accounts_->add("bob", web::Role::kSafeguardingLead, "ealing-csc", kPassword, admin());
  }
  void TearDown() override {
    server_.reset();
    if (live_) live_->stop();
    service_.reset();
    figures_.reset();
    transfers_.reset();
    sighting_store_.reset();
    transfer_store_.reset();
    alerts_.reset();
    alert_store_.reset();
    events_.reset();
    answers_.reset();
    access_.reset();
    grants_.reset();
    accounts_.reset();
    account_store_.reset();
    audit_.reset();
    audit_store_.reset();
    store_.reset();
    live_.reset();
  }
  // Events (JSON Lines) stored after the Sofia scenario, before the service starts.
  virtual std::string extra_feed() const { return ""; }
  virtual web::ServiceOptions service_options() const { return {}; }
  // The indicators' windows by area, as `serve --config` gives them; national by default.
  virtual IndicatorWindowsOfArea indicator_windows() const { return {}; }

  std::string db() const { return dir_.file("sightline.db"); }
  static web::Actor admin() { return {"cli:test", "administrator", "", ""}; }
  // Moves the simulated clock on (2 March is GMT, so local seconds are UTC).
  void advance(std::int64_t seconds) {
    const std::int64_t t = clock_.now().instant() + seconds;
    clock_.set(Timestamp{Date::from_days(static_cast<std::int32_t>(t / 86400)),
                         static_cast<std::int32_t>(t % 86400), true});
  }

  HttpReply post_json(TestClient& client, const std::string& target, const nlohmann::json& body,
                      const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return client.request("POST", target, body.dump(), headers);
  }

  // Signs in and returns the cookie value and CSRF token (empty on failure).
  Browser sign_in(TestClient& client, const std::string& user,
                  const std::string& password = kPassword) {
    const HttpReply r =
        post_json(client, "/api/v1/session", {{"username", user}, {"password", password}});
    Browser b;
    if (r.status != 200) return b;
    const std::string cookie = r.header("set-cookie");
    const auto eq = cookie.find('=');
    const auto semi = cookie.find(';');
    b.token = cookie.substr(eq + 1, semi - eq - 1);
    b.csrf = nlohmann::json::parse(r.body)["csrf_token"].get<std::string>();
    return b;
  }

  // The audit trail checked as `sightline audit verify` checks it.
  web::AuditVerification verify_audit_log() {
    return web::AuditLog::verify(*sqlite::SqliteAuditStore::open_as_is(db()),
                                 web::AuditLog::default_key_path(db()) + ".pub");
  }

  std::vector<std::string> audit_actions() {
    std::vector<std::string> out;
    for (const auto& r : audit_->records()) out.push_back(r.entry.action);
    return out;
  }

  TempDir dir_;
  SimulatedClock clock_;
  std::unique_ptr<web::SharedStore> store_;
  std::unique_ptr<sqlite::SqliteAuditStore> audit_store_;
  std::unique_ptr<web::AuditLog> audit_;
  std::unique_ptr<sqlite::SqliteAccessStore> grants_;
  std::unique_ptr<web::Access> access_;
  std::unique_ptr<sqlite::SqliteIdempotencyStore> answers_;
  std::unique_ptr<web::EventsApi> events_;
  std::unique_ptr<sqlite::SqliteAccountStore> account_store_;
  std::unique_ptr<sqlite::SqliteAlertViewStore> alert_store_;
  std::unique_ptr<web::Accounts> accounts_;
  std::unique_ptr<service::LiveSafeguards> live_;
  std::unique_ptr<web::AlertsView> alerts_;
  std::unique_ptr<sqlite::SqliteTransferStore> transfer_store_;
  std::unique_ptr<sqlite::SqliteSightingStore> sighting_store_;
  std::unique_ptr<web::TransfersView> transfers_;
  std::unique_ptr<sqlite::SqliteFiguresStore> figures_store_;
  std::unique_ptr<web::FiguresView> figures_;
  std::unique_ptr<web::Service> service_;
  std::unique_ptr<web::HttpServer> server_;
  unsigned short port_ = 0;
};

}  // namespace sightline::testing
