// The JSON API as the pages use it.
//
// Pages hold no access rules of their own: whatever they show about a child
// or record for one goes through the API's Service::handle in the same
// process, as a request made with the browser's own session cookie, from the
// browser's address. So the one access check (a legitimate relationship or
// break-glass), the audit of every read, the validation of events, the
// sign-in throttle and the CSRF rule are exactly those of the API, and a page
// can show nothing the API would not. The page has checked the form's CSRF
// token before it sends a change; the client then presents the session's
// token in X-CSRF-Token as a script would.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "web/http.h"
#include "web/service.h"

namespace sightline::pages {

// The text of `field` in an API answer's object `j`, or "" when `j` is not an
// object or the field is absent or not text: the pages show what there is.
std::string text_field(const nlohmann::json& j, const char* field);

struct ApiReply {
  int status = 0;
  nlohmann::json body;  // null when the answer had no JSON body
  std::vector<std::pair<std::string, std::string>> headers;

  bool ok() const { return status >= 200 && status < 300; }
  // The error code of an error answer ("no_relationship", ...), or "".
  std::string error_code() const;
  std::string error_message() const;
};

class ApiClient {
 public:
  // `browser` is the request the page is answering; its Cookie header and
  // address are carried over. `csrf_token` is the session's (empty when
  // signed out).
  ApiClient(const web::Service& service, const web::Request& browser, std::string csrf_token);

  ApiReply get(const std::string& path, const std::string& query = "") const;
  // POST, PUT, PATCH or DELETE with a JSON body (none when `body` is null).
  // `idempotency_key` is sent when not empty.
  ApiReply send(const std::string& method, const std::string& path, const nlohmann::json& body,
                const std::string& idempotency_key = "") const;

 private:
  ApiReply call(web::Request request) const;

  const web::Service& service_;
  const web::Request& browser_;
  std::string csrf_token_;
};

}  // namespace sightline::pages
