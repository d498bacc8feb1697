// The pages over real HTTP on the API's test fixture (a SQLite file with the
// Sofia scenario and whatever extra_feed() adds, accounts, a simulated
// clock): a browser's sign-in, GET and form POST.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "../web/service_fixture.h"
#include "pages/html.h"
#include "pages/pages.h"
#include "pages/site.h"
#include "pages/static_assets.h"

namespace sightline::testing {

class PagesFixture : public ServiceTest {
 protected:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  void SetUp() override {
    ServiceTest::SetUp();
    std::filesystem::create_directories(dir_.file("assets"));
    std::ofstream(dir_.file("assets/sightline.css")) << "body{color:#0b0c0c}";
    assets_ = std::make_unique<pages::StaticAssets>(dir_.file("assets"));
    pages_ = std::make_unique<pages::Pages>(
        pages::PagesParts{*service_, *accounts_, *store_, clock_, *assets_});
    site_ = std::make_unique<pages::Site>(*service_, *pages_, *assets_);
    site_server_ = std::make_unique<web::HttpServer>(
        web::ServerOptions{}, [this](const web::Request& r) { return site_->handle(r); }, nullptr);
    site_port_ = site_server_->start();
  }
  void TearDown() override {
    site_server_.reset();
    site_.reset();
    pages_.reset();
    assets_.reset();
    ServiceTest::TearDown();
  }

  // Signs in through the sign-in page; returns the session cookie value, ""
  // when the sign-in is refused.
  std::string page_sign_in(const std::string& user, const std::string& password = kPassword) {
    TestClient client(site_port_);
    const HttpReply form = client.request("GET", "/sign-in");
    const std::string token = signin_token(form);
    const HttpReply r = client.request("POST", "/sign-in",
                                       "signin_token=" + token + "&next=%2F&username=" + user +
                                           "&password=" + pages::url_encode(password),
                                       {{"Content-Type", "application/x-www-form-urlencoded"},
                                        {"Cookie", "__Host-sightline-signin=" + token}});
    if (r.status != 303) return {};
    for (const auto& [name, value] : r.headers) {
      if (name == "set-cookie" && value.rfind("__Host-sightline=", 0) == 0) {
        return value.substr(17, value.find(';') - 17);
      }
    }
    return {};
  }
  static std::string signin_token(const HttpReply& form) {
    std::smatch m;
    std::regex_search(form.body, m, std::regex("name=\"signin_token\" value=\"([^\"]+)\""));
    return m[1];
  }
  static std::string csrf_in(const std::string& body) {
    std::smatch m;
    std::regex_search(body, m, std::regex("name=\"csrf_token\" value=\"([^\"]+)\""));
    return m[1];
  }
  // A GET as a browser makes it: with the session's cookie, or none.
  HttpReply get(const std::string& target, const std::string& session = "") {
    TestClient client(site_port_);
    return client.request(
        "GET", target, "",
        session.empty() ? Headers{} : Headers{{"Cookie", "__Host-sightline=" + session}});
  }
  HttpReply post_form(const std::string& target, const std::string& body,
                      const std::string& session) {
    TestClient client(site_port_);
    return client.request("POST", target, body,
                          {{"Content-Type", "application/x-www-form-urlencoded"},
                           {"Cookie", "__Host-sightline=" + session}});
  }
  // GETs the form, then posts `fields` to it with the form's CSRF token, and,
  // as a browser would, each radio the form shows checked whose name `fields`
  // does not give.
  HttpReply send_form(const std::string& target, const std::string& fields,
                      const std::string& session) {
    const HttpReply form = get(target, session);
    EXPECT_EQ(form.status, 200) << target << "\n" << form.body;
    std::string body = "csrf_token=" + csrf_in(form.body) + "&" + fields;
    const std::regex checked("name=\"([^\"]+)\" type=\"radio\" value=\"([^\"]*)\" checked");
    for (auto it = std::sregex_iterator(form.body.begin(), form.body.end(), checked);
         it != std::sregex_iterator(); ++it) {
      const std::string name = (*it)[1];
      if (("&" + fields).find("&" + name + "=") == std::string::npos) {
        body += "&" + name + "=" + (*it)[2].str();
      }
    }
    const std::string path = target.substr(0, target.find('?'));
    return post_form(path, body, session);
  }

  std::unique_ptr<pages::StaticAssets> assets_;
  std::unique_ptr<pages::Pages> pages_;
  std::unique_ptr<pages::Site> site_;
  std::unique_ptr<web::HttpServer> site_server_;
  unsigned short site_port_ = 0;
};

}  // namespace sightline::testing
