// strategy-discussion-incomplete (F4): a strategy discussion without
// children's social care, police, a health agency, or the agency whose
// referral led to it (the latest referral about the child in the 30 days
// before) is a fault at once, listing who was missing. The convening agency
// counts as a participant (C11). A later discussion resolves it only if it
// includes everyone the first one missed.
#include <algorithm>

#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

enum Missing : std::uint32_t { kSocialCare = 1, kPolice = 2, kHealth = 4 };

class StrategyDiscussionIncomplete final : public Rule {
 public:
  StrategyDiscussionIncomplete()
      : Rule({.id = "strategy-discussion-incomplete",
              .finding = "F4",
              .source = "Working Together to Safeguard Children 2023 (T3): a strategy discussion "
                        "includes children's social care, health and police, and the referring "
                        "agency; Sofia SCR Finding 4",
              .title = "Strategy discussion without a key agency",
              .meaning = "A strategy discussion took place without social care, the police, "
                         "health, or the agency that referred.",
              .resolves = "Hold and record a further strategy discussion that includes them."}) {}

  std::vector<EventType> events() const override { return {EventType::kStrategyDiscussion}; }

  void on_event(RuleContext& ctx, const Event& e) const override {
    const auto& b = e.as<StrategyDiscussionEvent>();
    const PersonId child = ctx.find_person(b.child);
    std::vector<AgencyId> present{ctx.agency(e.by)};
    for (const Id& p : b.participants) present.push_back(ctx.agency(p));
    std::uint32_t kinds = 0;
    for (AgencyId a : present) {
      const AgencyKind k = ctx.agency_info(a).kind;
      if (k == AgencyKind::kChildrensSocialCare) kinds |= kSocialCare;
      if (k == AgencyKind::kPolice) kinds |= kPolice;
      if (is_health_agency(k)) kinds |= kHealth;
    }
    const auto includes = [&](AgencyId a) {
      return std::find(present.begin(), present.end(), a) != present.end();
    };

    // A later discussion that includes everyone an earlier one missed.
    ctx.for_each_open(child, [&](DutyId d) {
      const Duty& duty = ctx.duty(d);
      if ((duty.extra & ~kinds) == 0 && (duty.subject == kNone || includes(duty.subject))) {
        ctx.resolve(d);
      }
    });

    const AgencyId convenor = ctx.agency(e.by);
    const AreaId area = ctx.agency_info(convenor).area;
    // The referral that led to the discussion, as chronology/strategy_referral.h
    // defines it: the latest by `at` in the N days up to the discussion's day
    // (of two at one instant, the later learnt). Not the last learnt: a
    // referral dated after the discussion, or an older one recorded late,
    // would otherwise hide the one that led to it.
    const int days = ctx.param(referral_days_, area);
    const ReferralInfo* leading = nullptr;
    ctx.for_each_referral(child, [&](const ReferralInfo& r) {
      if (r.at > e.at.date || r.at.days_until(e.at.date) > days) return;
      if (leading == nullptr || r.at_instant >= leading->at_instant) leading = &r;
    });
    AgencyId referrer = kNone;
    if (leading != nullptr && !includes(leading->from)) referrer = leading->from;
    const std::uint32_t missing = ~kinds & (kSocialCare | kPolice | kHealth);
    if (missing == 0 && referrer == kNone) return;
    ctx.triggered(child);
    auto extras = std::make_unique<AlertExtras>();
    if (missing & kSocialCare) extras->missing.emplace_back("childrens_social_care");
    if (missing & kPolice) extras->missing.emplace_back("police");
    if (missing & kHealth) extras->missing.emplace_back("health");
    if (referrer != kNone) extras->missing.emplace_back(ctx.agency_name(referrer));
    DutySpec spec;
    spec.child = child;
    spec.owner = convenor;
    spec.trigger = e.at.date;
    spec.subject = referrer;
    spec.extra = missing;
    spec.occurrence = occurrence_of(e);
    spec.extras = std::move(extras);
    ctx.open(std::move(spec));
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter referral_days_ =
      parameter("referral_days", 30,
                "the referrer of the latest referral in the N days before must take part");
};

}  // namespace

const Rule& strategy_discussion_incomplete() {
  static const StrategyDiscussionIncomplete rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
