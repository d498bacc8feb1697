// The dashboard's figures (web/figures.h) over a small feed written for the
// purpose, in a real SQLite store: each figure's rows per area and month
// against counts worked out by hand below, including a month boundary, an
// area boundary (a child who moved), the 7-working-day boundary (a weekend
// and the Christmas bank holidays in between), the under-5 boundary, and a
// registration still within its time.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "../support/test_support.h"
#include "core/clock.h"
#include "service/store_safeguards.h"
#include "store/importer.h"
#include "store/sqlite/sqlite_figures_store.h"
#include "store/sqlite/sqlite_store.h"
#include "web/figures.h"

namespace sightline {
namespace {

using testing::TempDir;
using web::FigureRow;

constexpr const char* kEaling = "E09000009";
constexpr const char* kLuton = "E06000032";

// Today, on the test's clock: Monday 2 March 2026.
constexpr const char* kToday = "2026-03-02T09:00:00";

// Agencies in Ealing and Luton; children c1..c8 (see each figure's test for
// what counts).
constexpr const char* kFeed =
    R"({"type":"agency","id":"ealing-gp","at":"2020-01-01","name":"Ealing GP","kind":"gp_practice","area":"E09000009"}
{"type":"agency","id":"ealing-hv","at":"2020-01-01","name":"Ealing HV","kind":"health_visiting","area":"E09000009"}
{"type":"agency","id":"ealing-csc","at":"2020-01-01","name":"Ealing CSC","kind":"childrens_social_care","area":"E09000009"}
{"type":"agency","id":"ealing-police","at":"2020-01-01","name":"Ealing police","kind":"police","area":"E09000009"}
{"type":"agency","id":"luton-gp","at":"2020-01-01","name":"Luton GP","kind":"gp_practice","area":"E06000032"}
{"type":"agency","id":"luton-hv","at":"2020-01-01","name":"Luton HV","kind":"health_visiting","area":"E06000032"}
{"type":"agency","id":"luton-csc","at":"2020-01-01","name":"Luton CSC","kind":"childrens_social_care","area":"E06000032"}
{"type":"person","id":"c1","at":"2024-05-01","by":"ealing-gp","given":"Ann","family":"One","dob":"2024-05-01"}
{"type":"person","id":"c2","at":"2025-01-10","by":"ealing-gp","given":"Bea","family":"Two","dob":"2025-01-10"}
{"type":"person","id":"c3","at":"2025-02-01","by":"ealing-gp","given":"Cal","family":"Three","dob":"2025-02-01"}
{"type":"person","id":"c4","at":"2021-01-30","by":"ealing-gp","given":"Dee","family":"Four","dob":"2021-01-30"}
{"type":"person","id":"c5","at":"2021-01-31","by":"ealing-gp","given":"Eve","family":"Five","dob":"2021-01-31"}
{"type":"person","id":"c6","at":"2025-03-01","by":"luton-gp","given":"Fay","family":"Six","dob":"2025-03-01"}
{"type":"person","id":"c7","at":"2025-06-01","by":"ealing-gp","given":"Gus","family":"Seven","dob":"2025-06-01"}
{"type":"person","id":"c8","at":"2024-03-01","by":"luton-gp","given":"Hal","family":"Eight","dob":"2024-03-01"}
{"type":"address","at":"2025-06-01","by":"ealing-gp","persons":["c1","c2","c3","c4","c5","c7"],"address":{"line1":"1 High Street","town":"London","postcode":"W5 1AA","area":"E09000009"}}
{"type":"address","at":"2025-01-01","by":"luton-gp","persons":["c8"],"address":{"line1":"2 Low Road","town":"Luton","postcode":"LU1 1AA","area":"E06000032"}}
{"type":"registration","at":"2025-12-24","by":"ealing-gp","child":"c1","agency":"ealing-gp"}
{"type":"contact","at":"2026-01-07T10:00","by":"ealing-hv","persons":["c1"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"registration","at":"2026-01-15","by":"ealing-gp","child":"c8","agency":"ealing-gp"}
{"type":"contact","at":"2026-01-16T10:00","by":"luton-hv","persons":["c8"],"mode":"clinic","child_seen":true,"outcome":"seen"}
{"type":"address","at":"2026-01-20","by":"ealing-gp","persons":["c8"],"address":{"line1":"3 Mid Lane","town":"London","postcode":"W5 2BB","area":"E09000009"}}
{"type":"registration","at":"2026-01-30","by":"ealing-gp","child":"c2","agency":"ealing-gp"}
{"type":"registration","at":"2026-01-30","by":"ealing-gp","child":"c3","agency":"ealing-gp"}
{"type":"registration","at":"2026-01-30","by":"ealing-gp","child":"c4","agency":"ealing-gp"}
{"type":"registration","at":"2026-01-30","by":"ealing-gp","child":"c5","agency":"ealing-gp"}
{"type":"contact","at":"2026-02-02T10:00","by":"ealing-gp","persons":["c5"],"mode":"clinic","child_seen":true,"outcome":"seen"}
{"type":"registration","at":"2026-02-02","by":"luton-gp","child":"c6","agency":"luton-gp"}
{"type":"contact","at":"2026-02-03T10:00","by":"luton-hv","persons":["c6"],"mode":"clinic","child_seen":true,"outcome":"seen"}
{"type":"contact","at":"2026-02-10T16:00","by":"ealing-hv","persons":["c2"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"contact","at":"2026-02-11T09:00","by":"ealing-hv","persons":["c3"],"mode":"home_visit","child_seen":true,"outcome":"seen"}
{"type":"registration","at":"2026-02-25","by":"ealing-gp","child":"c7","agency":"ealing-gp"}
{"type":"strategy_discussion","id":"sd1","at":"2026-01-31T10:00","by":"ealing-csc","child":"c3","format":"meeting","participants":["ealing-police","ealing-hv"],"decision":"no_s47"}
{"type":"strategy_discussion","id":"sd2","at":"2026-02-01T10:00","by":"ealing-csc","child":"c3","format":"telephone","participants":["ealing-police"],"decision":"no_s47"}
{"type":"strategy_discussion","id":"sd3","at":"2026-02-05T10:00","by":"luton-csc","child":"c6","format":"meeting","participants":["luton-gp"],"decision":"no_s47"}
{"type":"strategy_discussion","id":"sd4","at":"2026-02-06T10:00","by":"ealing-hv","child":"c2","format":"meeting","participants":["ealing-csc"],"decision":"no_s47"}
{"type":"strategy_discussion","id":"sd5","at":"2026-03-03T10:00","by":"ealing-csc","child":"c2","format":"meeting","participants":["ealing-police"],"decision":"no_s47"}
{"type":"assessment_started","id":"as3","at":"2026-02-02","by":"ealing-csc","child":"c3","kind":"child_and_family","agency":"ealing-csc"}
{"type":"transfer","id":"tr3","at":"2026-02-09","by":"ealing-csc","child":"c3","from":"ealing-csc","to":"luton-csc","status":"child_in_need","summary":"Moving to Luton","risks":[]}
{"type":"transfer","id":"tr2","at":"2026-02-09","by":"ealing-csc","child":"c2","from":"ealing-csc","to":"luton-csc","status":"welfare_check","summary":"Moving to Luton","risks":[]}
)";

FigureRow row(const char* area, const char* name, const char* month, std::int64_t numerator,
              std::int64_t denominator) {
  return {area, name, month, numerator, denominator};
}

class FiguresTest : public ::testing::Test {
 protected:
  FiguresTest() : clock_(*Timestamp::parse(kToday)) {}
  void SetUp() override {
    auto store = open_sqlite_store(db());
    std::istringstream feed(kFeed);
    const ImportResult imported = import_feed(*store, feed, "figures", {});
    ASSERT_TRUE(imported.committed);
    // The safeguards' alerts, as `sightline import` saves them.
    service::refresh_alerts(*store, safeguards::SafeguardsConfig(), clock_.now());
  }
  std::string db() const { return dir_.file("figures.db"); }

  TempDir dir_;
  SimulatedClock clock_;
};

// GP registrations of under-5s (denominator) seen by health visiting within
// 7 working days (numerator), by the child's area on the day:
// - c1 registered Wed 24 Dec 2025 in Ealing: the 7th working day after is
//   Wed 7 Jan 2026 (25, 26 Dec and 1 Jan are bank holidays); seen by Ealing
//   HV on 7 Jan: counts. December, Ealing: 1 of 1.
// - c8 registered 15 Jan 2026 with the Ealing GP while still living in Luton
//   (moved to Ealing on 20 Jan): Luton; seen by Luton HV next day: 1 of 1.
// - c2, c3, c4, c5 registered Fri 30 Jan 2026 in Ealing: the 7th working day
//   after is Tue 10 Feb. c2 seen 10 Feb (counts), c3 seen 11 Feb (late),
//   c4 is 5 that day (left out), c5 is 4 and was seen only by the GP (not
//   health visiting). January, Ealing: 1 of 3.
// - c6 registered 2 Feb 2026 with the Luton GP, no address: the practice's
//   area, Luton; seen by Luton HV on 3 Feb. February, Luton: 1 of 1.
// - c7 registered Wed 25 Feb 2026: its 7th working day is Fri 6 Mar, after
//   today (2 Mar): still in time, left out.
TEST_F(FiguresTest, GpRegistrationsSeenWithinSevenWorkingDays) {
  sqlite::SqliteFiguresStore figures_store(db());
  web::FiguresView view(figures_store, clock_);
  const std::vector<FigureRow> expected = {
      row(kLuton, "Luton", "2026-01", 1, 1),
      row(kLuton, "Luton", "2026-02", 1, 1),
      row(kEaling, "Ealing", "2025-12", 1, 1),
      row(kEaling, "Ealing", "2026-01", 1, 3),
  };
  EXPECT_EQ(view.rows("gp-registrations-seen"), expected);
}

// hv-new-registration takes its working days and its age from the
// configuration of the practice's area; so does its figure. With Ealing's
// at 10 working days and under 6: of the four registered on 30 January (10th
// working day after: Fri 13 Feb), c2 and c3 were seen in time, c4 (5 that
// day) now counts and was not seen by health visiting, c5 neither. Luton
// keeps the national 7 and 5. c7's 10 working days end on 11 March: in time.
TEST_F(FiguresTest, HvNewRegistrationTheDashboardTakesWorkingDaysAndAgeFromTheAreaConfiguration) {
  sqlite::SqliteFiguresStore figures_store(db());
  web::FiguresView view(
      figures_store, clock_, WorkingDayCalendar::england_and_wales(), [](std::string_view area) {
        return area == kEaling ? web::RegistrationTerms{10, 6} : web::RegistrationTerms{};
      });
  const std::vector<FigureRow> expected = {
      row(kLuton, "Luton", "2026-01", 1, 1),
      row(kLuton, "Luton", "2026-02", 1, 1),
      row(kEaling, "Ealing", "2025-12", 1, 1),
      row(kEaling, "Ealing", "2026-01", 2, 4),
  };
  EXPECT_EQ(view.rows("gp-registrations-seen"), expected);
}

TEST_F(FiguresTest, ARegistrationCountsOnceItsWorkingDaysHaveEnded) {
  // On Monday 9 March c7's 7 working days (to Friday 6 March) have ended and
  // nobody from health visiting saw them: February, Ealing: 0 of 1.
  SimulatedClock later(*Timestamp::parse("2026-03-09T09:00:00"));
  sqlite::SqliteFiguresStore figures_store(db());
  web::FiguresView view(figures_store, later);
  const auto rows = view.rows("gp-registrations-seen");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows.back(), row(kEaling, "Ealing", "2026-02", 0, 1));
}

// Strategy discussions (denominator) with a health agency as convener or
// participant (numerator), by the child's area on the day:
// - sd1, Sat 31 Jan, c3 (Ealing), police and health visiting: January,
//   Ealing: 1 of 1.
// - sd2, Sun 1 Feb (the next month), c3, police only: not counted.
// - sd4, 6 Feb, c2 (Ealing), convened by health visiting: counted.
//   February, Ealing: 1 of 2.
// - sd3, 5 Feb, c6 (no address), convened by Luton CSC with the Luton GP:
//   the convener's area. February, Luton: 1 of 1.
// - sd5, 3 Mar, is dated after today (2 Mar): left out.
TEST_F(FiguresTest, StrategyDiscussionsWithHealth) {
  sqlite::SqliteFiguresStore figures_store(db());
  web::FiguresView view(figures_store, clock_);
  const std::vector<FigureRow> expected = {
      row(kLuton, "Luton", "2026-02", 1, 1),
      row(kEaling, "Ealing", "2026-01", 1, 1),
      row(kEaling, "Ealing", "2026-02", 1, 2),
  };
  EXPECT_EQ(view.rows("strategy-discussions-with-health"), expected);
}

// Transfers (denominator) the safeguards found understated (numerator): on
// 9 Feb Ealing CSC handed c3 to Luton as `child_in_need` with its child and
// family assessment open (should be `incomplete_assessment`: understated),
// and c2 as `welfare_check` with nothing open (not understated). Both
// children live in Ealing that day. February, Ealing: 1 of 2.
TEST_F(FiguresTest, TransfersUnderstated) {
  sqlite::SqliteFiguresStore figures_store(db());
  web::FiguresView view(figures_store, clock_);
  const std::vector<FigureRow> expected = {row(kEaling, "Ealing", "2026-02", 1, 2)};
  EXPECT_EQ(view.rows("transfers-understated"), expected);
}

// The count figures: distinct children with an alert of the figure's rules
// raised in the month, by the child's area on the day, else the owner's.
TEST_F(FiguresTest, AlertCountsAreDistinctChildrenPerAreaAndMonth) {
  {
    auto store = open_sqlite_store(db());
    const auto alert = [](const char* key, const char* rule, const char* child, const char* owner,
                          const char* raised) {
      return AlertRecord{key, rule, child, owner, raised, "", "practitioner", "", "{}"};
    };
    store->update_alerts({
        // c3 (Ealing) twice in February, by two agencies: one child.
        alert("k1", "child-not-seen", "c3", "ealing-csc", "2026-02-18"),
        alert("k2", "child-not-seen", "c3", "ealing-hv", "2026-02-27"),
        // c2 on 1 March: the next month.
        alert("k3", "child-not-seen", "c2", "ealing-csc", "2026-03-01"),
        // c6 has no address: the owner's area (Luton).
        alert("k4", "child-not-seen", "c6", "luton-csc", "2026-02-10"),
        // An unknown child with an unowned owner: the area it names.
        alert("k5", "child-not-seen", "x9", "childrens_social_care:E09000033", "2026-02-10"),
        // Both neglect rules count in one figure; another rule does not.
        alert("k6", "neglect-holistic-review", "c1", "ealing-csc", "2026-02-03"),
        alert("k7", "neglect-assessment-required", "c2", "ealing-csc", "2026-02-04"),
        alert("k8", "was-not-brought", "c5", "ealing-gp", "2026-02-04"),
    });
  }
  sqlite::SqliteFiguresStore figures_store(db());
  web::FiguresView view(figures_store, clock_);
  std::vector<FigureRow> not_seen;
  for (const FigureRow& r : view.rows("children-not-seen")) {
    // Leave out what the safeguards themselves raised over the feed.
    if (r.month >= "2026-02") not_seen.push_back(r);
  }
  EXPECT_EQ(not_seen, (std::vector<FigureRow>{
                          row(kLuton, "Luton", "2026-02", 1, 0),
                          row(kEaling, "Ealing", "2026-02", 1, 0),
                          row(kEaling, "Ealing", "2026-03", 1, 0),
                          row("E09000033", "Westminster", "2026-02", 1, 0),
                      }));
  std::vector<FigureRow> neglect = view.rows("neglect-not-assessed");
  EXPECT_EQ(neglect, (std::vector<FigureRow>{row(kEaling, "Ealing", "2026-02", 2, 0)}));
}

TEST(FigureDefinitionsTest, EveryFindingHasAFigureAndIdsAreUnique) {
  std::set<std::string> ids;
  std::string findings;
  for (const web::FigureDefinition& f : web::figure_definitions()) {
    EXPECT_TRUE(ids.insert(std::string(f.id)).second) << f.id;
    EXPECT_EQ(web::find_figure(f.id), &f);
    findings += std::string(f.finding) + ",";
  }
  for (const char* code : {"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8"}) {
    EXPECT_NE(findings.find(code), std::string::npos) << code;
  }
  EXPECT_EQ(web::find_figure("no-such-figure"), nullptr);
  SimulatedClock clock(*Timestamp::parse(kToday));
  TempDir dir;
  { open_sqlite_store(dir.file("empty.db")); }
  sqlite::SqliteFiguresStore figures_store(dir.file("empty.db"));
  web::FiguresView view(figures_store, clock);
  EXPECT_THROW(view.rows("no-such-figure"), std::invalid_argument);
  EXPECT_TRUE(view.rows("gp-registrations-seen").empty());
}

TEST(PercentTextTest, OneDecimalRoundedHalfUp) {
  struct Case {
    std::int64_t n, d;
    const char* text;
  };
  for (const Case& c :
       {Case{1, 3, "33.3"}, Case{2, 3, "66.7"}, Case{1, 1, "100.0"}, Case{0, 5, "0.0"},
        Case{1, 8, "12.5"}, Case{1, 16, "6.3"}, Case{1, 0, ""}}) {
    EXPECT_EQ(web::percent_text(c.n, c.d), c.text) << c.n << "/" << c.d;
  }
}

// A registration seen by health visiting through a handover: Luton's health
// visitors sent c9 to Ealing's, which accepted with the child seen two working
// days after her GP registration. The catalogue counts that as a sighting by
// the receiver (C5); the figure counts it too. January, Ealing: 1 of 1.
TEST(FiguresSeen, AnAcceptedHandoverWithTheChildSeenIsASightingByTheReceivingHealthVisitors) {
  const TempDir dir;
  const std::string db = dir.file("seen.db");
  {
    auto store = open_sqlite_store(db);
    std::istringstream feed(
        R"({"type":"agency","id":"ealing-gp","at":"2020-01-01","name":"Ealing GP","kind":"gp_practice","area":"E09000009"}
{"type":"agency","id":"ealing-hv","at":"2020-01-01","name":"Ealing HV","kind":"health_visiting","area":"E09000009"}
{"type":"agency","id":"luton-hv","at":"2020-01-01","name":"Luton HV","kind":"health_visiting","area":"E06000032"}
{"type":"person","id":"c9","at":"2025-06-01","by":"ealing-gp","given":"Ida","family":"Nine","dob":"2025-06-01"}
{"type":"address","at":"2025-06-01","by":"ealing-gp","persons":["c9"],"address":{"line1":"1 High Street","town":"London","postcode":"W5 1AA","area":"E09000009"}}
{"type":"transfer","id":"tr9","at":"2026-01-28","by":"luton-hv","child":"c9","from":"luton-hv","to":"ealing-hv","status":"universal"}
{"type":"registration","at":"2026-01-30","by":"ealing-gp","child":"c9","agency":"ealing-gp"}
{"type":"transfer_accepted","at":"2026-02-03","by":"ealing-hv","transfer":"tr9","child_seen":true}
)");
    ASSERT_TRUE(import_feed(*store, feed, "seen", {}).committed);
  }
  const SimulatedClock clock(*Timestamp::parse(kToday));
  sqlite::SqliteFiguresStore figures_store(db);
  web::FiguresView view(figures_store, clock);
  EXPECT_EQ(view.rows("gp-registrations-seen"),
            (std::vector<FigureRow>{row(kEaling, "Ealing", "2026-01", 1, 1)}));
}

}  // namespace
}  // namespace sightline
