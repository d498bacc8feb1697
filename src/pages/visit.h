// What a page handler is given, and the handlers themselves (one file each).
// Internal to the pages module.
#pragma once

#include <string>

#include "pages/api_client.h"
#include "pages/form.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "web/router.h"

namespace sightline::pages {

// One request to a page by a signed-in user.
struct Visit {
  const web::Request& request;
  const web::PathParams& params;
  const web::SessionInfo& session;
  const Form& form;  // the POSTed form; empty for a GET
  const ApiClient& api;
  const PagesParts& parts;

  // The page frame for this user, titled `title`.
  PageFrame frame(std::string title, std::string active_nav = "") const;
  // The page, its frame naming the user's agency by name whatever frame it
  // was given.
  web::Response page(const PageFrame& frame, const Html& content, int status = 200) const;
};

// The name of the signed-in user's agency, for the account bar: never its id
// while the directory knows it.
std::string session_agency_name(const PagesParts& parts, const web::SessionInfo& session);

// Pages anyone may see.
web::Response sign_in_page(const web::Request& request, const PagesParts& parts);
web::Response sign_in(const web::Request& request, const PagesParts& parts);
web::Response accessibility_page(const web::Request& request, const PagesParts& parts,
                                 const web::SessionInfo* session);
web::Response not_found_page(const PagesParts& parts, const web::SessionInfo* session);

// Pages for a signed-in user.
web::Response sign_out(const Visit& v);
web::Response start_page(const Visit& v);
web::Response my_work_page(const Visit& v);
web::Response acknowledge_alert(const Visit& v);
web::Response transfers_page(const Visit& v);
web::Response dashboard_page(const Visit& v);
web::Response find_child_page(const Visit& v);
web::Response child_page(const Visit& v);
web::Response chronology_page(const Visit& v);
web::Response break_glass(const Visit& v);
web::Response who_looked_page(const Visit& v);
web::Response record_contact(const Visit& v);
web::Response record_referral(const Visit& v);
web::Response record_referral_outcome(const Visit& v);
web::Response record_strategy_discussion(const Visit& v);
web::Response record_transfer(const Visit& v);
web::Response record_closure(const Visit& v);
web::Response record_assessment(const Visit& v);
web::Response record_assessment_outcome(const Visit& v);
web::Response record_appointment(const Visit& v);
web::Response record_address(const Visit& v);
web::Response record_whereabouts_unknown(const Visit& v);
web::Response record_found(const Visit& v);
web::Response record_missing(const Visit& v);
web::Response record_indicator(const Visit& v);
web::Response record_options_review(const Visit& v);
web::Response record_conference(const Visit& v);
web::Response record_plan_start(const Visit& v);
web::Response record_plan_end(const Visit& v);
web::Response record_notification(const Visit& v);
web::Response record_allocation(const Visit& v);
web::Response accept_transfer(const Visit& v);
web::Response decline_transfer(const Visit& v);
web::Response record_transfer_seen(const Visit& v);

}  // namespace sightline::pages
