#include "cli/finding_report.h"

#include <array>
#include <string>
#include <string_view>
#include <variant>

namespace sightline::cli {
namespace {

struct Finding {
  std::string_view code;
  std::string_view headline;  // the review's finding, shortened
};

// The eight findings of the review (section 4.3), in its words where short.
constexpr std::array<Finding, 8> kFindings = {{
    {"F1",
     "Housing and benefits law for foreign nationals leaves professionals ill-equipped to "
     "explore every option open to a family"},
    {"F2", "Homeless pregnant women are not assessed where housing is deemed the primary problem"},
    {"F3", "No single system passes GP registrations to health visitors"},
    {"F4", "Strategy discussions diluted to a telephone call between police and social care"},
    {"F5", "Over-focus on physical signs of neglect such as weight"},
    {"F6",
     "Risk judged from the parent's intentions, not the child's experience: destitution and "
     "transience not seen as safeguarding"},
    {"F7",
     "An incomplete assessment at transfer describes a child as 'in need' rather than 'in "
     "need of protection'"},
    {"F8", "Weak health-visiting handovers lose avoidant families when they move"},
}};

bool has_finding(const safeguards::Alert& alert, std::string_view code) {
  const std::string_view f = alert.finding;
  for (std::size_t pos = f.find(code); pos != std::string_view::npos; pos = f.find(code, pos + 1)) {
    const std::size_t end = pos + code.size();
    if (end == f.size() || f[end] == ',' || f[end] == ' ') return true;
  }
  return false;
}

// "practitioner -> manager 2013-01-08 -> ...": the level it was raised at,
// then each step it took.
std::string escalation_path(const safeguards::Alert& alert) {
  using safeguards::Level;
  const Level raised_at =
      alert.escalations.empty()
          ? alert.level
          : static_cast<Level>(static_cast<int>(alert.escalations.front().level) - 1);
  std::string path(safeguards::to_string(raised_at));
  for (const auto& step : alert.escalations) {
    path += " -> " + std::string(safeguards::to_string(step.level)) + " " + step.at.to_string();
  }
  return path;
}

}  // namespace

void print_finding_report(std::ostream& out, const std::vector<safeguards::Alert>& alerts) {
  for (const Finding& finding : kFindings) {
    out << finding.code << "  " << finding.headline << "\n";
    int shown = 0;
    for (const auto& a : alerts) {
      if (!has_finding(a, finding.code)) continue;
      ++shown;
      out << "    " << a.raised.to_string() << "  " << a.rule << "  owner " << a.owner;
      if (a.due) out << ", due " << a.due->to_string();
      out << "\n      " << escalation_path(a);
      if (a.resolved) {
        out << "; resolved " << a.resolved->to_string();
        if (const auto* id = std::get_if<std::string>(&a.resolved_by)) {
          out << " by " << *id;
        } else if (const auto* line = std::get_if<std::int64_t>(&a.resolved_by)) {
          out << " by line " << *line;
        }
      } else {
        out << "; still open";
      }
      out << "\n";
    }
    if (shown == 0) out << "    (no alert)\n";
    out << "\n";
  }
}

}  // namespace sightline::cli
