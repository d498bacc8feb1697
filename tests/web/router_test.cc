#include "web/router.h"

#include <gtest/gtest.h>

namespace sightline::web {
namespace {

Request get(std::string path, std::string method = "GET") {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

TEST(Router, MatchesLiteralsAndPlaceholders) {
  Router router;
  router.add("GET", "/api/v1/children/{id}/chronology",
             [](const Request&, const PathParams& p) { return json_response(200, p.at("id")); });
  router.add("GET", "/api/v1/children/{id}",
             [](const Request&, const PathParams& p) { return json_response(201, p.at("id")); });
  EXPECT_EQ(router.route(get("/api/v1/children/sofia/chronology")).body, "sofia");
  EXPECT_EQ(router.route(get("/api/v1/children/baby%20one")).body, "baby one");
  EXPECT_EQ(router.route(get("/api/v1/children/sofia/")).status, 201);
  EXPECT_EQ(router.route(get("/api/v1/children")).status, 404);
  EXPECT_EQ(router.route(get("/api/v1/children/a/b")).status, 404);
}

TEST(Router, AnswersMethodNotAllowedWithAllow) {
  Router router;
  router.add("POST", "/s",
             [](const Request&, const PathParams&) { return json_response(200, ""); });
  router.add("DELETE", "/s",
             [](const Request&, const PathParams&) { return json_response(200, ""); });
  const Response r = router.route(get("/s"));
  EXPECT_EQ(r.status, 405);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "POST, DELETE");
}

TEST(Request, ReadsCookiesHeadersAndQueryParameters) {
  Request r;
  r.headers = {{"cookie", "a=1; __Host-sightline=tok en ; b=2"}, {"x-csrf-token", "t"}};
  r.query = "q=Sofia+Smith&dob=2013-01-01&x=%2F%zz";
  EXPECT_EQ(r.cookie("__Host-sightline"), "tok en");
  EXPECT_EQ(r.cookie("b"), "2");
  EXPECT_FALSE(r.cookie("c"));
  EXPECT_EQ(r.header("X-CSRF-Token"), "t");
  EXPECT_EQ(r.query_param("q"), "Sofia Smith");
  EXPECT_EQ(r.query_param("x"), "/%zz");
  EXPECT_FALSE(r.query_param("nhs"));
}

}  // namespace
}  // namespace sightline::web

namespace sightline::web {
namespace {

TEST(Request, DeclaresJsonOnlyForApplicationJson) {
  const auto with_type = [](std::string type) {
    Request r;
    r.headers = {{"content-type", std::move(type)}};
    return declares_json(r);
  };
  EXPECT_TRUE(with_type("application/json"));
  EXPECT_TRUE(with_type("Application/JSON; charset=utf-8"));
  EXPECT_FALSE(with_type("application/jsonx"));
  EXPECT_FALSE(with_type("text/plain"));
  EXPECT_FALSE(declares_json(Request{}));
}

}  // namespace
}  // namespace sightline::web
