// The HTTP request and response as Sightline's handlers see them: plain
// values, independent of the server library, so that routing, the API and
// their tests need no networking code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline::web {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: "/api/v1/children?q=smith"
  std::string path;    // the target before '?', percent-decoding not applied
  std::string query;   // the target after '?', or empty
  // Header names in lower case, in the order received.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote;  // peer address, for the access log and throttling

  // The first header of that name (case-insensitive), if any.
  std::optional<std::string_view> header(std::string_view name) const;
  // The value of cookie `name` from the Cookie headers, if present.
  std::optional<std::string> cookie(std::string_view name) const;
  // The percent-decoded value of query parameter `name`, if present.
  std::optional<std::string> query_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Extra headers; Set-Cookie may appear more than once.
  std::vector<std::pair<std::string, std::string>> headers;
  // Who made the request, for the access log only (a user name, never a secret).
  std::string log_user;
};

// Query parameter `name` as a count in [low, high], `fallback` when absent;
// nullopt when it is not digits or out of range (the caller answers 400).
std::optional<std::size_t> count_param(const Request& request, std::string_view name,
                                       std::size_t fallback, std::size_t low, std::size_t high);

// True when the Content-Type is application/json (parameters allowed).
bool declares_json(const Request& request);

Response json_response(int status, std::string body);

// The headers every response carries, whatever produced it: nosniff,
// no-store, a Content-Security-Policy that allows nothing (API responses are
// data, never pages), framing denied, no referrer, and HSTS for one year.
// A response may replace the Content-Security-Policy (a page allows its own
// stylesheet and scripts) and the Cache-Control (a static asset) by carrying
// its own; the others always hold.
const std::vector<std::pair<std::string, std::string>>& security_headers();
// True for the header names a response may replace (case-insensitive).
bool replaces_default(std::string_view header_name);

// "%41b+c" -> "Ab c". Invalid escapes are kept as they are.
std::string percent_decode(std::string_view text, bool plus_is_space);

}  // namespace sightline::web
