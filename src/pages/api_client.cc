#include "pages/api_client.h"

namespace sightline::pages {

std::string text_field(const nlohmann::json& j, const char* field) {
  if (!j.is_object() || !j.contains(field) || !j[field].is_string()) return {};
  return j[field].get<std::string>();
}

std::string ApiReply::error_code() const {
  if (body.is_object() && body.contains("error") && body["error"].is_object() &&
      body["error"].contains("code") && body["error"]["code"].is_string()) {
    return body["error"]["code"].get<std::string>();
  }
  return {};
}

std::string ApiReply::error_message() const {
  if (body.is_object() && body.contains("error") && body["error"].is_object() &&
      body["error"].contains("message") && body["error"]["message"].is_string()) {
    return body["error"]["message"].get<std::string>();
  }
  return {};
}

ApiClient::ApiClient(const web::Service& service, const web::Request& browser,
                     std::string csrf_token)
    : service_(service), browser_(browser), csrf_token_(std::move(csrf_token)) {}

ApiReply ApiClient::get(const std::string& path, const std::string& query) const {
  web::Request r;
  r.method = "GET";
  r.path = path;
  r.query = query;
  return call(std::move(r));
}

ApiReply ApiClient::send(const std::string& method, const std::string& path,
                         const nlohmann::json& body, const std::string& idempotency_key) const {
  web::Request r;
  r.method = method;
  r.path = path;
  if (!body.is_null()) {
    r.body = body.dump();
    r.headers.emplace_back("content-type", "application/json");
  }
  if (!csrf_token_.empty()) r.headers.emplace_back("x-csrf-token", csrf_token_);
  if (!idempotency_key.empty()) r.headers.emplace_back("idempotency-key", idempotency_key);
  return call(std::move(r));
}

ApiReply ApiClient::call(web::Request request) const {
  request.target = request.query.empty() ? request.path : request.path + "?" + request.query;
  request.remote = browser_.remote;
  for (const auto& [name, value] : browser_.headers) {
    if (name == "cookie") request.headers.emplace_back(name, value);
  }
  const web::Response response = service_.handle(request);
  ApiReply reply;
  reply.status = response.status;
  reply.headers = response.headers;
  if (!response.body.empty()) {
    reply.body = nlohmann::json::parse(response.body, nullptr, false);
    if (reply.body.is_discarded()) reply.body = nullptr;
  }
  return reply;
}

}  // namespace sightline::pages
