#include "pages/pages.h"

#include <functional>

#include "pages/child_access.h"
#include "pages/components.h"
#include "pages/event_text.h"
#include "pages/layout.h"
#include "pages/visit.h"

namespace sightline::pages {
namespace {

using PageHandler = std::function<web::Response(const Visit&)>;

std::optional<web::SessionInfo> session_of(const web::Request& request, web::Accounts& accounts) {
  const auto token = request.cookie(web::kSessionCookie);
  if (!token) return std::nullopt;
  return accounts.authenticate(*token);
}

web::Response expired_form(const PagesParts& parts, const web::SessionInfo& session) {
  PageFrame frame{.title = "This form has expired",
                  .session = &session,
                  .agency_name = session_agency_name(parts, session)};
  return render_page(parts.assets, frame,
                     Html::trusted("<h1 class=\"govuk-heading-l\">This form has expired</h1><p "
                                   "class=\"govuk-body\">Nothing was saved. Go back, reload the "
                                   "page and try again.</p>"),
                     403);
}

}  // namespace

std::string session_agency_name(const PagesParts& parts, const web::SessionInfo& session) {
  return agency_name(agency_list(parts)->names, session.account.agency);
}

PageFrame Visit::frame(std::string title, std::string active_nav) const {
  return PageFrame{.title = std::move(title),
                   .session = &session,
                   .active_nav = std::move(active_nav),
                   .agency_name = session_agency_name(parts, session)};
}

web::Response Visit::page(const PageFrame& f, const Html& content, int status) const {
  if (!f.agency_name.empty()) return render_page(parts.assets, f, content, status);
  PageFrame named = f;
  named.agency_name = session_agency_name(parts, session);
  return render_page(parts.assets, named, content, status);
}

Pages::Pages(PagesParts parts)
    : agencies_(std::make_unique<AgencyDirectory>(parts.store)), parts_(parts) {
  parts_.agencies = agencies_.get();
  // A page that needs a session: signs in first when there is none, and
  // refuses a POST whose form does not carry the session's CSRF token.
  const auto signed_in = [this](PageHandler handler) -> web::RouteHandler {
    return [this, handler = std::move(handler)](const web::Request& request,
                                                const web::PathParams& params) {
      const auto session = session_of(request, parts_.accounts);
      if (!session) {
        if (request.method != "GET") return redirect("/sign-in");
        const std::string back = request.target;
        return redirect(back == "/" ? "/sign-in" : "/sign-in?next=" + url_encode(back));
      }
      Form form;
      if (request.method == "POST") {
        form = Form::parse(request.body);
        const std::string presented = form.get("csrf_token");
        if (presented.empty() ||
            !web::Accounts::csrf_matches(*request.cookie(web::kSessionCookie), presented)) {
          return expired_form(parts_, *session);
        }
      }
      const ApiClient api(parts_.api, request, session->csrf_token);
      const Visit visit{request, params, *session, form, api, parts_};
      web::Response r = handler(visit);
      if (r.log_user.empty()) r.log_user = session->account.username;
      return r;
    };
  };
  router_.add("GET", "/sign-in", [this](const web::Request& r, const web::PathParams&) {
    return sign_in_page(r, parts_);
  });
  router_.add("POST", "/sign-in",
              [this](const web::Request& r, const web::PathParams&) { return sign_in(r, parts_); });
  router_.add("GET", "/accessibility", [this](const web::Request& r, const web::PathParams&) {
    const auto session = session_of(r, parts_.accounts);
    return accessibility_page(r, parts_, session ? &*session : nullptr);
  });
  router_.add("POST", "/sign-out", signed_in(sign_out));
  router_.add("GET", "/", signed_in(start_page));
  router_.add("GET", "/my-work", signed_in(my_work_page));
  router_.add("POST", "/my-work/alerts/{id}/acknowledge", signed_in(acknowledge_alert));
  router_.add("GET", "/transfers", signed_in(transfers_page));
  router_.add("GET", "/dashboard", signed_in(dashboard_page));
  router_.add("GET", "/children", signed_in(find_child_page));
  router_.add("GET", "/children/{id}", signed_in(child_page));
  router_.add("GET", "/children/{id}/chronology", signed_in(chronology_page));
  router_.add("POST", "/children/{id}/break-glass", signed_in(break_glass));
  router_.add("GET", "/children/{id}/audit", signed_in(who_looked_page));
  for (const char* method : {"GET", "POST"}) {
    router_.add(method, "/children/{id}/record/contact", signed_in(record_contact));
    router_.add(method, "/children/{id}/record/referral", signed_in(record_referral));
    router_.add(method, "/children/{id}/record/referral-outcome",
                signed_in(record_referral_outcome));
    router_.add(method, "/children/{id}/record/strategy-discussion",
                signed_in(record_strategy_discussion));
    router_.add(method, "/children/{id}/record/transfer", signed_in(record_transfer));
    router_.add(method, "/children/{id}/record/case-closed", signed_in(record_closure));
    const std::pair<const char*, PageHandler> forms[] = {
        {"assessment", record_assessment},
        {"assessment-outcome", record_assessment_outcome},
        {"appointment", record_appointment},
        {"address", record_address},
        {"whereabouts-unknown", record_whereabouts_unknown},
        {"found", record_found},
        {"missing", record_missing},
        {"indicator", record_indicator},
        {"options-review", record_options_review},
        {"conference", record_conference},
        {"plan-start", record_plan_start},
        {"plan-end", record_plan_end},
        {"notification", record_notification},
        {"transfer-seen", record_transfer_seen},
        {"allocation", record_allocation},
    };
    for (const auto& [form, handler] : forms) {
      router_.add(method, std::string("/children/{id}/record/") + form, signed_in(handler));
    }
    router_.add(method, "/children/{id}/transfers/{transfer}/accept", signed_in(accept_transfer));
    router_.add(method, "/children/{id}/transfers/{transfer}/decline", signed_in(decline_transfer));
  }
}

web::Response Pages::handle(const web::Request& request) const {
  web::Response r = router_.route(request);
  if (r.status == 404 && r.content_type == "application/json") {
    const auto session = session_of(request, parts_.accounts);
    return not_found_page(parts_, session ? &*session : nullptr);
  }
  if (r.status == 405 && r.content_type == "application/json") {
    r.content_type = "text/plain; charset=utf-8";
    r.body = "Method not allowed\n";
  }
  return r;
}

}  // namespace sightline::pages
