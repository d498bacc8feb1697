// The catalogue's terms over one child's chronology (chronology/: involvement,
// whereabouts, closure blockers, the child's area, age, health-visiting level,
// active indicators), each against what the catalogue says, on small feeds.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "../support/feed_events.h"
#include "chronology/age.h"
#include "chronology/child_area.h"
#include "chronology/child_identity.h"
#include "chronology/closure_blockers.h"
#include "chronology/hv_level.h"
#include "chronology/indicators.h"
#include "chronology/involvement.h"
#include "chronology/strategy_referral.h"
#include "chronology/whereabouts.h"
#include "feed/parser.h"

namespace sightline {
namespace {

std::vector<Event> events(const std::string& lines) { return testing::trusted_events(lines); }

class Agencies final : public AgencyFacts {
 public:
  std::optional<AgencyKind> kind(std::string_view a) const override {
    if (a.ends_with("-hv")) return AgencyKind::kHealthVisiting;
    if (a.ends_with("-csc")) return AgencyKind::kChildrensSocialCare;
    if (a.ends_with("-gp")) return AgencyKind::kGpPractice;
    return std::nullopt;
  }
  std::string area(std::string_view a) const override {
    if (a.starts_with("ealing")) return "E09000009";
    if (a.starts_with("luton")) return "E06000032";
    return {};
  }
};

constexpr const char* kTia =
    R"({"type":"person","id":"tia","at":"2025-06-01","by":"ealing-gp","given":"Tia","family":"Example","dob":"2025-06-01"}
)";

TEST(Involvement, AClosureEndsTheAgencysAcceptedTransferAndEnhancedLevelNotItsAssessmentC8) {
  const auto e = events(
      std::string(kTia) +
      R"({"type":"assessment_started","id":"as1","at":"2026-01-05","by":"ealing-csc","child":"tia","kind":"child_and_family","agency":"ealing-csc"}
{"type":"hv_level","at":"2026-01-06","by":"ealing-hv","child":"tia","level":"universal_plus"}
{"type":"transfer","id":"tr1","at":"2026-01-07","by":"luton-csc","child":"tia","from":"luton-csc","to":"ealing-csc","status":"child_in_need","summary":"s","risks":[]}
{"type":"transfer_accepted","at":"2026-01-08","by":"ealing-csc","transfer":"tr1","child_seen":true}
{"type":"case_closed","at":"2026-01-09","by":"ealing-csc","child":"tia","agency":"ealing-csc","reason":"other"}
{"type":"case_closed","at":"2026-01-10","by":"ealing-hv","child":"tia","agency":"ealing-hv","reason":"other"}
)");
  const auto open = open_involvement(e, "tia", Agencies());
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].agency, "ealing-csc");
  EXPECT_EQ(open[0].kind, InvolvementKind::kAssessment);
  EXPECT_EQ(open[0].ref, "as1");
  EXPECT_FALSE(hv_level_now(e, "tia").has_value());
}

TEST(Involvement, OpenUntilCompletedConcludedOrEndedAndAdultNeedsIsNone) {
  const auto e = events(
      std::string(kTia) +
      R"({"type":"assessment_started","id":"as1","at":"2026-01-05","by":"ealing-csc","child":"tia","kind":"s47","agency":"ealing-csc"}
{"type":"assessment_started","id":"as2","at":"2026-01-05","by":"ealing-csc","child":"tia","kind":"adult_needs","agency":"ealing-csc"}
{"type":"plan_started","id":"pl1","at":"2026-01-06","by":"ealing-csc","child":"tia","kind":"child_protection","agency":"ealing-csc"}
{"type":"assessment_completed","at":"2026-01-07","by":"ealing-csc","assessment":"as1","outcome":"no_further_action"}
)");
  auto open = open_involvement(e, "tia", Agencies());
  ASSERT_EQ(open.size(), 2u);  // completing an s47 does not conclude it
  EXPECT_EQ(open[0].kind, InvolvementKind::kS47);
  EXPECT_EQ(open[1].kind, InvolvementKind::kChildProtectionPlan);
  const auto later = events(
      std::string(kTia) +
      R"({"type":"assessment_started","id":"as1","at":"2026-01-05","by":"ealing-csc","child":"tia","kind":"s47","agency":"ealing-csc"}
{"type":"plan_started","id":"pl1","at":"2026-01-06","by":"ealing-csc","child":"tia","kind":"child_protection","agency":"ealing-csc"}
{"type":"s47_concluded","at":"2026-01-08","by":"ealing-csc","assessment":"as1","outcome":"not_substantiated"}
{"type":"plan_ended","at":"2026-01-09","by":"ealing-csc","plan":"pl1"}
)");
  EXPECT_TRUE(open_involvement(later, "tia", Agencies()).empty());
}

TEST(Involvement, TheReceivingHealthVisitorsSightingEndsTheSendersEnhancedLevelR46) {
  const auto e = events(
      std::string(kTia) +
      R"({"type":"hv_level","at":"2026-01-06","by":"luton-hv","child":"tia","level":"partnership_plus"}
{"type":"transfer","id":"tr1","at":"2026-01-07","by":"luton-hv","child":"tia","from":"luton-hv","to":"ealing-hv","status":"enhanced","summary":"s","risks":[]}
)");
  ASSERT_EQ(open_involvement(e, "tia", Agencies()).size(), 1u);
  auto seen = e;
  const auto visit = events(
      R"({"type":"contact","at":"2026-01-09","by":"ealing-hv","persons":["tia"],"mode":"home_visit","child_seen":true,"outcome":"seen"})");
  seen.push_back(visit[0]);
  seen.back().line = 99;
  EXPECT_TRUE(open_involvement(seen, "tia", Agencies()).empty());
  // Knowing no agency's kind, nothing says the receiver is health visiting.
  EXPECT_EQ(open_involvement(seen, "tia", NoAgencyFacts()).size(), 1u);
}

TEST(Whereabouts, UnknownFromTheTriggerUntilSomethingSinceLocatesTheChild) {
  const std::string lost =
      std::string(kTia) +
      R"({"type":"contact","at":"2026-01-05","by":"ealing-hv","persons":["tia"],"mode":"home_visit","child_seen":false,"outcome":"not_at_address"}
)";
  const auto since = whereabouts_unknown_since(events(lost), "tia");
  ASSERT_TRUE(since.has_value());
  EXPECT_EQ(since->to_string(), "2026-01-05");
  EXPECT_FALSE(whereabouts_unknown_since(
                   events(lost +
                          R"({"type":"found","at":"2026-01-06","by":"ealing-csc","child":"tia"}
)"),
                   "tia")
                   .has_value());
  // A sighting from before the trigger, learnt after it, does not locate her (R65).
  EXPECT_TRUE(
      whereabouts_unknown_since(
          events(
              lost +
              R"({"type":"contact","at":"2026-01-04","recorded":"2026-01-06","by":"ealing-gp","persons":["tia"],"mode":"clinic","child_seen":true,"outcome":"seen"}
)"),
          "tia")
          .has_value());
  // An address given without notice locates no one (C5).
  EXPECT_TRUE(
      whereabouts_unknown_since(
          events(
              lost +
              R"({"type":"address","at":"2026-01-06","by":"ealing-gp","persons":["tia"],"notice":"without_notice","address":{"line1":"1 High Street","town":"London","postcode":"W5 1AA","area":"E09000009"}}
)"),
          "tia")
          .has_value());
}

TEST(ClosureBlockers, ClosureBeforeSeenWhereaboutsUnknownTransferNotAcceptedSeenAndOpenAssessment) {
  const auto e =
      events(std::string(kTia) +
             R"({"type":"whereabouts_unknown","at":"2026-01-04","by":"ealing-csc","child":"tia"}
{"type":"assessment_started","id":"as1","at":"2026-01-05","by":"ealing-csc","child":"tia","kind":"child_and_family","agency":"ealing-csc"}
{"type":"transfer","id":"tr1","at":"2026-01-07","by":"ealing-csc","child":"tia","from":"ealing-csc","to":"luton-csc","status":"incomplete_assessment","summary":"s","risks":[]}
{"type":"transfer_accepted","at":"2026-01-08","by":"luton-csc","transfer":"tr1","child_seen":false}
)");
  const ClosureBlockers b = closure_blockers(e, "tia", "ealing-csc", Agencies());
  ASSERT_TRUE(b.any());
  EXPECT_EQ(b.reasons(),
            (std::vector<std::string>{"the child's whereabouts are unknown",
                                      "transfer to luton-csc not accepted with the child seen",
                                      "the closing agency's assessment is still open"}));
  EXPECT_EQ(b.assessment->id, "as1");
  // The receiver's view: the transfer came from Ealing; its assessment is not Luton's.
  EXPECT_EQ(
      closure_blockers(e, "tia", "luton-csc", Agencies()).reasons(),
      (std::vector<std::string>{"the child's whereabouts are unknown",
                                "transfer from ealing-csc not accepted with the child seen"}));
  EXPECT_FALSE(closure_blockers(events(kTia), "tia", "ealing-csc", Agencies()).any());
}

TEST(ChildArea, LatestAddressElseACarersElseTheBirthPlaceElseTheGpElseTheLastReporterC1) {
  const Agencies agencies;
  EXPECT_EQ(child_area(events(kTia), "tia", agencies), "E09000009");  // reported by ealing-gp
  EXPECT_EQ(
      child_area(
          events(
              std::string(kTia) +
              R"({"type":"registration","at":"2026-01-02","by":"x","child":"tia","agency":"luton-gp"}
)"),
          "tia", agencies),
      "E06000032");
  const auto unborn = events(
      R"({"type":"pregnancy","at":"2025-10-01","by":"x","mother":"mum","child":"bump","edd":"2026-04-01"}
{"type":"address","at":"2025-10-02","by":"x","persons":["mum"],"address":{"line1":"2 Low Road","town":"Luton","postcode":"LU1 1AA","area":"E06000032"}}
{"type":"address","at":"2025-10-03","by":"x","persons":["bump"],"address":{"line1":"1 High Street","town":"London","postcode":"W5 1AA","area":"E09000009"}}
)");
  EXPECT_EQ(child_area(unborn, "bump", agencies),
            "E06000032");  // an unborn child's is the mother's
  EXPECT_EQ(address_area_on(unborn, "bump", *Date::parse("2025-10-03")), "E09000009");
  EXPECT_EQ(address_area_on(unborn, "bump", *Date::parse("2025-10-02")), "");
}

TEST(Age, LatestDobElseTheBirthAndABirthdayReachedOnTheDay) {
  const auto e = events(
      R"({"type":"birth","at":"2021-01-30","by":"h","child":"c","mother":"m"}
)");
  ASSERT_EQ(date_of_birth(e, "c"), Date::parse("2021-01-30"));
  EXPECT_FALSE(younger_than(*Date::parse("2021-01-30"), *Date::parse("2026-01-30"), 5));
  EXPECT_TRUE(younger_than(*Date::parse("2021-01-31"), *Date::parse("2026-01-30"), 5));
  const auto given = events(
      R"({"type":"birth","at":"2021-01-30","by":"h","child":"c","mother":"m"}
{"type":"person","id":"c","at":"2022-01-01","by":"g","dob":"2021-01-29"}
)");
  EXPECT_EQ(date_of_birth(given, "c"), Date::parse("2021-01-29"));
  EXPECT_FALSE(date_of_birth(events(kTia), "nobody").has_value());
}

TEST(Age, YearsAndMonthsAMonthlyBirthdayOnAShortMonthsLastDay) {
  const auto d = [](const char* s) { return *Date::parse(s); };
  EXPECT_EQ(age_on(d("2021-01-31"), d("2021-01-31")), (Age{0, 0}));
  EXPECT_EQ(age_on(d("2021-01-31"), d("2021-02-27")), (Age{0, 0}));
  EXPECT_EQ(age_on(d("2021-01-31"), d("2021-02-28")), (Age{0, 1}));  // February has no 31st
  EXPECT_EQ(age_on(d("2021-01-31"), d("2021-03-30")), (Age{0, 1}));
  EXPECT_EQ(age_on(d("2021-01-31"), d("2021-03-31")), (Age{0, 2}));
  EXPECT_EQ(age_on(d("2012-10-02"), d("2013-10-14")), (Age{1, 0}));
  EXPECT_EQ(age_on(d("2012-10-02"), d("2026-10-01")), (Age{13, 11}));
  EXPECT_FALSE(age_on(d("2012-10-02"), d("2012-10-01")).has_value());
}

TEST(ChildIdentity, LatestDetailsTheDeathAndEveryoneLinkedOnceWithTheirLatestRole) {
  const auto e = events(
      R"({"type":"pregnancy","at":"2020-05-01","by":"mw","mother":"m","child":"c","edd":"2021-01-30"}
{"type":"birth","at":"2021-01-30","by":"h","child":"c","mother":"m"}
{"type":"person","id":"c","at":"2021-01-30","by":"h","given":"C","family":"D","sex":"F","nhs_number":"9434765919"}
{"type":"person","id":"c","at":"2021-03-01","by":"g","given":"C","family":"D"}
{"type":"referral","id":"r","at":"2021-04-01","by":"gp","child":"c","mother":"m","from":"gp","to":"csc","concerns":["unsafe_sleeping"]}
{"type":"relationship","at":"2021-05-01","by":"csc","person":"p","other":"c","role":"partner"}
{"type":"relationship","at":"2021-06-01","by":"csc","person":"p","other":"c","role":"carer"}
{"type":"relationship","at":"2021-06-01","by":"csc","person":"c","other":"s","role":"sibling"}
{"type":"relationship","at":"2021-06-01","by":"csc","person":"g","other":"m","role":"mother"}
{"type":"death","at":"2022-02-02T03:00","by":"h","person":"c"}
)");
  const ChildIdentity id = child_identity(e, "c");
  EXPECT_EQ(id.nhs_number, "9434765919");
  EXPECT_EQ(id.sex, Sex::kF);
  EXPECT_EQ(id.died, Date::parse("2022-02-02"));
  EXPECT_EQ(date_of_death(e, "c"), Date::parse("2022-02-02"));
  EXPECT_FALSE(date_of_death(e, "m").has_value());
  const std::vector<HouseholdMember> household = {{"m", RelationshipRole::kMother, true},
                                                  {"p", RelationshipRole::kCarer, true},
                                                  {"s", RelationshipRole::kSibling, false}};
  EXPECT_EQ(id.household, household);  // the mother's mother is not the child's
}

TEST(Involvement, NoLiveWorkOnceTheChildHasDiedThoughC8StillCountsIt) {
  const auto e = events(
      R"({"type":"assessment_started","id":"a","at":"2021-01-01","by":"csc","child":"c","kind":"child_and_family","agency":"csc"}
{"type":"death","at":"2021-02-01","by":"h","person":"c"}
)");
  EXPECT_EQ(open_involvement(e, "c", NoAgencyFacts()).size(), 1u);
  EXPECT_TRUE(involvement_while_alive(e, "c", NoAgencyFacts()).empty());
}

// What the pages show of a child as live: a pregnancy indicator ends at the
// birth, and nothing stays active, nor are whereabouts unknown, once the
// child has died (R5), whether they died unborn or after the birth; the
// catalogue's terms (what the engine holds) are not changed by the death.
struct LiveFactsCase {
  const char* name;
  const char* feed;
  std::vector<std::string> live_indicators;  // indicators_while_alive
  bool live_whereabouts_unknown;             // whereabouts_unknown_while_alive
  std::size_t catalogue_indicators;          // active_indicators
  bool catalogue_whereabouts_unknown;        // whereabouts_unknown_since
};

class LiveFacts : public ::testing::TestWithParam<LiveFactsCase> {};

TEST_P(LiveFacts, NothingStaysActiveAfterDeath) {
  const LiveFactsCase& c = GetParam();
  const auto e = events(c.feed);
  const auto now = *Timestamp::parse("2026-01-25");
  std::vector<std::string> live;
  for (const auto& [domain, list] : indicators_while_alive(e, "c", now)) {
    for (const ActiveIndicator& i : list) live.emplace_back(to_string(i.indicator));
  }
  EXPECT_EQ(live, c.live_indicators);
  EXPECT_EQ(whereabouts_unknown_while_alive(e, "c").has_value(), c.live_whereabouts_unknown);
  std::size_t catalogue = 0;
  for (const auto& [domain, list] : active_indicators(e, "c", now)) catalogue += list.size();
  EXPECT_EQ(catalogue, c.catalogue_indicators);
  EXPECT_EQ(whereabouts_unknown_since(e, "c").has_value(), c.catalogue_whereabouts_unknown);
}

constexpr const char* kPregnancy =
    R"({"type":"pregnancy","at":"2025-06-01","by":"mw","mother":"m","child":"c","edd":"2025-12-01"}
)";
constexpr const char* kLost =
    R"({"type":"whereabouts_unknown","at":"2026-01-10","by":"hv","child":"c"}
)";
constexpr const char* kConcern =
    R"({"type":"indicator","at":"2026-01-05","by":"hv","child":"c","indicator":"poor_hygiene"}
)";
constexpr const char* kBirth =
    R"({"type":"birth","at":"2025-11-30","by":"mw","child":"c","mother":"m"}
)";
constexpr const char* kDeath = R"({"type":"death","at":"2026-01-20","by":"h","person":"c"}
)";
const std::string kUnbornAlive = std::string(kPregnancy);
const std::string kUnbornDied = std::string(kPregnancy) + kDeath;
const std::string kBornAlive = std::string(kPregnancy) + kBirth + kConcern + kLost;
const std::string kBornDied = kBornAlive + kDeath;

INSTANTIATE_TEST_SUITE_P(
    ChildDied, LiveFacts,
    ::testing::Values(
        LiveFactsCase{
            "UnbornPregnancyIsActive", kUnbornAlive.c_str(), {"pregnancy"}, false, 1, false},
        LiveFactsCase{"UnbornWhoDiedHasNone", kUnbornDied.c_str(), {}, false, 1, false},
        LiveFactsCase{"BornPregnancyEndedConcernAndLostStay",
                      kBornAlive.c_str(),
                      {"poor_hygiene"},
                      true,
                      1,
                      true},
        LiveFactsCase{"BornWhoDiedHasNone", kBornDied.c_str(), {}, false, 1, true}),
    [](const ::testing::TestParamInfo<LiveFactsCase>& param_info) {
      return param_info.param.name;
    });

TEST(Indicators, RecordedConcernsAndDerivedOnesByDomainUntilResolvedOrLapsed) {
  const auto e = events(
      std::string(kTia) +
      R"({"type":"relationship","at":"2025-06-01","by":"ealing-gp","person":"mum","other":"tia","role":"mother"}
{"type":"circumstances","at":"2026-01-02","by":"ealing-csc","person":"mum","housing":"sofa_surfing","income":"none"}
{"type":"referral","id":"r1","at":"2026-01-03","by":"ealing-hv","child":"tia","from":"ealing-hv","to":"ealing-csc","concerns":["unsafe_sleeping"]}
{"type":"contact","at":"2026-01-04","by":"ealing-hv","persons":["mum"],"mode":"home_visit","child_seen":false,"outcome":"declined"}
{"type":"contact","at":"2026-01-20","by":"ealing-hv","persons":["tia"],"mode":"home_visit","child_seen":false,"outcome":"no_access"}
{"type":"indicator","at":"2026-01-21","by":"ealing-csc","child":"tia","indicator":"destitution","status":"resolved"}
)");
  const auto now = *Timestamp::parse("2026-01-25");
  const auto active = active_indicators(e, "tia", now);
  std::map<std::string, Domain> codes;
  for (const auto& [domain, list] : active) {
    for (const ActiveIndicator& i : list) codes[std::string(to_string(i.indicator))] = domain;
  }
  EXPECT_EQ(codes, (std::map<std::string, Domain>{{"homelessness", Domain::kHomeAndStability},
                                                  {"non_cooperation", Domain::kEngagement},
                                                  {"unsafe_sleeping", Domain::kPhysicalCare}}));
  EXPECT_EQ(domains_spanned(active), 3);
  // Sixty days on, the refusals lapse (R16's window); the rest stays.
  const auto later = active_indicators(e, "tia", *Timestamp::parse("2026-03-10"));
  EXPECT_FALSE(later.contains(Domain::kEngagement));
  EXPECT_TRUE(later.contains(Domain::kHomeAndStability));
}

TEST(StrategyReferral, TheReferrerIsTheLatestReferralInThe30DaysBeforeNotTheLatestEver) {
  const std::vector<Event> chronology = events(std::string(kTia) + R"(
{"type":"referral","id":"r-old","at":"2025-07-01","by":"ealing-hv","child":"tia","from":"ealing-hv","to":"ealing-csc","concerns":["unsafe_sleeping"]}
{"type":"referral","id":"r-new","at":"2025-09-10","by":"ealing-gp","child":"tia","from":"ealing-gp","to":"ealing-csc","concerns":["unsafe_sleeping"]}
{"type":"referral","id":"r-other","at":"2025-09-12","by":"ealing-gp","child":"sam","from":"ealing-gp","to":"ealing-csc","concerns":["unsafe_sleeping"]}
)");
  // Within 30 days of the latest: it led to the discussion.
  auto r = strategy_referral(chronology, "tia", *Date::parse("2025-10-10"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, "r-new");
  EXPECT_EQ(r->from, "ealing-gp");
  // 31 days on, no referral led to it: the latest ever is not the referrer.
  EXPECT_FALSE(strategy_referral(chronology, "tia", *Date::parse("2025-10-11")));
  // A discussion before the latest referral: the one in the 30 days before it.
  r = strategy_referral(chronology, "tia", *Date::parse("2025-07-20"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, "r-old");
  // The window is the area's to set.
  EXPECT_FALSE(strategy_referral(chronology, "tia", *Date::parse("2025-09-30"), 14));
}

}  // namespace
}  // namespace sightline
