// Signing in and out.
//
// Sign-in posts the name and password to the API's POST /api/v1/session, so
// the lockout, the per-address throttle and the audit are the API's; the
// session cookie it sets is passed on to the browser. Before there is a
// session the form is protected from cross-site posting by a token of its
// own, held both in a cookie and in the form (double submit): a forged
// sign-in would need both.
#include <algorithm>
#include <cstdlib>

#include "pages/components.h"
#include "pages/layout.h"
#include "pages/visit.h"
#include "web/secrets.h"

namespace sightline::pages {
namespace {

constexpr std::string_view kSignInCookie = "__Host-sightline-signin";

// A path of this service to go back to after signing in; "/" for anything
// else (an absolute or protocol-relative URL would make an open redirect).
std::string safe_next(const std::string& next) {
  if (next.size() < 2 || next[0] != '/' || next[1] == '/' || next[1] == '\\') return "/";
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return "/";
  }
  return next;
}

struct SignInForm {
  std::string username, next, token;
  std::string username_error, password_error;
  std::vector<ErrorItem> summary;
  Html notice;
  bool success_notice = false;
};

web::Response render(const PagesParts& parts, const SignInForm& f, int status) {
  Html content =
      Html::trusted("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
  if (!f.summary.empty()) content += error_summary(f.summary);
  if (!f.notice.empty()) content += notification_banner(f.notice, f.success_notice);
  content += Html::trusted(
      "<h1 class=\"govuk-heading-l\">Sign in to Sightline</h1><p class=\"govuk-body\">Use the "
      "user name and password your administrator gave you.</p><form method=\"post\" "
      "action=\"/sign-in\" novalidate><input type=\"hidden\" name=\"signin_token\" value=\"" +
      escape(f.token) + "\"><input type=\"hidden\" name=\"next\" value=\"" + escape(f.next) +
      "\">");
  content += text_input({.id = "username",
                         .name = "username",
                         .label = {"User name"},
                         .value = f.username,
                         .error = f.username_error,
                         .classes = "govuk-!-width-one-half",
                         .autocomplete = "username",
                         .spellcheck_off = true});
  content += text_input({.id = "password",
                         .name = "password",
                         .label = {"Password"},
                         .error = f.password_error,
                         .type = "password",
                         .classes = "govuk-!-width-one-half",
                         .autocomplete = "current-password",
                         .spellcheck_off = true});
  content += button({.text = "Sign in"});
  content += Html::trusted("</form>");
  content += details("Locked out?",
                     text("After " + std::to_string(parts.accounts.policy().max_failures) +
                          " wrong passwords in a row an account is locked for " +
                          std::to_string(parts.accounts.policy().lockout / 60) +
                          " minutes, and even the right password is refused until then. Your "
                          "administrator can unlock it sooner by resetting your password."));
  content += Html::trusted("</div></div>");
  web::Response r =
      render_page(parts.assets, PageFrame{.title = "Sign in", .has_errors = !f.summary.empty()},
                  content, status);
  r.headers.emplace_back("Set-Cookie", std::string(kSignInCookie) + "=" + f.token +
                                           "; Path=/; Secure; HttpOnly; SameSite=Strict");
  return r;
}

std::string new_token() { return web::to_base64url(web::random_bytes(32)); }

}  // namespace

web::Response sign_in_page(const web::Request& request, const PagesParts& parts) {
  SignInForm f;
  f.token = new_token();
  f.next = safe_next(request.query_param("next").value_or("/"));
  if (request.query_param("signed_out")) {
    f.notice =
        Html::trusted("<p class=\"govuk-notification-banner__heading\">You have signed out</p>");
    f.success_notice = true;
  }
  return render(parts, f, 200);
}

web::Response sign_in(const web::Request& request, const PagesParts& parts) {
  const Form form = Form::parse(request.body);
  SignInForm f;
  f.username = form.get("username");
  f.next = safe_next(form.get("next"));
  const std::string password = form.all("password").empty() ? "" : form.all("password").front();
  const auto cookie_token = request.cookie(kSignInCookie);
  const std::string presented = form.get("signin_token");
  const bool token_ok =
      cookie_token && !presented.empty() && web::equal_in_constant_time(*cookie_token, presented);
  f.token = new_token();
  if (!token_ok) {
    f.summary.push_back(
        {"#username", "The sign-in form expired. Enter your user name and password again"});
    return render(parts, f, 403);
  }
  if (f.username.empty()) {
    f.username_error = "Enter your user name";
    f.summary.push_back({"#username", f.username_error});
  }
  if (password.empty()) {
    f.password_error = "Enter your password";
    f.summary.push_back({"#password", f.password_error});
  }
  if (!f.summary.empty()) return render(parts, f, 400);

  const ApiClient api(parts.api, request, "");
  const ApiReply reply =
      api.send("POST", "/api/v1/session", {{"username", f.username}, {"password", password}});
  if (reply.ok()) {
    // Signing in lands on My work, unless it was to go back somewhere.
    web::Response r = redirect(f.next == "/" ? "/my-work" : f.next);
    for (const auto& [name, value] : reply.headers) {
      if (name == "Set-Cookie") r.headers.emplace_back(name, value);
    }
    r.headers.emplace_back(
        "Set-Cookie",
        std::string(kSignInCookie) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
    r.log_user = f.username;
    return r;
  }
  if (reply.status == 429) {
    long minutes = 15;
    for (const auto& [name, value] : reply.headers) {
      if (name == "Retry-After") minutes = std::max(1L, std::atol(value.c_str()) / 60);
    }
    f.summary.push_back({"#username",
                         "There have been too many failed sign-ins from your network. Try again "
                         "in " +
                             std::to_string(minutes) + " minutes"});
    return render(parts, f, 429);
  }
  // Wrong name, wrong password, a locked and a disabled account look the same.
  f.password_error =
      "The user name or password is wrong, or the account is locked. Check them and try again";
  f.summary.push_back({"#password", f.password_error});
  return render(parts, f, 401);
}

web::Response sign_out(const Visit& v) {
  const ApiReply reply = v.api.send("DELETE", "/api/v1/session", nullptr);
  web::Response r = redirect("/sign-in?signed_out=1");
  for (const auto& [name, value] : reply.headers) {
    if (name == "Set-Cookie") r.headers.emplace_back(name, value);
  }
  return r;
}

}  // namespace sightline::pages
