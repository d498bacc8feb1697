// The partnership dashboard: for one area (or all), each figure of
// GET /api/v1/dashboard with the finding it guards, the latest month's
// figure, a bar chart of the last 12 months drawn as SVG by the server, the
// same numbers as a table, and a link to download the figure as CSV. An area
// filter is a GET form, so it works without JavaScript. Aggregates only: the
// API names no child, and neither does this page.
#include <array>

#include "pages/bar_chart.h"
#include "pages/components.h"
#include "pages/layout.h"
#include "pages/rule_text.h"
#include "pages/visit.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

std::int64_t num(const json& j, const char* field) {
  if (!j.is_object() || !j.contains(field) || !j[field].is_number_integer()) return 0;
  return j[field].get<std::int64_t>();
}

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// "November 2026" and "Nov 26" for "2026-11".
std::string month_long(const std::string& month) {
  if (month.size() != 7) return month;
  const int m = std::stoi(month.substr(5, 2));
  return m >= 1 && m <= 12 ? std::string(kMonthNames[m - 1]) + " " + month.substr(0, 4) : month;
}
std::string month_short(const std::string& month) {
  if (month.size() != 7) return month;
  const int m = std::stoi(month.substr(5, 2));
  return m >= 1 && m <= 12 ? std::string(kMonthNames[m - 1]).substr(0, 3) + " " + month.substr(2, 2)
                           : month;
}

// "66.7%", "no cases" or "4".
std::string value_text(const json& month, bool share) {
  if (!share) return std::to_string(num(month, "count"));
  const std::string percent = text_field(month, "percent");
  return percent.empty() ? "no cases" : percent + "%";
}

Html area_filter(const json& body) {
  const std::string area = text_field(body, "area");
  std::vector<SelectItem> items = {{"all", "All areas", area == "all"}};
  for (const json& a : body.value("areas", json::array())) {
    items.push_back({text_field(a, "code"),
                     text_field(a, "name") + " (" + text_field(a, "code") + ")",
                     text_field(a, "code") == area});
  }
  return Html::trusted(
             "<form method=\"get\" action=\"/dashboard\" novalidate class=\"govuk-!-margin-bottom-"
             "6\">") +
         select({.id = "area",
                 .name = "area",
                 .label = {.text = "Area", .classes = "govuk-label--s"},
                 .items = items,
                 .hint = "Local-authority area the figures count in"}) +
         button({.text = "Show figures", .classes = "govuk-button--secondary"}) +
         Html::trusted("</form>");
}

Html figure_section(const json& f, const std::string& area_name) {
  const std::string id = text_field(f, "id");
  const std::string title = text_field(f, "title");
  const bool share = text_field(f, "kind") == "share";
  const json months = f.value("months", json::array());
  Html out =
      Html::trusted("<section class=\"app-figure\" aria-labelledby=\"" + escape(id) +
                    "-heading\"><span class=\"govuk-caption-m\">") +
      text(findings_text(text_field(f, "finding"))) +
      Html::trusted("</span><h2 class=\"govuk-heading-m\" id=\"" + escape(id) + "-heading\">") +
      text(title) + Html::trusted("</h2>");
  if (const RuleText* rule = rule_text(text_field(f, "rule")); rule != nullptr) {
    out += Html::trusted("<p class=\"govuk-body-s\">Guarded by the safeguard \u2018") +
           text(rule->title) + Html::trusted("\u2019: ") + text(rule->meaning) +
           Html::trusted("</p>");
  }
  if (months.empty()) {
    out += Html::trusted("<p class=\"govuk-body\">Nothing to count yet.</p></section>");
    return out;
  }
  const json& latest = months.back();
  const std::string latest_month = month_long(text_field(latest, "month"));
  out +=
      Html::trusted("<p class=\"govuk-body-l\" id=\"" + escape(id) + "-latest\"><strong>") +
      text(value_text(latest, share)) + Html::trusted("</strong> ") +
      text(share ? "in " + latest_month + " (" + std::to_string(num(latest, "numerator")) + " of " +
                       std::to_string(num(latest, "denominator")) + " " + text_field(f, "of") + ")"
                 : "in " + latest_month + ": " + text_field(f, "counted")) +
      Html::trusted("</p>");

  BarChartOptions chart{.id = "chart-" + id,
                        .title = title + ", " + area_name + ", by month",
                        .description = {},
                        .bars = {},
                        .max = share ? 100.0 : 0.0,
                        .unit_suffix = share ? "%" : ""};
  std::string description;
  TableOptions t{.caption = title + ", " + area_name,
                 .caption_classes = "govuk-visually-hidden",
                 .head = share ? std::vector<TableCell>{{text("Month")},
                                                        {text(text_field(f, "counted")), true},
                                                        {text(text_field(f, "of")), true},
                                                        {text("Percentage"), true}}
                               : std::vector<TableCell>{{text("Month")},
                                                        {text(text_field(f, "counted")), true}}};
  for (const json& m : months) {
    const std::string month = text_field(m, "month");
    const std::string value = value_text(m, share);
    const bool has_value = !share || !text_field(m, "percent").empty();
    chart.bars.push_back({month_short(month),
                          has_value ? std::stod(share ? text_field(m, "percent") : value) : 0.0,
                          has_value ? value : ""});
    if (!description.empty()) description += "; ";
    description += month_long(month) + ": " + value;
    std::vector<TableCell> row = {{text(month_long(month))}};
    if (share) {
      row.push_back({text(std::to_string(num(m, "numerator"))), true});
      row.push_back({text(std::to_string(num(m, "denominator"))), true});
      row.push_back({text(has_value ? value : "\u2013"), true});
    } else {
      row.push_back({text(value), true});
    }
    t.rows.push_back(std::move(row));
  }
  chart.description = "Bar chart. " + description + ".";
  out += bar_chart(chart);
  out += details("Show the figures as a table", table(t));
  out += Html::trusted("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"") +
         text(text_field(f, "csv")) +
         Html::trusted("\" download>Download CSV<span class=\"govuk-visually-hidden\"> of ") +
         text(title) + Html::trusted(" (every month)</span></a></p></section>");
  return out;
}

}  // namespace

web::Response dashboard_page(const Visit& v) {
  Html content = Html::trusted("<h1 class=\"govuk-heading-l\">Partnership dashboard</h1>");
  const auto area = v.request.query_param("area");
  const ApiReply reply =
      v.api.get("/api/v1/dashboard", area ? "area=" + url_encode(*area) : std::string());
  if (!reply.ok()) {
    content +=
        Html::trusted("<p class=\"govuk-body\">") +
        text(reply.status == 403
                 ? "The dashboard is for partnership analysts, managers and safeguarding "
                   "leads."
             : reply.status == 400 ? "Choose an area from the list."
                                   : "The figures could not be read: " + reply.error_message()) +
        Html::trusted("</p>");
    if (reply.status == 400)
      content += Html::trusted(
          "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/dashboard\">Show the figures "
          "for your area</a></p>");
    return v.page(v.frame("Partnership dashboard", "/dashboard"), content,
                  reply.status == 403   ? 403
                  : reply.status == 400 ? 400
                                        : 500);
  }
  const std::string area_name = text_field(reply.body, "area_name");
  content += Html::trusted("<p class=\"govuk-body\">") +
             text("Figures for " + area_name +
                  ", by calendar month, from the safeguards' alerts and the events recorded. A "
                  "case counts in the child's area on the day, else in the area of the agency "
                  "responsible. No child is named here.") +
             Html::trusted("</p>");
  content += area_filter(reply.body);
  for (const json& f : reply.body.value("figures", json::array())) {
    content += figure_section(f, area_name);
  }
  return v.page(v.frame("Partnership dashboard", "/dashboard"), content);
}

}  // namespace sightline::pages
