// prebirth-assessment-required (F2): a `pre_birth` assessment must start
// within 10 WD when
// (a) children's social care answers a referral about an unborn child with a
//     concern in home and stability or means by anything but an assessment
//     or a strategy discussion (each refused referral its own occurrence,
//     owned by the agency that received it), or
// (b) a pregnancy is past 28 weeks with active indicators in 2+ domains and
//     no pre_birth assessment (a state, C9; owned by the children's social
//     care that received the latest referral about the unborn child, else by
//     social care of the mother's area, both found when the duty falls due).
// Resolved by a pre_birth assessment started, by the birth while an
// assessment is open, or, after the birth, by any assessment other than
// adult_needs (C9).
#include "safeguards/rule_context.h"
#include "safeguards/rules/helpers.h"

namespace sightline::safeguards::rules {
namespace {

class PrebirthAssessmentRequired final : public Rule {
 public:
  PrebirthAssessmentRequired()
      : Rule({.id = "prebirth-assessment-required",
              .finding = "F2",
              .source = "London Child Protection Procedures, pre-birth referral and assessment "
                        "(T12): assess as soon as concerns are identified; Sofia SCR Finding 2",
              .title = "Pre-birth assessment needed",
              .meaning = "An unborn child's mother has housing or money concerns and no pre-birth "
                         "assessment was started.",
              .resolves = "Start a pre-birth assessment."}) {}

  std::vector<EventType> events() const override {
    return {EventType::kReferralOutcome, EventType::kAssessmentStarted, EventType::kBirth,
            EventType::kPregnancy};
  }
  // The pregnancy (unborn, edd), a pre-birth assessment started, active
  // indicators and the child's area (whose parameters apply). Reaching the
  // gestation is time alone: a timer.
  FactSet watches() const override {
    return kActiveIndicatorFacts | kChildAreaFacts | FactSet{Fact::kAssessments};
  }

  void on_event(RuleContext& ctx, const Event& e) const override {
    switch (e.type) {
      case EventType::kPregnancy: {
        const auto& b = e.as<PregnancyEvent>();
        const PersonId child = ctx.find_person(b.child);
        const PersonState& s = ctx.state(child);
        if (!s.unborn || !s.edd) return;
        ctx.schedule(child, weeks_date(ctx, child).start_instant(), 0);
        return;
      }
      case EventType::kAssessmentStarted: {
        const auto& b = e.as<AssessmentStartedEvent>();
        const PersonId child = ctx.find_person(b.child);
        const bool born = !ctx.state(child).unborn;
        if (b.kind == AssessmentKind::kPreBirth ||
            (born && b.kind != AssessmentKind::kAdultNeeds)) {
          ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
        }
        return;
      }
      case EventType::kBirth: {
        const PersonId child = ctx.find_person(e.as<BirthEvent>().child);
        bool assessment_open = false;
        for (const Involvement& i : ctx.state(child).involvements) {
          if (i.kind == InvolvementKind::kAssessment || i.kind == InvolvementKind::kS47)
            assessment_open = true;
        }
        if (assessment_open) ctx.for_each_open(child, [&](DutyId d) { ctx.resolve(d); });
        return;
      }
      case EventType::kReferralOutcome: {
        const auto& b = e.as<ReferralOutcomeEvent>();
        if (b.outcome == ReferralOutcomeKind::kAssessment ||
            b.outcome == ReferralOutcomeKind::kStrategyDiscussion) {
          return;
        }
        const ReferralInfo* r = ctx.referral(b.referral);
        if (r == nullptr || !is_kind(ctx, r->to, AgencyKind::kChildrensSocialCare)) return;
        if (!ctx.state(r->child).unborn) return;
        bool housing_or_means = false;
        for (int i = 0; i < kIndicatorCount; ++i) {
          if (!((r->concerns >> i) & 1u)) continue;
          const Domain d = domain_of(static_cast<Indicator>(i));
          if (d == Domain::kHomeAndStability || d == Domain::kMeans) housing_or_means = true;
        }
        if (!housing_or_means) return;
        ctx.triggered(r->child);
        DutySpec spec;
        spec.child = r->child;
        spec.owner = r->to;
        spec.trigger = e.at.date;
        spec.due = ctx.add_wd(e.at.date, ctx.param(working_days_, ctx.agency_info(r->to).area));
        spec.subject = ctx.find_ref(b.referral);  // an owner fixed by the trigger
        spec.occurrence = occurrence_of(e);
        spec.extras = std::make_unique<AlertExtras>();
        spec.extras->reasons.push_back("referral " + b.referral + " answered " +
                                       std::string(to_string(b.outcome)) +
                                       " without an assessment");
        ctx.open(std::move(spec));
        return;
      }
      default:
        return;
    }
  }

  void on_state(RuleContext& ctx, PersonId child) const override { check(ctx, child); }
  void on_timer(RuleContext& ctx, PersonId child, std::uint32_t) const override {
    check(ctx, child);
  }

  // The owner of the 28-week duty (opened without a subject) is found when it
  // falls due (R3); a refused referral's is its receiver, fixed by the trigger.
  void on_due(RuleContext& ctx, DutyId id) const override {
    const Duty& d = ctx.duty(id);
    if (d.subject == kNone) {
      if (const AgencyId owner = state_owner(ctx, d.child); owner != kNone) {
        return ctx.raise_to(id, owner);
      }
    }
    ctx.raise(id);
  }

 private:
  // "Social care that received the referral (else of the mother's area)": for
  // the 28-week state, the children's social care that received the latest
  // referral about the unborn child, whatever it answered (it knows of the
  // pregnancy, and an accepted referral not yet assessed is its own to do).
  static AgencyId state_owner(RuleContext& ctx, PersonId child) {
    if (const AgencyId referred = ctx.state(child).referred_to_social_care; referred != kNone)
      return referred;
    return ctx.area_owner(AgencyKind::kChildrensSocialCare, child);
  }

  // The day the pregnancy reaches the configured gestation (40 weeks at edd).
  Date weeks_date(RuleContext& ctx, PersonId child) const {
    const PersonState& s = ctx.state(child);
    const int weeks = ctx.param(gestation_weeks_, ctx.child_area(child));
    return s.edd->plus_days(-(40 - weeks) * 7);
  }

  void check(RuleContext& ctx, PersonId child) const {
    const PersonState& s = ctx.state(child);
    if (!s.unborn || !s.edd) return;
    const Date from = weeks_date(ctx, child);
    const AreaId area = ctx.child_area(child);
    const std::uint32_t active = ctx.active_indicators(child);
    const bool state = ctx.today() >= from && !s.prebirth_assessment &&
                       domain_count(active) >= ctx.param(min_domains_, area);
    if (!ctx.occurrence_starts(child, state)) return;
    const AgencyId owner = state_owner(ctx, child);
    if (owner == kNone) return;  // never reported by anyone (see area_owner)
    Date trigger = ctx.event() != nullptr ? ctx.event()->at.date : ctx.today();
    if (trigger < from) trigger = from;
    open_indicator_duty(ctx, child, owner, trigger,
                        ctx.param(working_days_, ctx.agency_info(owner).area),
                        "pregnancy past " + from.to_string(), active);
  }

 private:
  // Parameters (docs/safeguards-config.md), each read by name.
  const Parameter working_days_ =
      parameter("working_days", 10, "a pre_birth assessment started within N WD");
  const Parameter gestation_weeks_ =
      parameter("gestation_weeks", 28, "a pregnancy past N weeks with indicators needs one");
  const Parameter min_domains_ =
      parameter("min_domains", 2, "when active indicators span at least N domains");
};

}  // namespace

const Rule& prebirth_assessment_required() {
  static const PrebirthAssessmentRequired rule;
  return rule;
}

}  // namespace sightline::safeguards::rules
