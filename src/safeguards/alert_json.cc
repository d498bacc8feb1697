#include "safeguards/alert_json.h"

#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>

namespace sightline::safeguards {

std::string alert_json(const Alert& a) {
  nlohmann::ordered_json j;
  j["rule"] = a.rule;
  j["child"] = a.child;
  j["owner"] = a.owner;
  j["raised"] = a.raised.to_string();
  j["due"] = a.due ? nlohmann::ordered_json(a.due->to_string()) : nlohmann::ordered_json(nullptr);
  j["level"] = std::string(to_string(a.level));
  j["escalations"] = nlohmann::ordered_json::array();
  for (const Escalation& e : a.escalations) {
    j["escalations"].push_back(
        {{"level", std::string(to_string(e.level))}, {"at", e.at.to_string()}});
  }
  j["resolved"] = a.resolved ? nlohmann::ordered_json(a.resolved->to_string())
                             : nlohmann::ordered_json(nullptr);
  if (const auto* id = std::get_if<std::string>(&a.resolved_by)) {
    j["resolved_by"] = *id;
  } else if (const auto* line = std::get_if<std::int64_t>(&a.resolved_by)) {
    j["resolved_by"] = *line;
  } else {
    j["resolved_by"] = nullptr;
  }
  j["finding"] =
      a.finding.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.finding);
  j["source"] = a.source;
  if (!a.missing.empty()) j["missing"] = a.missing;
  if (!a.routes.empty()) j["routes"] = a.routes;
  if (!a.reasons.empty()) j["reasons"] = a.reasons;
  if (!a.severity.empty()) j["severity"] = a.severity;
  return j.dump();
}

namespace {

std::string resolved_text(const Alert& a) {
  if (!a.resolved) return "open";
  std::string by;
  if (const auto* id = std::get_if<std::string>(&a.resolved_by)) by = *id;
  if (const auto* line = std::get_if<std::int64_t>(&a.resolved_by))
    by = "line " + std::to_string(*line);
  return a.resolved->to_string() + (by.empty() ? "" : " by " + by);
}

}  // namespace

void print_alert_table(std::ostream& out, const std::vector<Alert>& alerts) {
  std::size_t rule_w = 4, child_w = 5, owner_w = 5;
  for (const Alert& a : alerts) {
    rule_w = std::max(rule_w, a.rule.size());
    child_w = std::max(child_w, a.child.size());
    owner_w = std::max(owner_w, a.owner.size());
  }
  const auto row = [&](std::string_view raised, std::string_view rule, std::string_view child,
                       std::string_view owner, std::string_view due, std::string_view level,
                       std::string_view finding, std::string_view resolved) {
    out << std::left << std::setw(10) << raised << "  " << std::setw(static_cast<int>(rule_w))
        << rule << "  " << std::setw(static_cast<int>(child_w)) << child << "  "
        << std::setw(static_cast<int>(owner_w)) << owner << "  " << std::setw(10) << due << "  "
        << std::setw(17) << level << "  " << std::setw(7) << finding << "  " << resolved << "\n";
  };
  row("raised", "rule", "child", "owner", "due", "level", "finding", "resolved");
  for (const Alert& a : alerts) {
    std::string level(to_string(a.level));
    if (!a.severity.empty()) level += " (" + a.severity + ")";
    row(a.raised.to_string(), a.rule, a.child, a.owner, a.due ? a.due->to_string() : "-", level,
        a.finding.empty() ? "-" : a.finding, resolved_text(a));
  }
  out << alerts.size() << " alert" << (alerts.size() == 1 ? "" : "s") << ", "
      << std::count_if(alerts.begin(), alerts.end(), [](const Alert& a) { return a.open(); })
      << " open.\n";
}

void print_notice_table(std::ostream& out, const std::vector<Notice>& notices) {
  for (const Notice& n : notices) {
    out << n.at.to_string() << "  notice to " << n.to << " about " << n.child << " (" << n.rule
        << "): " << n.text << "\n";
  }
}

}  // namespace sightline::safeguards
