#include "pages/audit_filter.h"

#include <gtest/gtest.h>

namespace sightline::pages {
namespace {

AuditFilter filter_of(const std::string& query) {
  web::Request r;
  r.method = "GET";
  r.query = query;
  return read_audit_filter(r);
}

struct MatchCase {
  const char* query;
  const char* user;
  const char* action;
  const char* at;  // UTC, as the audit log writes it
  bool shown;
};

// 2026-06-01T23:30:00Z is 00:30 on 2 June in London (British Summer Time):
// the days of a date range are UK days.
const MatchCase kMatches[] = {
    {"", "alice", "child.read", "2026-06-01T09:00:00Z", true},
    {"who=alice", "alice", "child.read", "2026-06-01T09:00:00Z", true},
    {"who=alice", "bob", "child.read", "2026-06-01T09:00:00Z", false},
    {"what=viewed", "alice", "child.chronology", "2026-06-01T09:00:00Z", true},
    {"what=viewed", "alice", "child.break_glass", "2026-06-01T09:00:00Z", false},
    {"what=break-glass", "alice", "child.break_glass", "2026-06-01T09:00:00Z", true},
    {"what=recorded", "alice", "alert.acknowledged", "2026-06-01T09:00:00Z", true},
    {"what=recorded", "alice", "child.relationship_claimed", "2026-06-01T09:00:00Z", true},
    {"what=refused", "alice", "child.refused", "2026-06-01T09:00:00Z", true},
    {"what=searched", "alice", "child.found_in_search", "2026-06-01T09:00:00Z", true},
    {"from-day=2&from-month=6&from-year=2026", "a", "child.read", "2026-06-01T23:30:00Z", true},
    {"from-day=2&from-month=6&from-year=2026", "a", "child.read", "2026-06-01T22:59:00Z", false},
    {"to-day=1&to-month=6&to-year=2026", "a", "child.read", "2026-06-01T22:59:00Z", true},
    {"to-day=1&to-month=6&to-year=2026", "a", "child.read", "2026-06-01T23:30:00Z", false},
    {"from-day=1&from-month=6&from-year=2026&to-day=1&to-month=6&to-year=2026&who=a&what=viewed",
     "a", "child.read", "2026-06-01T12:00:00Z", true},
};

TEST(AuditFilter, ShowsOnlyTheRecordsOfThePersonTheKindAndTheUkDaysAskedFor) {
  for (const MatchCase& c : kMatches) {
    const AuditFilter f = filter_of(c.query);
    EXPECT_TRUE(f.errors.empty()) << c.query;
    EXPECT_EQ(f.matches(c.user, c.action, c.at), c.shown)
        << c.query << " / " << c.user << " " << c.action << " " << c.at;
  }
}

TEST(AuditFilter, EveryActionAboutAChildHasAKind) {
  for (const char* action :
       {"child.read", "child.chronology", "child.alerts_read", "child.transfers_read",
        "child.notices_read", "child.audit_read", "child.found_in_search", "child.break_glass",
        "child.refused", "child.relationship_claimed", "alert.acknowledged"}) {
    EXPECT_FALSE(audit_action_kind(action).empty()) << action;
  }
  EXPECT_TRUE(audit_action_kind("events.write").empty());
}

struct ErrorCase {
  const char* query;
  const char* field;  // the error summary's link
};

const ErrorCase kErrors[] = {
    {"what=looked", "#what"},
    {"from-day=31&from-month=2&from-year=2026", "#from-day"},
    {"from-day=1&from-year=2026", "#from-day"},
    {"to-day=x&to-month=1&to-year=2026", "#to-day"},
    {"from-day=2&from-month=6&from-year=2026&to-day=1&to-month=6&to-year=2026", "#to-day"},
};

TEST(AuditFilter, AFaultNamesItsFieldAndThatPartIsNotApplied) {
  for (const ErrorCase& c : kErrors) {
    const AuditFilter f = filter_of(c.query);
    ASSERT_EQ(f.errors.size(), 1u) << c.query;
    EXPECT_EQ(f.errors[0].href, c.field) << c.query;
    EXPECT_FALSE(f.errors[0].text.empty());
  }
  const AuditFilter bad_kind = filter_of("what=looked");
  EXPECT_TRUE(bad_kind.what.empty());
  EXPECT_TRUE(bad_kind.matches("a", "child.read", "2026-06-01T09:00:00Z"));
  const AuditFilter typed = filter_of("from-day=31&from-month=2&from-year=2026");
  EXPECT_EQ(typed.from_day, "31");  // shown again as typed
  EXPECT_FALSE(typed.from.has_value());
}

}  // namespace
}  // namespace sightline::pages
