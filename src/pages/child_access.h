// Reaching a child's record from a page: the child's summary as the API
// gives it, or, when the API refuses, the page to show instead. A refusal for
// want of a relationship shows the break-glass page, where the user may give
// a reason and see the record; that page looks the same whether or not the
// child exists, as the API's refusal does.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "pages/agency_directory.h"
#include "pages/event_text.h"
#include "pages/visit.h"

namespace sightline::pages {

// The summary (GET /api/v1/children/{id}), or the response to send instead.
std::variant<nlohmann::json, web::Response> fetch_child(const Visit& v, const std::string& child);

// The break-glass page for `child`, with the reason typed so far and an
// error message for it (empty when none).
web::Response break_glass_page(const Visit& v, const std::string& child, const std::string& reason,
                               const std::string& error, int status);

// The agencies from the reference data (not a child's record): in name
// order, and their names by id. Read through the pages' AgencyDirectory, so
// not from the store at each request; hold the list while it is used.
std::shared_ptr<const AgencyList> agency_list(const PagesParts& parts);

// "/children/ID".
std::string child_path(const std::string& child);

}  // namespace sightline::pages
