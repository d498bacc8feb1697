// State rules (C9) are re-checked after every event that changes a fact they
// watch, found from what each rule declares (Rule::watches(), fact.h) and
// what the engine's update of each event marks. The engine once decided this
// in one switch that never re-checked a state rule after `hv_level`,
// `registration`, `medical`, `found` or `transfer_accepted`, so that a rule
// whose state one of those changes would never have fired: each test here
// is such a rule, run beside the catalogue, and must fire on the event.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "feed/parser.h"
#include "safeguards/catalogue.h"
#include "safeguards/engine.h"
#include "safeguards/rule.h"
#include "safeguards/rule_context.h"

namespace sightline::safeguards {
namespace {

// A state rule of the test's own: "the child is in state S" is a fault
// raised at once, owed by the agency that reported the event.
class TestStateRule final : public Rule {
 public:
  using State = bool (*)(const PersonState&);
  TestStateRule(std::string_view id, FactSet watches, State state)
      : Rule({.id = id,
              .finding = "",
              .source = "a test",
              .title = "A test state",
              .meaning = "The child is in the test's state.",
              .resolves = "Nothing."}),
        watches_(watches),
        state_(state) {}

  FactSet watches() const override { return watches_; }
  void on_state(RuleContext& ctx, PersonId child) const override {
    if (!ctx.occurrence_starts(child, state_(ctx.state(child)))) return;
    DutySpec spec;
    spec.child = child;
    spec.owner = ctx.agency(ctx.event()->by);
    spec.trigger = ctx.today();
    spec.occurrence = occurrence_of(*ctx.event());
    ctx.open(std::move(spec));
  }

 private:
  FactSet watches_;
  State state_;
};

const std::vector<std::string> kFamily{
    R"({"type":"agency","id":"hv","at":"2013-01-01","name":"HV","kind":"health_visiting","area":"E09000009"})",
    R"({"type":"agency","id":"gp","at":"2013-01-01","name":"GP","kind":"gp_practice","area":"E09000009"})",
    R"({"type":"agency","id":"csc","at":"2013-01-01","name":"CSC","kind":"childrens_social_care","area":"E09000009"})",
    R"({"type":"person","id":"kid","at":"2013-01-02","by":"gp","given":"K","family":"F","dob":"2012-10-01"})",
};

// Replays kFamily and `line` with the catalogue and `rule`, and returns the
// alerts of `rule`.
std::vector<Alert> alerts_of(TestStateRule& rule, const std::string& line) {
  std::vector<const Rule*> rules(catalogue().begin(), catalogue().end());
  set_rule_index(rule, static_cast<std::uint16_t>(rules.size()));
  rules.push_back(&rule);
  SafeguardsEngine engine(SafeguardsConfig(), WorkingDayCalendar::england_and_wales(), rules);
  FeedParser parser;
  std::int64_t n = 0;
  std::vector<std::string> lines = kFamily;
  lines.push_back(line);
  for (const std::string& l : lines) {
    std::vector<Fault> faults;
    const auto e = parser.parse_line(l, ++n, faults);
    if (!e) {
      ADD_FAILURE() << (faults.empty() ? l : faults.front().to_string());
      return {};
    }
    engine.apply(*e);
  }
  EXPECT_TRUE(engine.triggers().silent().empty());
  std::vector<Alert> out;
  for (const Alert& a : engine.alerts()) {
    if (a.rule == rule.info().id) out.push_back(a);
  }
  return out;
}

TEST(StateRule, IsRecheckedWhenAnHvLevelChangesWhatItWatches) {
  TestStateRule rule("test-enhanced", {Fact::kHealthVisiting},
                     [](const PersonState& s) { return s.enhanced(); });
  const auto alerts = alerts_of(
      rule,
      R"({"type":"hv_level","child":"kid","level":"universal_plus","at":"2013-02-11","by":"hv"})");
  ASSERT_EQ(alerts.size(), 1U);
  EXPECT_EQ(alerts[0].child, "kid");
  EXPECT_EQ(alerts[0].owner, "hv");
  EXPECT_EQ(alerts[0].raised, *Date::parse("2013-02-11"));
}

TEST(StateRule, IsRecheckedWhenARegistrationChangesWhatItWatches) {
  TestStateRule rule("test-registered", {Fact::kGp},
                     [](const PersonState& s) { return s.gp != kNone; });
  const auto alerts = alerts_of(
      rule, R"({"type":"registration","at":"2013-02-11","by":"gp","child":"kid","agency":"gp"})");
  ASSERT_EQ(alerts.size(), 1U);
  EXPECT_EQ(alerts[0].owner, "gp");
}

TEST(StateRule, IsRecheckedWhenAFoundChangesWhatItWatches) {
  TestStateRule rule("test-seen", {Fact::kSightings},
                     [](const PersonState& s) { return s.last_seen != kNever; });
  const auto alerts = alerts_of(
      rule,
      R"({"type":"found","child":"kid","address":{"line1":"1 High Street","town":"London","postcode":"EN1 1AA","area":"E09000009"},"at":"2013-02-11","by":"csc"})");
  ASSERT_EQ(alerts.size(), 1U);
  EXPECT_EQ(alerts[0].owner, "csc");
}

TEST(StateRule, IsNotCheckedAfterAnEventThatChangesNothingItWatches) {
  // The state holds from the start, but nothing the rule watches changes.
  TestStateRule rule("test-always", {Fact::kGp}, [](const PersonState&) { return true; });
  EXPECT_TRUE(alerts_of(rule, R"({"type":"hv_level","child":"kid","level":"universal_plus",)"
                              R"("at":"2013-02-11","by":"hv"})")
                  .empty());
}

}  // namespace
}  // namespace sightline::safeguards
