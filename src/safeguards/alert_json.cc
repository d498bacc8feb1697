#include "safeguards/alert_json.h"

#include <algorithm>
#include <iomanip>

#include "core/json_string.h"

namespace sightline::safeguards {

namespace {

void append_strings(std::string& out, const std::vector<std::string>& list) {
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, list[i]);
  }
  out += ']';
}

void append_date(std::string& out, const std::optional<Date>& d) {
  if (d) {
    out += '"';
    out += d->to_string();
    out += '"';
  } else {
    out += "null";
  }
}

}  // namespace

void append_alert_json(std::string& out, const Alert& a) {
  out += "{\"rule\":";
  append_json_string(out, a.rule);
  out += ",\"child\":";
  append_json_string(out, a.child);
  out += ",\"owner\":";
  append_json_string(out, a.owner);
  out += ",\"raised\":";
  append_date(out, a.raised);
  out += ",\"due\":";
  append_date(out, a.due);
  out += ",\"level\":";
  append_json_string(out, to_string(a.level));
  out += ",\"escalations\":[";
  for (std::size_t i = 0; i < a.escalations.size(); ++i) {
    if (i) out += ',';
    out += "{\"level\":";
    append_json_string(out, to_string(a.escalations[i].level));
    out += ",\"at\":";
    append_date(out, a.escalations[i].at);
    out += '}';
  }
  out += "],\"resolved\":";
  append_date(out, a.resolved);
  out += ",\"resolved_by\":";
  if (const auto* id = std::get_if<std::string>(&a.resolved_by)) {
    append_json_string(out, *id);
  } else if (const auto* line = std::get_if<std::int64_t>(&a.resolved_by)) {
    out += std::to_string(*line);
  } else {
    out += "null";
  }
  out += ",\"finding\":";
  if (a.finding.empty()) {
    out += "null";
  } else {
    append_json_string(out, a.finding);
  }
  out += ",\"source\":";
  append_json_string(out, a.source);
  if (!a.missing.empty()) {
    out += ",\"missing\":";
    append_strings(out, a.missing);
  }
  if (!a.routes.empty()) {
    out += ",\"routes\":";
    append_strings(out, a.routes);
  }
  if (!a.reasons.empty()) {
    out += ",\"reasons\":";
    append_strings(out, a.reasons);
  }
  if (!a.severity.empty()) {
    out += ",\"severity\":";
    append_json_string(out, a.severity);
  }
  out += '}';
}

std::string alert_json(const Alert& a) {
  std::string out;
  append_alert_json(out, a);
  return out;
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
