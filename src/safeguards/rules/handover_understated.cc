// handover-understated (F7, F8): a `transfer` whose status is lower than what
// the sender knows is a fault at once, owned by the sender at `manager`
// level. C10 ranks welfare_check < child_in_need < incomplete_assessment <
// incomplete_s47 < child_protection: the sender's open s47 needs at least
// incomplete_s47, its other open assessment at least incomplete_assessment,
// an active CP plan child_protection; a health-visiting transfer `universal`
// while the child is enhanced is understated too; and every active indicator
// must appear in `risks` or be named in `summary`. A later transfer from the
// same sender that is not understated resolves it.
#include <algorithm>
#include <cctype>

#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "poor_weight_gain" is named in a summary as itself or as "poor weight gain".
bool named_in(const std::string& summary, Indicator i) {
  const std::string code(to_string(i));
  std::string words = code;
  std::replace(words.begin(), words.end(), '_', ' ');
  return summary.find(code) != std::string::npos || summary.find(words) != std::string::npos;
}

class HandoverUnderstated final : public Rule {
 public:
  HandoverUnderstated()
      : Rule({.id = "handover-understated",
              .finding = "F7, F8",
              .source = "Working Together 2023 and local procedures for children moving across "
                        "local authority boundaries: a transfer states the child's true status "
                        "and known risks; Sofia SCR Findings 7 and 8",
              .title = "Transfer understates what the sender knows",
              .meaning = "A transfer gave a lower status, or fewer risks, than the sending agency "
                         "knows about (for example \u2018child in need\u2019 during an open "
                         "assessment).",
              .resolves =
                  "Send a corrected transfer with the right status and every active risk."}) {}

  std::vector<EventType> events() const override { return {EventType::kTransfer}; }

  void on_event(RuleContext& ctx, const Event& e) const override {
    const auto& b = e.as<TransferEvent>();
    const PersonId child = ctx.find_person(b.child);
    const AgencyId sender = ctx.agency(b.from);
    const PersonState& s = ctx.state(child);
    std::vector<std::string> reasons;
    if (is_health_visiting_status(b.status)) {
      if (b.status == TransferStatus::kUniversal && s.enhanced()) {
        reasons.emplace_back("status universal while health visiting is enhanced");
      }
    } else {
      TransferStatus needed = TransferStatus::kWelfareCheck;
      std::string why;
      for (const Involvement& i : s.involvements) {
        if (i.kind == InvolvementKind::kCpPlan && needed < TransferStatus::kChildProtection) {
          needed = TransferStatus::kChildProtection;
          why = "an active child protection plan";
        } else if (i.agency == sender && i.kind == InvolvementKind::kS47 &&
                   needed < TransferStatus::kIncompleteS47) {
          needed = TransferStatus::kIncompleteS47;
          why = "the sender's open s47 enquiry";
        } else if (i.agency == sender && i.kind == InvolvementKind::kAssessment &&
                   needed < TransferStatus::kIncompleteAssessment) {
          needed = TransferStatus::kIncompleteAssessment;
          why = "the sender's open assessment";
        }
      }
      if (b.status < needed) {
        reasons.push_back("status " + std::string(to_string(b.status)) + " below " +
                          std::string(to_string(needed)) + " required by " + why);
      }
    }
    // C10: "every active indicator" must be passed on, the `other` group
    // (`pregnancy`, `other`) included: C7 keeps it out of the domains that are
    // counted, not out of what the receiver is told (R17).
    const std::uint32_t active = ctx.active_indicators(child);
    const std::string summary = lower(b.summary);
    std::string omitted;
    for (int i = 0; i < kIndicatorCount; ++i) {
      const auto ind = static_cast<Indicator>(i);
      if (!has_indicator(active, ind)) continue;
      // A transfer about an unborn child says by itself that a pregnancy is on
      // the way: only the mother's other concerns need passing on (R17).
      if (ind == Indicator::kPregnancy && s.unborn) continue;
      if (std::find(b.risks.begin(), b.risks.end(), ind) != b.risks.end() ||
          named_in(summary, ind)) {
        continue;
      }
      omitted += (omitted.empty() ? "" : ", ") + std::string(to_string(ind));
    }
    if (!omitted.empty()) reasons.push_back("active indicators not passed on: " + omitted);

    if (reasons.empty()) {
      // A corrected transfer from the same sender.
      ctx.for_each_open(child, [&](DutyId d) {
        if (ctx.duty(d).owner == sender) ctx.resolve(d);
      });
      return;
    }
    ctx.triggered(child);
    DutySpec spec;
    spec.child = child;
    spec.owner = sender;
    spec.trigger = e.at.date;
    spec.start_level = Level::kManager;
    spec.occurrence = occurrence_of(e);
    spec.extras = std::make_unique<AlertExtras>();
    spec.extras->reasons = std::move(reasons);
    ctx.open(std::move(spec));
  }
};

}  // namespace

const Rule& handover_understated() {
  static const HandoverUnderstated rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
