#include "pages/layout.h"

#include <array>

#include "core/clock.h"
#include "core/date.h"
#include "pages/components.h"
#include "pages/event_text.h"
#include "web/dashboard_api.h"

namespace sightline::pages {
namespace {

constexpr const char* kPageSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

Html account_bar(const web::SessionInfo& session, const std::string& frame_agency) {
  const web::Account& a = session.account;
  return Html::trusted("<div class=\"app-account\"><span>Signed in as <strong>" +
                       escape(a.username) + "</strong> (" +
                       escape(role_at(web::to_string(a.role),
                                      frame_agency.empty() ? a.agency : frame_agency)) +
                       ")</span><form class=\"app-account__sign-out\" method=\"post\" "
                       "action=\"/sign-out\" novalidate>") +
         csrf_field(session) +
         Html::trusted(
             "<button type=\"submit\" class=\"app-link-button\">Sign out</button>"
             "</form></div>");
}

Html navigation(const PageFrame& frame) {
  if (frame.session == nullptr) return service_navigation({});
  std::vector<NavigationItem> items = {{"/my-work", "My work"},
                                       {"/children", "Find a child"},
                                       {"/transfers", "Transfers"},
                                       {"/", "Home"}};
  // The partnership dashboard, for the roles that may see it.
  if (web::sees_dashboard(frame.session->account.role)) {
    items.insert(items.end() - 1, NavigationItem{"/dashboard", "Dashboard"});
  }
  for (NavigationItem& item : items) item.active = item.href == frame.active_nav;
  return service_navigation(items, account_bar(*frame.session, frame.agency_name));
}

Html footer() {
  return Html::trusted(
      "<footer class=\"govuk-footer\"><div class=\"govuk-width-container\"><div "
      "class=\"govuk-footer__meta\"><div class=\"govuk-footer__meta-item "
      "govuk-footer__meta-item--grow\"><h2 class=\"govuk-visually-hidden\">Support links</h2>"
      "<ul class=\"govuk-footer__inline-list\"><li class=\"govuk-footer__inline-list-item\">"
      "<a class=\"govuk-footer__link\" href=\"/accessibility\">Accessibility statement</a></li>"
      "</ul><p class=\"govuk-body-s\">Sightline keeps every child in sight across agencies. "
      "Every look at a child's record is audited.</p></div></div></div></footer>");
}

}  // namespace

web::Response render_page(const StaticAssets& assets, const PageFrame& frame, const Html& content,
                          int status) {
  std::string title = frame.has_errors ? "Error: " : "";
  title += frame.title;
  title += " \u2013 ";
  title += kServiceName;
  std::string body;
  body.reserve(content.str().size() + 4096);
  body +=
      "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\"><head><meta "
      "charset=\"utf-8\"><title>" +
      escape(title) +
      "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1, "
      "viewport-fit=cover\"><meta name=\"theme-color\" content=\"#0b0c0c\"><link rel=\"icon\" "
      "sizes=\"any\" type=\"image/svg+xml\" href=\"" +
      escape(assets.url("favicon.svg")) + "\"><link rel=\"stylesheet\" href=\"" +
      escape(assets.url("sightline.css")) + "\"><script type=\"module\" src=\"" +
      escape(assets.url("init.js")) + "\"></script></head><body class=\"govuk-template__body\">" +
      skip_link().str() + "<header class=\"govuk-template__header\">" +
      generic_header(kServiceName, "/").str() + navigation(frame).str() +
      "</header><div class=\"govuk-width-container\">" + frame.before_main.str() +
      "<main class=\"govuk-main-wrapper\" id=\"main-content\">" + content.str() + "</main></div>" +
      footer().str() + "</body></html>\n";
  web::Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  r.headers.emplace_back("Content-Security-Policy", kPageSecurityPolicy);
  if (frame.session != nullptr) r.log_user = frame.session->account.username;
  return r;
}

web::Response redirect(std::string_view location) {
  web::Response r;
  r.status = 303;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.emplace_back("Location", std::string(location));
  return r;
}

Html csrf_field(const web::SessionInfo& session) {
  return Html::trusted("<input type=\"hidden\" name=\"csrf_token\" value=\"" +
                       escape(session.csrf_token) + "\">");
}

std::string display_date(std::string_view iso) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const auto date = Date::parse(iso.substr(0, 10));
  if (!date) return std::string(iso);
  std::string out = std::to_string(date->day()) + " " + kMonths[date->month() - 1] + " " +
                    std::to_string(date->year());
  if (iso.size() >= 16 && iso[10] == 'T') out += " at " + std::string(iso.substr(11, 5));
  return out;
}

}  // namespace sightline::pages

namespace sightline::pages {

std::string display_utc_as_local(std::string_view utc) {
  std::string_view t = utc;
  if (!t.empty() && t.back() == 'Z') t.remove_suffix(1);
  const auto parsed = Timestamp::parse(t);
  if (!parsed) return std::string(utc);
  return display_date(SystemClock::uk_local_time(parsed->instant()).to_string());
}

std::string role_at(std::string_view role, std::string_view agency_name) {
  return code_label(role) + ", " + std::string(agency_name);
}

}  // namespace sightline::pages
