#include "pages/rule_text.h"

#include <array>
#include <vector>

#include "safeguards/catalogue.h"
#include "safeguards/rule.h"

namespace sightline::pages {
namespace {

// Every rule's words, in the catalogue's order, as each rule declares them.
const std::vector<RuleText>& all_rule_texts() {
  static const std::vector<RuleText> texts = [] {
    std::vector<RuleText> out;
    for (const safeguards::Rule* rule : safeguards::catalogue()) {
      const safeguards::RuleInfo& info = rule->info();
      out.push_back(RuleText{info.id, info.title, info.meaning, info.resolves});
    }
    return out;
  }();
  return texts;
}

struct Finding {
  std::string_view code, title;
};

// The review's findings, each shortened to a plain title.
constexpr std::array<Finding, 8> kFindings = {{
    {"F1", "Support options for families without recourse to public funds missed"},
    {"F2", "Homeless pregnant women not assessed"},
    {"F3", "GP registrations not passed to health visitors"},
    {"F4", "Strategy discussions without every agency"},
    {"F5", "Neglect judged by physical signs alone"},
    {"F6", "Destitution and transience not seen as safeguarding"},
    {"F7", "A child in need of protection handed over as merely in need"},
    {"F8", "Families lost when they move between health visitors"},
}};

}  // namespace

std::span<const RuleText> rule_texts() { return all_rule_texts(); }

const RuleText* rule_text(std::string_view id) {
  for (const RuleText& r : all_rule_texts()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string_view finding_title(std::string_view code) {
  for (const Finding& f : kFindings) {
    if (f.code == code) return f.title;
  }
  return {};
}

std::string findings_text(std::string_view codes) {
  std::string out;
  std::size_t pos = 0;
  while ((pos = codes.find('F', pos)) != std::string_view::npos) {
    const std::string code(codes.substr(pos, 2));
    if (!out.empty()) out += "; ";
    out += code;
    if (const auto title = finding_title(code); !title.empty()) out += ": " + std::string(title);
    pos += 2;
  }
  return out;
}

}  // namespace sightline::pages
