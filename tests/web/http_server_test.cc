// The HTTP server against real sockets: limits, timeouts, keep-alive, headers,
// the access log and the graceful stop.
#include "web/http_server.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "http_client.h"
#include "web/router.h"

namespace sightline::web {
namespace {

using sightline::testing::HttpReply;
using sightline::testing::TestClient;

class CollectedLog {
 public:
  AccessLog sink() {
    return [this](const std::string& line) {
      std::lock_guard lock(mutex_);
      lines_.push_back(line);
    };
  }
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> lines_;
};

// A handler with only the health check, as the service has it.
Response health_only(const Request& request) {
  Router router;
  router.add("GET", "/health", [](const Request&, const PathParams&) {
    return json_response(200, R"({"status":"ok"})");
  });
  router.add("GET", "/api/v1/health", [](const Request&, const PathParams&) {
    return json_response(200, R"({"status":"ok"})");
  });
  return router.route(request);
}

void expect_security_headers(const HttpReply& r) {
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  EXPECT_EQ(r.header("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
  EXPECT_NE(r.header("strict-transport-security").find("max-age=31536000"), std::string::npos);
}

TEST(HttpServer, AnswersHealthWithSecurityHeadersAndKeepsTheConnection) {
  CollectedLog log;
  HttpServer server({}, health_only, log.sink());
  const unsigned short port = server.start();
  ASSERT_NE(port, 0);
  TestClient client(port);
  for (const char* path : {"/health", "/api/v1/health", "/health?probe=1"}) {
    const HttpReply r = client.request("GET", path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(nlohmann::json::parse(r.body)["status"], "ok");
    EXPECT_EQ(r.header("content-type"), "application/json");
    EXPECT_TRUE(r.keep_alive);
    expect_security_headers(r);
  }
  const HttpReply missing = client.request("GET", "/nothing/here");
  EXPECT_EQ(missing.status, 404);
  expect_security_headers(missing);
  const HttpReply wrong_method = client.request("POST", "/health", "{}");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(wrong_method.header("allow"), "GET");
}

TEST(HttpServer, RefusesAnOversizedBodyBeforeReadingIt) {
  ServerOptions options;
  options.body_limit = 1024;
  HttpServer server(
      options, [](const Request&) { return json_response(200, "{}"); }, nullptr);
  TestClient client(server.start());
  const HttpReply r = client.raw(
      "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 100000000\r\n\r\n");
  EXPECT_EQ(r.status, 413);
  expect_security_headers(r);
  EXPECT_FALSE(r.keep_alive);
  EXPECT_TRUE(client.closed_by_server());
}

TEST(HttpServer, RefusesAnOversizedHeader) {
  ServerOptions options;
  options.header_limit = 2048;
  HttpServer server(
      options, [](const Request&) { return json_response(200, "{}"); }, nullptr);
  TestClient client(server.start());
  const HttpReply r = client.request("GET", "/", "", {{"X-Padding", std::string(4096, 'a')}});
  EXPECT_EQ(r.status, 431);
  EXPECT_TRUE(client.closed_by_server());
}

TEST(HttpServer, RefusesMalformedRequests) {
  HttpServer server(
      {}, [](const Request&) { return json_response(200, "{}"); }, nullptr);
  const unsigned short port = server.start();
  for (const std::string& raw : {
           std::string("NOT HTTP AT ALL\r\n\r\n"),
           std::string("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"
                       "hello!"),
           std::string("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
           std::string("GET http://elsewhere/ HTTP/1.1\r\nHost: x\r\n\r\n"),
           // Request smuggling: both framings, or a chunk size that is not hex.
           std::string("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
           std::string("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "-5\r\nhello\r\n0\r\n\r\n"),
       }) {
    TestClient client(port);
    const HttpReply r = client.raw(raw);
    EXPECT_EQ(r.status, 400) << raw;
    EXPECT_TRUE(client.closed_by_server()) << raw;
  }
}

TEST(HttpServer, ClosesASlowClientAfterTheReadTimeout) {
  ServerOptions options;
  options.read_timeout = std::chrono::milliseconds(200);
  HttpServer server(
      options, [](const Request&) { return json_response(200, "{}"); }, nullptr);
  TestClient client(server.start());
  boost::asio::write(client.stream().socket(), boost::asio::buffer(std::string("GET / HTT")));
  const auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.closed_by_server());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(HttpServer, AHandlerFailureIsA500ThatRevealsNothing) {
  HttpServer server(
      {}, [](const Request&) -> Response { throw std::runtime_error("secret detail"); }, nullptr);
  TestClient client(server.start());
  const HttpReply r = client.request("GET", "/");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
  expect_security_headers(r);
}

TEST(HttpServer, LogsOneJsonLinePerRequestWithoutTheQuery) {
  CollectedLog log;
  HttpServer server({}, health_only, log.sink());
  TestClient client(server.start());
  client.request("GET", "/health?name=Sofia%20Smith");
  server.stop();
  server.wait();
  const auto lines = log.lines();
  ASSERT_EQ(lines.size(), 1u);
  const auto line = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(line["method"], "GET");
  EXPECT_EQ(line["path"], "/health");
  EXPECT_EQ(line["status"], 200);
  EXPECT_EQ(line["remote"], "127.0.0.1");
  EXPECT_TRUE(line.contains("ms"));
  EXPECT_EQ(lines[0].find("Sofia"), std::string::npos);
}

TEST(HttpServer, StopFinishesTheRequestInFlightAndClosesIdleConnections) {
  std::mutex mutex;
  std::condition_variable cv;
  bool entered = false, release = false;
  HttpServer server(
      {},
      [&](const Request&) {
        std::unique_lock lock(mutex);
        entered = true;
        cv.notify_all();
        cv.wait(lock, [&] { return release; });
        return json_response(200, R"({"done":true})");
      },
      nullptr);
  const unsigned short port = server.start();
  TestClient idle(port);
  TestClient busy(port);
  auto reply = std::async(std::launch::async, [&] { return busy.request("GET", "/slow"); });
  {
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return entered; });
  }
  server.stop();
  EXPECT_TRUE(idle.closed_by_server());
  {
    std::lock_guard lock(mutex);
    release = true;
    cv.notify_all();
  }
  const HttpReply r = reply.get();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"done":true})");
  EXPECT_FALSE(r.keep_alive);
  server.wait();
}

}  // namespace
}  // namespace sightline::web

namespace sightline::web {
namespace {

TEST(HttpServer, TakesTheClientAddressFromTheTrustedProxyOnly) {
  for (const std::string& proxy : {std::string("127.0.0.1"), std::string("10.9.9.9")}) {
    ServerOptions options;
    options.trusted_proxy = proxy;
    HttpServer server(
        options, [](const Request& r) { return json_response(200, "\"" + r.remote + "\""); },
        nullptr);
    TestClient client(server.start());
    const HttpReply r = client.request("GET", "/", "", {{"X-Real-IP", "203.0.113.7"}});
    EXPECT_EQ(r.body, proxy == "127.0.0.1" ? "\"203.0.113.7\"" : "\"127.0.0.1\"");
  }
}

}  // namespace
}  // namespace sightline::web

namespace sightline::web {
namespace {

TEST(HttpServer, SaysWhyItCannotListen) {
  HttpServer first(
      {}, [](const Request&) { return json_response(200, "{}"); }, nullptr);
  ServerOptions taken;
  taken.port = first.start();
  HttpServer second(
      taken, [](const Request&) { return json_response(200, "{}"); }, nullptr);
  try {
    second.start();
    FAIL() << "two servers on one port";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot listen on 127.0.0.1:"), std::string::npos);
  }
  ServerOptions bad;
  bad.address = "not-an-address";
  HttpServer third(
      bad, [](const Request&) { return json_response(200, "{}"); }, nullptr);
  EXPECT_THROW(third.start(), std::runtime_error);
}

}  // namespace
}  // namespace sightline::web
