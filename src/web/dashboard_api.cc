#include "web/dashboard_api.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "core/areas.h"
#include "core/date.h"
#include "web/api_error.h"

namespace sightline::web {
namespace {

using nlohmann::json;

constexpr std::string_view kAllAreas = "all";

// "YYYY-MM" of a date.
std::string month_text(Date d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", d.year(), d.month());
  return buffer;
}

// The `count` months ending with `last` ("YYYY-MM"), oldest first.
std::vector<std::string> months_ending(const std::string& last, int count) {
  const auto end = Date::parse(last + "-01");
  if (!end) return {};
  std::vector<std::string> out;
  for (int back = count - 1; back >= 0; --back) out.push_back(month_text(end->plus_months(-back)));
  return out;
}

// The area asked for: "all", or a GSS code; nullopt when malformed.
std::optional<std::string> area_param(const Request& request, const std::string& fallback) {
  const auto given = request.query_param("area");
  if (!given || given->empty()) return fallback;
  if (*given == kAllAreas || looks_like_gss_code(*given)) return *given;
  return std::nullopt;
}

std::string area_label(const std::string& area) {
  if (area == kAllAreas) return "All areas";
  const LocalAuthorityArea* a = find_area(area);
  return a != nullptr ? a->name : area;
}

json month_json(const FigureDefinition& figure, const std::string& month, std::int64_t numerator,
                std::int64_t denominator) {
  if (!figure.share()) return {{"month", month}, {"count", numerator}};
  return {
      {"month", month},
      {"numerator", numerator},
      {"denominator", denominator},
      {"percent", denominator > 0 ? json(percent_text(numerator, denominator)) : json(nullptr)}};
}

Response refuse_role() {
  return error_response(ErrorCode::kForbidden,
                        "the dashboard is for partnership analysts, managers and safeguarding "
                        "leads");
}

}  // namespace

bool sees_dashboard(Role role) {
  return role == Role::kPartnershipAnalyst || role == Role::kManager ||
         role == Role::kSafeguardingLead;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

Response DashboardApi::summary(const Request& request, const SessionInfo& session) const {
  const Account& account = session.account;
  if (!sees_dashboard(account.role)) return refuse_role();
  std::string fallback = figures.agency_area(account.agency);
  if (fallback.empty()) fallback = kAllAreas;
  const auto area = area_param(request, fallback);
  if (!area) return error_response(ErrorCode::kBadRequest, "area: expected a GSS code or all");

  std::map<std::string, std::string> areas;  // every area any figure counts in: code -> name
  json list = json::array();
  for (const FigureDefinition& figure : figure_definitions()) {
    const std::vector<FigureRow> rows = figures.rows(figure.id);
    std::string last;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_month;
    for (const FigureRow& r : rows) {
      areas.emplace(r.area, r.area_name);
      last = std::max(last, r.month);
      if (*area != kAllAreas && r.area != *area) continue;
      auto& [numerator, denominator] = by_month[r.month];
      numerator += r.numerator;
      denominator += r.denominator;
    }
    json months = json::array();
    for (const std::string& month : months_ending(last, kDashboardMonths)) {
      const auto it = by_month.find(month);
      months.push_back(month_json(figure, month, it == by_month.end() ? 0 : it->second.first,
                                  it == by_month.end() ? 0 : it->second.second));
    }
    list.push_back({{"id", std::string(figure.id)},
                    {"finding", std::string(figure.finding)},
                    {"rule", std::string(figure.rule)},
                    {"title", std::string(figure.title)},
                    {"kind", figure.share() ? "share" : "count"},
                    {"counted", std::string(figure.counted)},
                    {"of", figure.share() ? json(std::string(figure.of)) : json(nullptr)},
                    {"months", months},
                    {"csv", "/api/v1/dashboard/" + std::string(figure.id) + ".csv?area=" + *area}});
  }
  json area_list = json::array();
  for (const auto& [code, name] : areas) area_list.push_back({{"code", code}, {"name", name}});
  audit.append({account.username, std::string(to_string(account.role)), account.agency,
                "dashboard.read", "", "", "area " + *area + "; from " + request.remote});
  return json_response(200, json{{"area", *area},
                                 {"area_name", area_label(*area)},
                                 {"areas", area_list},
                                 {"figures", list}}
                                .dump());
}

Response DashboardApi::csv(const Request& request, const std::string& file,
                           const SessionInfo& session) const {
  const Account& account = session.account;
  if (!sees_dashboard(account.role)) return refuse_role();
  constexpr std::string_view kSuffix = ".csv";
  const FigureDefinition* figure =
      file.ends_with(kSuffix) ? find_figure(file.substr(0, file.size() - kSuffix.size())) : nullptr;
  if (figure == nullptr) return error_response(ErrorCode::kNotFound, "no such figure");
  const auto area = area_param(request, std::string(kAllAreas));
  if (!area) return error_response(ErrorCode::kBadRequest, "area: expected a GSS code or all");

  std::string body = "area_code,area_name,month,numerator,denominator,percent\r\n";
  for (const FigureRow& r : figures.rows(figure->id)) {
    if (*area != kAllAreas && r.area != *area) continue;
    body += csv_field(r.area) + ',' + csv_field(r.area_name) + ',' + r.month + ',' +
            std::to_string(r.numerator) + ',' +
            (figure->share()
                 ? std::to_string(r.denominator) + ',' + percent_text(r.numerator, r.denominator)
                 : std::string(",")) +
            "\r\n";
  }
  audit.append(
      {account.username, std::string(to_string(account.role)), account.agency, "dashboard.csv", "",
       "", "figure " + std::string(figure->id) + "; area " + *area + "; from " + request.remote});
  Response r;
  r.status = 200;
  r.content_type = "text/csv; charset=utf-8; header=present";
  r.body = std::move(body);
  r.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"" + std::string(figure->id) + "-" + *area + ".csv\"");
  return r;
}

}  // namespace sightline::web
