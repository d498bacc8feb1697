#include "web/http_server.h"

#include <atomic>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "web/api_error.h"

namespace sightline::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

std::string utc_now_text() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return text;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace

class Connection;

class HttpServer::Impl : public std::enable_shared_from_this<HttpServer::Impl> {
 public:
  Impl(ServerOptions o, Handler h, AccessLog l)
      : options(std::move(o)),
        handler(std::move(h)),
        log(std::move(l)),
        strand_(net::make_strand(ioc_)),
        acceptor_(strand_),
        drain_timer_(strand_),
        signals_(strand_) {}

  unsigned short start();
  void stop();
  void wait();
  void stop_on_signals();

  // Called by connections.
  bool stopping() const { return stopping_.load(); }
  void connection_opened() { ++active_; }
  void connection_closed();
  // After the threads have finished: cuts what a drain timeout left open, so
  // that no handler (which holds this object) outlives the server.
  void abandon_leftovers();
  void write_log(const std::string& line) {
    if (log) log(line);
  }

  const ServerOptions options;
  const Handler handler;
  const AccessLog log;

 private:
  void accept();
  void on_accept(beast::error_code ec, tcp::socket socket);

  net::io_context ioc_;
  net::strand<net::io_context::executor_type> strand_;  // acceptor, timer, signals, registry
  tcp::acceptor acceptor_;
  net::steady_timer drain_timer_;
  net::signal_set signals_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> active_{0};
  std::mutex registry_mutex_;
  std::vector<std::weak_ptr<Connection>> connections_;
  std::mutex join_mutex_;
};

// One client connection. Everything it does runs on its own strand.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket&& socket, std::shared_ptr<HttpServer::Impl> server)
      : stream_(std::move(socket)), server_(std::move(server)) {
    beast::error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = peer.address().to_string();
    server_->connection_opened();
  }
  ~Connection() { server_->connection_closed(); }

  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

  // Closes the connection now, whatever it is doing.
  void abort() {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->close(); });
  }

  // Closes the connection if it is waiting for a request that has not begun;
  // otherwise the request in progress is answered and the connection closed.
  void stop() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      self->stop_requested_ = true;
      if (self->waiting_ && self->buffer_.size() == 0 && !self->parser_->got_some()) {
        self->close();
      }
    });
  }

 private:
  void read() {
    if (stop_requested_ && buffer_.size() == 0) return close();
    parser_.emplace();
    parser_->header_limit(server_->options.header_limit);
    parser_->body_limit(server_->options.body_limit);
    waiting_ = true;
    stream_.expires_after(server_->options.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Connection::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    waiting_ = false;
    started_ = std::chrono::steady_clock::now();
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted) {
      return close();
    }
    if (ec == http::error::body_limit) {
      return respond_error(ErrorCode::kTooLarge, "the request body is too large", "");
    }
    if (ec == http::error::header_limit) {
      return respond_error(ErrorCode::kHeaderTooLarge, "the request header is too large", "");
    }
    if (ec) {
      if (ec.category() == http::make_error_code(http::error::bad_method).category()) {
        return respond_error(ErrorCode::kBadRequest, "the request is not valid HTTP/1.1", "");
      }
      return close();
    }
    auto& message = parser_->get();
    Request request;
    const auto method = message.method_string();
    request.method.assign(method.data(), method.size());
    const auto target = message.target();
    request.target.assign(target.data(), target.size());
    request.remote = remote_;
    if (request.target.empty() || request.target.front() != '/') {
      return respond_error(ErrorCode::kBadRequest, "the request target must be a path",
                           request.method);
    }
    const auto q = request.target.find('?');
    request.path = request.target.substr(0, q);
    if (q != std::string::npos) request.query = request.target.substr(q + 1);
    for (const auto& field : message) {
      const auto name = field.name_string();
      const auto value = field.value();
      request.headers.emplace_back(lower(std::string_view(name.data(), name.size())),
                                   std::string(value.data(), value.size()));
    }
    if (!server_->options.trusted_proxy.empty() && remote_ == server_->options.trusted_proxy) {
      if (const auto real = request.header("x-real-ip"); real && !real->empty()) {
        request.remote = std::string(*real);
      }
    }
    request.body = std::move(message.body());
    const bool keep_alive = message.keep_alive();
    const unsigned version = message.version();

    Response response;
    try {
      response = server_->handler(request);
    } catch (const std::exception&) {
      response = error_response(ErrorCode::kInternal, "the server could not answer this request");
    }
    send(std::move(response), version, keep_alive, request.method, request.path, request.remote);
  }

  void respond_error(ErrorCode code, std::string_view message, const std::string& method) {
    send(error_response(code, message), 11, false, method, "", remote_);
  }

  void send(Response response, unsigned version, bool keep_alive, const std::string& method,
            const std::string& path, const std::string& remote) {
    keep_alive = keep_alive && !stop_requested_ && !server_->stopping();
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(version);
    res->result(static_cast<unsigned>(response.status));
    if (!response.body.empty() || response.status != 204) {
      res->set(http::field::content_type, response.content_type);
    }
    for (const auto& [name, value] : security_headers()) res->set(name, value);
    for (const auto& [name, value] : response.headers) {
      // A handler's own Content-Security-Policy or Cache-Control (a page, an
      // asset) replaces the default; other headers add (Set-Cookie repeats).
      if (replaces_default(name)) res->erase(name);
      res->insert(name, value);
    }
    res->body() = std::move(response.body);
    res->keep_alive(keep_alive);
    res->prepare_payload();

    nlohmann::json line = {
        {"t", utc_now_text()},
        {"remote", remote},
        {"method", method},
        {"path", path},
        {"status", response.status},
        {"bytes", res->body().size()},
        {"ms",
         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
             .count()},
    };
    if (!response.log_user.empty()) line["user"] = response.log_user;
    server_->write_log(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));

    response_ = res;
    stream_.expires_after(server_->options.write_timeout);
    http::async_write(stream_, *res,
                      [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
                        self->response_.reset();
                        if (ec || !keep_alive) return self->close();
                        self->read();
                      });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  std::shared_ptr<HttpServer::Impl> server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<http::response<http::string_body>> response_;
  std::string remote_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  bool waiting_ = false;
  bool stop_requested_ = false;
};

unsigned short HttpServer::Impl::start() {
  beast::error_code ec;
  const auto address = net::ip::make_address(options.address, ec);
  if (ec) throw std::runtime_error("not an IP address: " + options.address);
  const tcp::endpoint endpoint(address, options.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + options.address + ":" +
                             std::to_string(options.port) + ": " + ec.message());
  }
  const unsigned short port = acceptor_.local_endpoint().port();
  net::post(strand_, [self = shared_from_this()] { self->accept(); });
  const int n = std::max(1, options.threads);
  for (int i = 0; i < n; ++i) {
    threads_.emplace_back([self = shared_from_this()] { self->ioc_.run(); });
  }
  return port;
}

void HttpServer::Impl::stop_on_signals() {
  signals_.add(SIGTERM);
  signals_.add(SIGINT);
  signals_.async_wait([self = shared_from_this()](beast::error_code ec, int) {
    if (!ec) self->stop();
  });
}

void HttpServer::Impl::accept() {
  acceptor_.async_accept(net::make_strand(ioc_),
                         beast::bind_front_handler(&Impl::on_accept, shared_from_this()));
}

void HttpServer::Impl::on_accept(beast::error_code ec, tcp::socket socket) {
  if (stopping_ || !acceptor_.is_open()) return;
  if (!ec) {
    if (active_ >= options.max_connections) {
      socket.close(ec);
    } else {
      socket.set_option(tcp::no_delay(true), ec);
      auto connection = std::make_shared<Connection>(std::move(socket), shared_from_this());
      {
        std::lock_guard lock(registry_mutex_);
        std::erase_if(connections_, [](const auto& c) { return c.expired(); });
        connections_.push_back(connection);
      }
      connection->start();
    }
  }
  accept();
}

void HttpServer::Impl::stop() {
  if (stopping_.exchange(true)) return;
  net::post(strand_, [self = shared_from_this()] {
    beast::error_code ec;
    self->acceptor_.close(ec);
    self->signals_.cancel(ec);
    std::vector<std::shared_ptr<Connection>> live;
    {
      std::lock_guard lock(self->registry_mutex_);
      for (const auto& weak : self->connections_) {
        if (auto c = weak.lock()) live.push_back(std::move(c));
      }
    }
    for (const auto& c : live) c->stop();
    if (self->active_ > 0) {
      self->drain_timer_.expires_after(self->options.drain_timeout);
      self->drain_timer_.async_wait([self](beast::error_code wait_ec) {
        if (!wait_ec) self->ioc_.stop();  // connections that would not finish are cut
      });
    }
  });
}

void HttpServer::Impl::connection_closed() {
  if (--active_ == 0 && stopping_) {
    net::post(strand_, [self = shared_from_this()] { self->drain_timer_.cancel(); });
  }
}

void HttpServer::Impl::wait() {
  std::lock_guard lock(join_mutex_);
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
  abandon_leftovers();
}

void HttpServer::Impl::abandon_leftovers() {
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(registry_mutex_);
    for (const auto& weak : connections_) {
      if (auto c = weak.lock()) live.push_back(std::move(c));
    }
    connections_.clear();
  }
  for (const auto& c : live) c->abort();
  live.clear();
  beast::error_code ec;
  acceptor_.close(ec);
  signals_.cancel(ec);
  drain_timer_.cancel();
  ioc_.restart();
  ioc_.run();
}

HttpServer::HttpServer(ServerOptions options, Handler handler, AccessLog log)
    : impl_(std::make_shared<Impl>(std::move(options), std::move(handler), std::move(log))) {}

HttpServer::~HttpServer() {
  stop();
  wait();
}

void HttpServer::stop_on_signals() { impl_->stop_on_signals(); }
unsigned short HttpServer::start() { return impl_->start(); }
void HttpServer::stop() { impl_->stop(); }
void HttpServer::wait() { impl_->wait(); }

}  // namespace sightline::web
