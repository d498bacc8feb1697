// The HTTP/1.1 server: Boost.Beast over Asio, asynchronous, on a small fixed
// pool of threads.
//
// Contract:
// - Every request is handed, whole, to the Handler on one of the pool's
//   threads; several requests may be handled at once, so the Handler must be
//   thread-safe. Its exceptions become a 500 that reveals nothing.
// - Limits hold against misbehaving clients: a request's header may be at most
//   `header_limit` bytes (else 431) and its body `body_limit` bytes (else 413,
//   refused from the Content-Length before the body is read); a request must
//   arrive whole within `read_timeout` of the server starting to wait for it
//   (that is also how long an idle keep-alive connection is kept); a response
//   must be taken within `write_timeout`. A slow client therefore holds one
//   socket for a bounded time and never a thread. Beyond `max_connections`
//   new connections are closed at once.
// - Every response carries security_headers(), error responses included.
// - stop() is graceful: no new connection is accepted, idle connections are
//   closed, and requests already being received or handled are answered
//   (with "Connection: close") before their connection closes. Connections
//   still open after `drain_timeout` are cut.
// - One JSON line per answered request goes to the access log: time (UTC),
//   remote address, method, path (never the query, which may hold personal
//   data), status, bytes, milliseconds and the user the handler named.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "web/http.h"

namespace sightline::web {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 0;  // 0: the system chooses; start() returns it
  int threads = 2;
  std::uint64_t body_limit = 1 << 20;    // 1 MiB
  std::uint32_t header_limit = 8 << 10;  // 8 KiB
  std::chrono::milliseconds read_timeout{15'000};
  std::chrono::milliseconds write_timeout{15'000};
  std::chrono::milliseconds drain_timeout{20'000};
  std::size_t max_connections = 1024;
  // When set (e.g. "127.0.0.1" for nginx on the same host), a request from
  // that address that carries X-Real-IP is taken to come from the address
  // X-Real-IP names: the proxy sets it, so throttling and logs see the real
  // client. From any other peer the header is ignored.
  std::string trusted_proxy;
};

using Handler = std::function<Response(const Request&)>;
// Receives one access-log line (without the newline); called from any thread.
using AccessLog = std::function<void(const std::string& line)>;

class HttpServer {
 public:
  HttpServer(ServerOptions options, Handler handler, AccessLog log);
  // Stops gracefully and waits for the threads.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Makes SIGTERM and SIGINT call stop(). Call before start(), at most once
  // per process.
  void stop_on_signals();
  // Binds, starts accepting on the pool's threads and returns the port.
  // Throws std::runtime_error when the address cannot be bound.
  unsigned short start();
  // Begins the graceful stop described above; returns at once. Thread-safe
  // and idempotent.
  void stop();
  // Returns when the server has stopped and every thread has finished.
  void wait();

 private:
  class Impl;
  friend class Connection;  // one client connection, in the implementation
  std::shared_ptr<Impl> impl_;
};

}  // namespace sightline::web
