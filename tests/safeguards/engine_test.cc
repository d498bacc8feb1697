// Engine mechanics: the deadline queue, raising the day after the due date,
// escalation dates across bank holidays (C2), duties learnt late (C3),
// --until (C4), a death closing duties, exactly once, determinism and
// configuration.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "feed/parser.h"
#include "safeguards/alert_json.h"
#include "safeguards/catalogue.h"
#include "safeguards/catalogue_doc.h"
#include "safeguards/config.h"
#include "safeguards/deadline_queue.h"
#include "safeguards/engine.h"
#include "safeguards/interner.h"
#include "safeguards/rule.h"
#include "support/test_support.h"

namespace sightline::safeguards {
namespace {

const std::vector<std::string> kAgencies{
    R"({"type":"agency","id":"csc","at":"2012-01-01","name":"CSC","kind":"childrens_social_care","area":"E09000009"})",
    R"({"type":"agency","id":"hv","at":"2012-01-01","name":"HV","kind":"health_visiting","area":"E09000009"})",
    R"({"type":"agency","id":"gp","at":"2012-01-01","name":"GP","kind":"gp_practice","area":"E09000009"})",
    R"({"type":"person","id":"kid","at":"2012-01-01","by":"gp","given":"K","family":"F","dob":"2012-10-01"})",
};

// Parses feed lines (which must be valid) and applies them in order, starting
// with kAgencies: three agencies and the child "kid".
class Feed {
 public:
  explicit Feed(SafeguardsEngine& engine) : engine_(engine) {
    for (const auto& l : kAgencies) add(l);
  }
  void add(const std::string& line) {
    std::vector<Fault> faults;
    auto e = parser_.parse_line(line, ++line_, faults);
    ASSERT_TRUE(e.has_value()) << (faults.empty() ? line : faults.front().to_string());
    engine_.apply(*e);
  }

 private:
  SafeguardsEngine& engine_;
  FeedParser parser_;
  std::int64_t line_ = 0;
};

Date d(const char* s) { return *Date::parse(s); }

TEST(DeadlineQueue, PopsByInstantThenInsertionOrder) {
  DeadlineQueue q;
  q.push(QueueEntry{200, 0, EntryKind::kDue, 0, 0, 1, 0});
  q.push(QueueEntry{100, 0, EntryKind::kDue, 0, 0, 2, 0});
  q.push(QueueEntry{100, 0, EntryKind::kDue, 0, 0, 3, 0});
  EXPECT_EQ(q.pop().target, 2u);
  EXPECT_EQ(q.pop().target, 3u);
  EXPECT_EQ(q.pop().target, 1u);
  EXPECT_TRUE(q.empty());
}

TEST(Interner, GivesDenseIdsInFirstSeenOrder) {
  Interner in;
  EXPECT_EQ(in.intern("b"), 0u);
  EXPECT_EQ(in.intern("a"), 1u);
  EXPECT_EQ(in.intern("b"), 0u);
  EXPECT_EQ(in.find("c"), kNone);
  EXPECT_EQ(in.name(1), "a");
}

// A referral on Thursday 2012-12-20 is due within 1 WD: Friday 12-21. Raised
// on Saturday 12-22. Escalations count working days from raised, skipping
// Christmas and Boxing Day: manager at the start of Thursday 12-27 (+2),
// safeguarding lead Wednesday 2013-01-02 (+5, New Year's Day skipped),
// partnership Wednesday 01-09 (+10).
TEST(Engine, RaisesTheDayAfterTheDueDateAndEscalatesOnWorkingDays) {
  SafeguardsEngine engine;
  Feed feed(engine);
  feed.add(
      R"({"type":"referral","id":"r1","at":"2012-12-20","by":"hv","child":"kid","from":"hv","to":"csc","concerns":["other"]})");
  engine.advance_to(Timestamp::end_of(d("2012-12-21")));
  EXPECT_TRUE(engine.alerts().empty()) << "a duty due on a day is not late until that day ends";
  engine.advance_to(Timestamp::end_of(d("2013-01-31")));
  const auto alerts = engine.alerts();
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].rule, "referral-decision-overdue");
  EXPECT_EQ(alerts[0].raised, d("2012-12-22"));
  EXPECT_EQ(alerts[0].due, d("2012-12-21"));
  ASSERT_EQ(alerts[0].escalations.size(), 3u);
  EXPECT_EQ(alerts[0].escalations[0].at, d("2012-12-27"));
  EXPECT_EQ(alerts[0].escalations[1].at, d("2013-01-02"));
  EXPECT_EQ(alerts[0].escalations[2].at, d("2013-01-09"));
  EXPECT_EQ(alerts[0].level, Level::kPartnership);
}

TEST(Engine, EscalationsAreAsOfTheClock) {
  SafeguardsEngine engine;
  Feed feed(engine);
  feed.add(
      R"({"type":"referral","id":"r1","at":"2012-12-20","by":"hv","child":"kid","from":"hv","to":"csc","concerns":["other"]})");
  engine.advance_to(Timestamp::end_of(d("2012-12-26")));
  ASSERT_EQ(engine.alerts().size(), 1u);
  EXPECT_TRUE(engine.alerts()[0].escalations.empty());
  EXPECT_EQ(engine.alerts()[0].level, Level::kPractitioner);
  engine.advance_to(Timestamp::at_noon(d("2012-12-27")));
  EXPECT_EQ(engine.alerts()[0].level, Level::kManager);
}

TEST(Engine, ResolvingStopsEscalationAndRecordsTheEvent) {
  SafeguardsEngine engine;
  Feed feed(engine);
  feed.add(
      R"({"type":"referral","id":"r1","at":"2012-12-20","by":"hv","child":"kid","from":"hv","to":"csc","concerns":["other"]})");
  feed.add(
      R"({"type":"referral_outcome","at":"2012-12-28","by":"csc","referral":"r1","outcome":"assessment"})");
  engine.advance_to(Timestamp::end_of(d("2013-02-01")));
  const auto alerts = engine.alerts();
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].resolved, d("2012-12-28"));
  EXPECT_EQ(std::get<std::int64_t>(alerts[0].resolved_by), 6);
  ASSERT_EQ(alerts[0].escalations.size(), 1u);
  EXPECT_EQ(alerts[0].level, Level::kManager);
}

// C3: a trigger learnt after its due date is raised at once, dated the day it
// was learnt.
TEST(Engine, ADutyLearntOverdueIsRaisedAtOnceNeverBackDated) {
  SafeguardsEngine engine;
  Feed feed(engine);
  feed.add(
      R"({"type":"referral","id":"r1","at":"2012-11-01","recorded":"2012-11-20","by":"hv","child":"kid","from":"hv","to":"csc","concerns":["other"]})");
  const auto alerts = engine.alerts();
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].raised, d("2012-11-20"));
  EXPECT_EQ(alerts[0].due, d("2012-11-02"));
}

TEST(Engine, ADeathEndsDutiesAndResolvesAlerts) {
  SafeguardsEngine engine;
  Feed feed(engine);
  feed.add(
      R"({"type":"referral","id":"r1","at":"2012-11-01","by":"hv","child":"kid","from":"hv","to":"csc","concerns":["other"]})");
  feed.add(
      R"({"type":"referral","id":"r2","at":"2012-11-05","by":"hv","child":"kid","from":"hv","to":"csc","concerns":["other"]})");
  feed.add(R"({"type":"death","id":"dies","at":"2012-11-05T15:00","by":"gp","person":"kid"})");
  engine.advance_to(Timestamp::end_of(d("2013-01-01")));
  const auto alerts = engine.alerts();
  ASSERT_EQ(alerts.size(), 1u) << "the second referral's duty ended with the death";
  EXPECT_EQ(alerts[0].resolved, d("2012-11-05"));
  EXPECT_EQ(std::get<std::string>(alerts[0].resolved_by), "dies");
}

TEST(Engine, ReplayingTheSameEventsTwiceGivesIdenticalAlerts) {
  std::vector<std::string> out[2];
  for (auto& o : out) {
    SafeguardsEngine engine;
    Feed feed(engine);
    feed.add(
        R"({"type":"referral","id":"r1","at":"2012-11-01","by":"hv","child":"kid","from":"hv","to":"csc","concerns":["other"]})");
    feed.add(
        R"({"type":"strategy_discussion","id":"s1","at":"2012-11-02","by":"csc","child":"kid","format":"telephone","participants":[],"decision":"no_s47"})");
    engine.advance_to(Timestamp::end_of(d("2013-01-01")));
    for (const Alert& a : engine.alerts()) o.push_back(alert_json(a));
  }
  EXPECT_FALSE(out[0].empty());
  EXPECT_EQ(out[0], out[1]);
}

// The numbers a parser gives ids are a shortcut only: with them, without them,
// from two parsers in turn, or from a parser whose words another engine has
// claimed, the same feed gives the same alerts and notices.
TEST(Engine, TheParsersNumbersForIdsChangeNothing) {
  const std::string text = testing::read_file(testing::scenario("sofia.jsonl"));
  SafeguardsEngine with, without, switching, sharing;
  FeedParser first, second;
  std::vector<Fault> faults;
  std::int64_t number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++number;
    const std::optional<Event> a = first.parse_line(line, number, faults);
    const std::optional<Event> b = second.parse_line(line, number, faults);
    ASSERT_TRUE(faults.empty()) << faults.front().to_string();
    if (!a) continue;
    with.apply(*a, first.resolved_ids());
    sharing.apply(*a, first.resolved_ids());
    without.apply(*a);
    switching.apply(*b, number % 7 < 3 ? first.resolved_ids() : second.resolved_ids());
  }
  const auto listing = [](const SafeguardsEngine& engine) {
    std::vector<std::string> out;
    for (const Alert& a : engine.alerts()) out.push_back(alert_json(a));
    for (const Notice& n : engine.notices()) out.push_back(n.child + " " + n.to + " " + n.text);
    return out;
  };
  ASSERT_GT(with.alert_count(), 5u);
  EXPECT_EQ(listing(with), listing(without));
  EXPECT_EQ(listing(with), listing(switching));
  EXPECT_EQ(listing(with), listing(sharing));
}

TEST(Engine, ListenerHearsRaisedEscalatedResolvedAndNotices) {
  struct Counts final : EngineListener {
    int raised = 0, escalated = 0, resolved = 0, notices = 0;
    void on_raised(const Alert&) override { ++raised; }
    void on_escalated(const Alert&, const Escalation&) override { ++escalated; }
    void on_resolved(const Alert&) override { ++resolved; }
    void on_notice(const Notice&) override { ++notices; }
  } counts;
  SafeguardsEngine engine;
  engine.set_listener(&counts);
  Feed feed(engine);
  feed.add(R"({"type":"registration","at":"2012-11-01","by":"gp","child":"kid","agency":"gp"})");
  feed.add(
      R"({"type":"contact","at":"2012-11-20","by":"hv","persons":["kid"],"mode":"home_visit","child_seen":true,"outcome":"seen"})");
  EXPECT_EQ(counts.notices, 1);
  EXPECT_EQ(counts.raised, 1);
  EXPECT_EQ(counts.escalated, 2);  // manager 11-15, safeguarding lead at the start of 11-20
  EXPECT_EQ(counts.resolved, 1);
}

TEST(Config, DefaultsAndAreaOverrides) {
  const SafeguardsConfig c = SafeguardsConfig::from_json(
                                 R"({"defaults":{"referral-decision-overdue":{"working_days":2}},
          "areas":{"E09000009":{"referral-decision-overdue":{"working_days":3}}}})")
                                 .value();
  SafeguardsEngine engine(c);
  Feed feed(engine);
  // Thursday 2012-11-01 + 3 WD = Tuesday 11-06 (csc serves E09000009).
  feed.add(
      R"({"type":"referral","id":"r1","at":"2012-11-01","by":"hv","child":"kid","from":"hv","to":"csc","concerns":["other"]})");
  engine.advance_to(Timestamp::end_of(d("2012-12-01")));
  ASSERT_EQ(engine.alerts().size(), 1u);
  EXPECT_EQ(engine.alerts()[0].due, d("2012-11-06"));
}

void expect_refused(const std::string& json, const std::string& path) {
  const auto config = SafeguardsConfig::from_json(json);
  if (config) {
    ADD_FAILURE() << "accepted " << json;
    return;
  }
  EXPECT_EQ(config.error().code, ErrorCode::kInvalidConfig);
  EXPECT_EQ(config.error().field, path);
  EXPECT_EQ(config.error().message.rfind(path + ":", 0), 0u) << config.error().message;
}

TEST(Config, RefusesBadConfigurationNamingTheKeyPath) {
  expect_refused(R"({"defaults":{"no-such-rule":{"x":1}}})", "defaults.no-such-rule");
  expect_refused(R"({"defaults":{"referral-decision-overdue":{"days":1}}})",
                 "defaults.referral-decision-overdue.days");
  expect_refused(R"({"defaults":{"referral-decision-overdue":{"working_days":"2"}}})",
                 "defaults.referral-decision-overdue.working_days");
  expect_refused(R"({"defaults":{"referral-decision-overdue":{"working_days":1.5}}})",
                 "defaults.referral-decision-overdue.working_days");
  expect_refused(R"({"areas":{"E09000009":{"escalation":{"manager_working_days":-1}}}})",
                 "areas.E09000009.escalation.manager_working_days");
  expect_refused(R"({"areas":{"Ealing":{}}})", "areas.Ealing");
  expect_refused(R"({"rules":{}})", "rules");
  expect_refused(R"([1])", "(top level)");
  expect_refused(R"({"defaults":)", "(json)");
}

std::vector<Alert> of_rule(const SafeguardsEngine& engine, const std::string& rule) {
  std::vector<Alert> out;
  for (const Alert& a : engine.alerts()) {
    if (a.rule == rule) out.push_back(a);
  }
  return out;
}

// R19: once the destination of a move to an unknown place is learnt, the
// handover is owed to that area: a transfer elsewhere does not do it.
TEST(Rules, HandoverIsOwedToTheDestinationOnceLearnt) {
  SafeguardsEngine engine;
  Feed feed(engine);
  feed.add(
      R"({"type":"agency","id":"hv2","at":"2012-01-01","name":"HV2","kind":"health_visiting","area":"E09000033"})");
  feed.add(
      R"({"type":"agency","id":"hv3","at":"2012-01-01","name":"HV3","kind":"health_visiting","area":"E06000032"})");
  feed.add(
      R"({"type":"address","at":"2012-11-01","by":"hv","persons":["kid"],"address":{"line1":"1 A Road","postcode":"W5 1AA","town":"L","area":"E09000009"}})");
  feed.add(
      R"({"type":"contact","at":"2012-11-02","by":"hv","persons":["kid"],"mode":"home_visit","child_seen":true,"outcome":"seen"})");
  feed.add(
      R"({"type":"address","at":"2012-11-05","by":"hv","persons":["kid"],"address":{"kind":"unknown"},"notice":"without_notice"})");
  feed.add(
      R"({"type":"address","at":"2012-11-06","by":"hv","persons":["kid"],"address":{"line1":"2 B Road","postcode":"W2 1BB","town":"L","area":"E09000033"},"notice":"reported_by_other"})");
  feed.add(
      R"({"type":"transfer","id":"t1","at":"2012-11-06","by":"hv","child":"kid","from":"hv","to":"hv3","status":"universal"})");
  engine.advance_to(Timestamp::end_of(d("2012-11-30")));
  const auto alerts = of_rule(engine, "hv-handover-missing");
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].due, d("2012-11-07"));
  EXPECT_FALSE(alerts[0].resolved.has_value());
}

// R32: an involvement that begins after the whereabouts deadline passed,
// while the child is still not located, needs the missing alert too.
TEST(Rules, MissingAlertWhenInvolvementBeginsAfterTheDeadlinePassed) {
  SafeguardsEngine engine;
  Feed feed(engine);
  feed.add(R"({"type":"whereabouts_unknown","at":"2012-11-01","by":"gp","child":"kid"})");
  // No involvement: 5 WD, due Thu 11-08, raised 11-09, owned by the reporter.
  feed.add(
      R"({"type":"assessment_started","id":"s47","at":"2012-11-12","by":"csc","child":"kid","kind":"s47","agency":"csc"})");
  feed.add(
      R"({"type":"missing","at":"2012-11-14","by":"csc","child":"kid","alert":"police_missing_person"})");
  const auto where = of_rule(engine, "whereabouts-unknown");
  ASSERT_EQ(where.size(), 1u);
  EXPECT_EQ(where[0].owner, "gp");
  EXPECT_EQ(where[0].raised, d("2012-11-09"));
  const auto missing = of_rule(engine, "missing-alert-required");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].owner, "csc");
  EXPECT_EQ(missing[0].raised, d("2012-11-12"));
  EXPECT_EQ(missing[0].resolved, d("2012-11-14"));
}

TEST(Catalogue, HasEveryRuleOnceWithItsSource) {
  // As many as the catalogue's table has rows (27 today).
  EXPECT_EQ(catalogue().size(), testing::catalogue_doc_rule_ids().size());
  for (const Rule* r : catalogue()) {
    EXPECT_EQ(find_rule(r->info().id), r);
    EXPECT_FALSE(r->info().source.empty()) << r->info().id;
  }
}

TEST(Config, EveryParameterIsDocumented) {
  const std::string doc =
      testing::read_file(testing::source_dir() / "docs" / "safeguards-config.md");
  for (const SectionSpec& s : config_sections()) {
    EXPECT_NE(doc.find("### `" + std::string(s.name) + "`"), std::string::npos) << s.name;
    for (const ParameterSpec& p : *s.params) {
      EXPECT_NE(
          doc.find("| `" + std::string(p.name) + "` | " + std::to_string(p.default_value) + " |"),
          std::string::npos)
          << s.name << "." << p.name;
    }
  }
}

}  // namespace
}  // namespace sightline::safeguards
