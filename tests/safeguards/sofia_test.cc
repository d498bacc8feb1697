// The Sofia scenario (tests/scenarios/sofia.jsonl, mapped to the serious case
// review in sofia.md) replayed through every safeguard. Each row of kExpected
// is an alert the review says Sightline should have raised: the rule, the
// agency that owned the failure, when (the day the duty ended, or the day the
// fault was recorded), and the finding. Paragraph numbers are the review's.
// The well-served control (well-served.jsonl) must give no alert at all.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "safeguards/alert_json.h"
#include "safeguards/replay.h"
#include "support/test_support.h"

namespace sightline::safeguards {
namespace {

struct ExpectedAlert {
  const char* rule;
  const char* owner;
  const char* raised_from;  // raised on or after
  const char* raised_to;    // and on or before
  const char* finding;      // "" for a rule from guidance alone
};

// clang-format off
const ExpectedAlert kExpected[] = {
    // F1 (3.4, 4.4.2): the mother has no income, no recourse and no settled home
    // from March 2012 and is known to Westminster services from the April
    // referral; only specialist advice (3.4) and, in October, only a return to
    // Europe (3.7) are explored, never s17 support. The child's area is then
    // Ealing, where the mother said she was staying with friends (4.5.2, C1).
    {"support-options-review", "ealing-csc", "2012-04-20", "2012-04-20", "F1"},
    // F2 (3.3, 4.5.2): first midwifery referral "not progressed", passed to
    // Housing Options, about a homeless pregnant woman.
    {"prebirth-assessment-required", "westminster-csc", "2012-04-21", "2012-04-21", "F2"},
    // F2 (3.5, 4.5.2): the "street homeless" referral and the solicitors' letter
    // are passed to Adult Services with no pre-birth assessment, "not in
    // accordance with expected practice given the late stage of the pregnancy".
    {"prebirth-assessment-required", "westminster-csc", "2012-08-30", "2012-08-30", "F2"},
    // F2 (3.6, 4.5.2): the third referral is left with Adult Services "until
    // after the birth".
    {"prebirth-assessment-required", "westminster-csc", "2012-10-03", "2012-10-03", "F2"},
    // F8 (3.8, 4.11.2): "when Sofia and her mother moved from Haringey to Ealing
    // the health visitor lost contact with them": no handover.
    {"hv-handover-missing", "haringey-hv", "2012-10-24", "2012-10-24", "F8"},
    // F7, F8 (3.8): the family leaves the Haringey B&B without notice while
    // Westminster's assessment is open; nobody locates them for five weeks.
    {"whereabouts-unknown", "westminster-csc", "2012-10-23", "2012-10-23", "F7, F8"},
    // F3 (3.9, 4.6.2): the GP registers Sofia on 22 October but the message
    // book is read only on 26 November; Sightline learns of it then and the
    // 7 WD for a health-visiting contact are long past, so it is raised at once.
    {"hv-new-registration", "ealing-hv", "2012-11-26", "2012-11-26", "F3"},
    // (3.9, 4.6.2): "the mother did not take Sofia for her six to eight-week
    // developmental assessment".
    {"healthy-child-contact-overdue", "ealing-hv", "2012-11-28", "2012-11-28", ""},
    // F4 (3.11, 4.7.2): the telephone strategy discussion between Ealing CSC and
    // police leaves out health and the referring health visitor.
    {"strategy-discussion-incomplete", "ealing-csc", "2012-11-29", "2012-11-29", "F4"},
    // F4 (4.7.2): after the medical "there was no consideration given to calling
    // a further follow-on strategy discussion".
    {"strategy-review-missing", "ealing-csc", "2012-12-15", "2012-12-15", "F4"},
    // F5, F6 (3.12, 4.8.2, 4.9.2): "a healthy happy child" reduces concern
    // although homelessness, destitution, transience and non-cooperation remain.
    {"neglect-holistic-review", "ealing-csc", "2012-12-20", "2012-12-20", "F5, F6"},
    // F7 (3.14, 4.10.2): the Christmas Eve transfer to Luton is a welfare check
    // while Ealing's assessment is open and unwritten; it should have said
    // "incomplete assessment", and transience and no recourse are not passed on.
    {"handover-understated", "ealing-csc", "2012-12-24", "2012-12-24", "F7, F8"},
    // F8 (3.16, 4.11.2): the Ealing health visitor knows of the move to Luton but
    // makes no contact with Luton health visiting although Sofia was enhanced.
    {"hv-handover-missing", "ealing-hv", "2012-12-29", "2012-12-29", "F8"},
    // F7, F8 (3.15): Luton cannot find the family over Christmas.
    {"whereabouts-unknown", "luton-csc", "2012-12-29", "2012-12-29", "F7, F8"},
    {"missing-alert-required", "ealing-csc", "2012-12-29", "2012-12-29", "F7, F8"},
    // F7 (3.15): the transfer is never accepted with Sofia seen; both
    // authorities stay responsible.
    {"transfer-child-not-seen", "ealing-csc", "2013-01-04", "2013-01-04", "F7"},
    {"transfer-child-not-seen", "luton-csc", "2013-01-04", "2013-01-04", "F7"},
    // F7, F8 (1.2.3, 3.15): Ealing's open assessment needs Sofia seen every
    // 20 WD; she is never seen again by a professional until the night she dies.
    {"child-not-seen", "ealing-csc", "2013-01-04", "2013-01-04", "F7, F8"},
    // F7 (3.15, 4.10.2): Ealing closes the case before Luton has seen Sofia;
    // Luton closes it not knowing where she is.
    {"closure-before-seen", "ealing-csc", "2013-01-07", "2013-01-07", "F7"},
    {"closure-before-seen", "luton-csc", "2013-01-16", "2013-01-16", "F7"},
    // F8 (4.11.2): enhanced health visiting, and nobody from Ealing health
    // visiting sees her after November.
    {"child-not-seen", "ealing-hv", "2013-01-15", "2013-01-15", "F7, F8"},
    // (3.17): "Sofia was in Europe with her grandmother", never checked.
    {"unverified-claim", "ealing-gp", "2013-02-20", "2013-02-20", ""},
    // F8 (3.17, 4.11.2): the verbal referral to Westminster health visiting
    // says "universal" and shares none of the risks.
    {"handover-understated", "ealing-hv", "2013-04-09", "2013-04-09", "F7, F8"},
    // (3.17, footnote 11): the NHS-spine address is a day centre for the homeless.
    {"non-residential-address", "westminster-csc", "2013-04-09", "2013-04-09", ""},
    // F8 (3.17): Westminster health visiting phones twice and sends an SMS, but
    // never visits; the Ealing sender stays responsible for an enhanced child.
    {"hv-transfer-contact", "westminster-hv", "2013-04-19", "2013-04-19", "F8"},
    {"hv-transfer-contact", "ealing-hv", "2013-04-19", "2013-04-19", "F8"},
    // F8 (3.17): "the records were not accessed by the Westminster health visitors".
    {"records-not-reviewed", "westminster-hv", "2013-06-20", "2013-06-20", "F8"},
};
// clang-format on

Date d(const char* s) { return *Date::parse(s); }

std::vector<Alert> replay(const std::string& name, std::optional<Date> until = std::nullopt) {
  ReplayOptions options;
  options.until = until;
  std::vector<std::string> faults;
  ReplayResult r = replay_file(testing::scenario(name).string(), SafeguardsConfig(), options,
                               [&](const Fault& f) { faults.push_back(f.to_string()); });
  EXPECT_TRUE(r.ok()) << (faults.empty() ? "" : faults.front());
  return r.engine->alerts();
}

std::string listing(const std::vector<Alert>& alerts) {
  std::string out;
  for (const Alert& a : alerts) out += "\n  " + alert_json(a);
  return out;
}

TEST(Sofia, EveryFindingIsAlertedWhereThePracticeFellShort) {
  const std::vector<Alert> alerts = replay("sofia.jsonl");
  for (const ExpectedAlert& e : kExpected) {
    const bool found = std::any_of(alerts.begin(), alerts.end(), [&](const Alert& a) {
      return a.rule == e.rule && a.owner == e.owner && a.finding == e.finding &&
             a.raised >= d(e.raised_from) && a.raised <= d(e.raised_to);
    });
    EXPECT_TRUE(found) << e.rule << " owned by " << e.owner << " raised " << e.raised_from << ".."
                       << e.raised_to << listing(alerts);
  }
  // Every finding F1-F8 has at least one alert.
  for (const char* f : {"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8"}) {
    EXPECT_TRUE(std::any_of(alerts.begin(), alerts.end(), [&](const Alert& a) {
      return a.finding.find(f) != std::string::npos;
    })) << f;
  }
}

// 1.2.2, 1.2.3: "Sofia was not seen by a professional for over nine months"
// before she died on 14 October 2013. The alert that she is not being seen
// reaches the safeguarding partnership in January 2013, nine months earlier.
TEST(Sofia, NotBeingSeenReachesThePartnershipMonthsBeforeHerDeath) {
  const std::vector<Alert> alerts = replay("sofia.jsonl");
  const auto it = std::find_if(alerts.begin(), alerts.end(), [](const Alert& a) {
    return a.rule == "child-not-seen" && a.owner == "ealing-csc";
  });
  ASSERT_NE(it, alerts.end()) << listing(alerts);
  ASSERT_EQ(it->escalations.size(), 3u);
  EXPECT_EQ(it->escalations[0].at, d("2013-01-08"));  // manager: raised 01-04 + 2 WD
  EXPECT_EQ(it->escalations[1].at, d("2013-01-11"));  // safeguarding lead: + 5 WD
  EXPECT_EQ(it->escalations[2].level, Level::kPartnership);
  EXPECT_EQ(it->escalations[2].at, d("2013-01-18"));  // partnership: + 10 WD
  EXPECT_LT(it->escalations[2].at, d("2013-06-14")) << "at least four months before the death";
  EXPECT_EQ(it->resolved, d("2013-10-14"));
  EXPECT_EQ(std::get<std::string>(it->resolved_by), "death-sofia");
}

// 3.19: her death ends every duty; nothing is raised after it and nothing is
// left open.
TEST(Sofia, HerDeathClosesEverything) {
  const std::vector<Alert> alerts = replay("sofia.jsonl", d("2014-12-31"));
  for (const Alert& a : alerts) {
    EXPECT_LE(a.raised, d("2013-10-14")) << alert_json(a);
    EXPECT_TRUE(a.resolved.has_value()) << alert_json(a);
  }
}

// C4: --until shows only the alerts raised by then, as of then.
TEST(Sofia, UntilShowsTheAlertsAsOfThatDay) {
  const std::vector<Alert> alerts = replay("sofia.jsonl", d("2012-12-31"));
  ASSERT_FALSE(alerts.empty());
  for (const Alert& a : alerts) {
    EXPECT_LE(a.raised, d("2012-12-31")) << alert_json(a);
    if (a.resolved) {
      EXPECT_LE(*a.resolved, d("2012-12-31")) << alert_json(a);
    }
    for (const Escalation& e : a.escalations) EXPECT_LE(e.at, d("2012-12-31")) << alert_json(a);
  }
}

TEST(Sofia, ReplayingTwiceGivesIdenticalAlertsInTheCataloguesOrder) {
  const std::vector<Alert> first = replay("sofia.jsonl");
  EXPECT_TRUE(std::is_sorted(first.begin(), first.end(), alert_order));
  const std::vector<Alert> second = replay("sofia.jsonl");
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i)
    EXPECT_EQ(alert_json(first[i]), alert_json(second[i]));
}

// A feed not in `recorded` order is replayed in that order: moving the three
// lines recorded on 2012-11-26 to the end of the file changes nothing but the
// line numbers.
TEST(Sofia, AFeedOutOfRecordedOrderIsReplayedInRecordedOrder) {
  const std::string text = testing::read_file(testing::scenario("sofia.jsonl"));
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    lines.push_back(text.substr(pos, end - pos));
    pos = end == std::string::npos ? text.size() : end + 1;
  }
  std::vector<std::string> moved;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i < 82 || i > 84) moved.push_back(lines[i]);
  }
  for (std::size_t i = 82; i <= 84; ++i) moved.push_back(lines[i]);
  testing::TempDir dir;
  {
    std::ofstream out(dir.file("moved.jsonl"));
    for (const std::string& l : moved) out << l << "\n";
  }
  std::vector<std::string> faults;
  ReplayResult r = replay_file(dir.file("moved.jsonl"), SafeguardsConfig(), ReplayOptions(),
                               [&](const Fault& f) { faults.push_back(f.to_string()); });
  ASSERT_TRUE(r.ok()) << (faults.empty() ? "" : faults.front());
  EXPECT_FALSE(r.sorted);
  const std::vector<Alert> got = r.engine->alerts();
  const std::vector<Alert> want = replay("sofia.jsonl");
  ASSERT_EQ(got.size(), want.size()) << listing(got);
  for (std::size_t i = 0; i < got.size(); ++i) {
    Alert g = got[i], w = want[i];
    if (std::holds_alternative<std::int64_t>(g.resolved_by)) g.resolved_by = std::int64_t{0};
    if (std::holds_alternative<std::int64_t>(w.resolved_by)) w.resolved_by = std::int64_t{0};
    EXPECT_EQ(alert_json(g), alert_json(w));
  }
}

TEST(WellServed, ReplaysToNoAlertAtAll) {
  EXPECT_EQ(listing(replay("well-served.jsonl")), "");
  // Nor later, once every duty it set has fallen due.
  EXPECT_EQ(listing(replay("well-served.jsonl", d("2026-12-31"))), "");
}

TEST(Replay, AFaultyFeedIsRefusedWithEveryFault) {
  testing::TempDir dir;
  {
    std::ofstream out(dir.file("bad.jsonl"));
    out << R"({"type":"agency","id":"a","at":"2012-01-01","name":"A","kind":"police","area":"E09000009"})"
        << "\n"
        << R"({"type":"referral","id":"r","at":"2012-01-02","by":"a","child":"nobody","from":"a","to":"zz","concerns":[]})"
        << "\n"
        << R"({"type":"nonsense","at":"2012-01-02"})"
        << "\n";
  }
  std::vector<Fault> faults;
  ReplayResult r = replay_file(dir.file("bad.jsonl"), SafeguardsConfig(), ReplayOptions(),
                               [&](const Fault& f) { faults.push_back(f); });
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.faulty_lines, 2);
  ASSERT_GE(faults.size(), 2u);
  EXPECT_EQ(faults.front().line, 2);
  EXPECT_EQ(faults.back().line, 3);
}

}  // namespace
}  // namespace sightline::safeguards
