// What the child's page says at a glance, from a chronology as the API gives
// it: here, when and by whom the child was last seen (catalogue "seen", C5).
#include "pages/child_facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sightline::pages {
namespace {

using nlohmann::json;

// One chronology entry as GET /api/v1/children/{id}/chronology writes it: the
// stored line under "event", with its type, times (as Timestamp writes them)
// and reporter beside it.
json entry(const std::string& line) {
  static int seq = 0;
  const json event = json::parse(line);
  const auto when = [&](const char* field) {
    return Timestamp::parse(event.value(field, event["at"].get<std::string>()))->to_string();
  };
  return {{"seq", ++seq},
          {"type", event["type"]},
          {"at", when("at")},
          {"recorded", when("recorded")},
          {"by", event.contains("by") ? event["by"] : json(nullptr)},
          {"about", json::array({"child"})},
          {"event", event}};
}

json entries(const std::vector<std::string>& lines) {
  json out = json::array();
  for (const std::string& line : lines) out.push_back(entry(line));
  return out;
}

// Ealing's health visitor saw Tia at home on 5 January.
const std::string kPerson =
    R"({"type":"person","id":"tia","given":"Tia","family":"Example","dob":"2025-06-01","at":"2025-06-02","by":"ealing-hv"})";
const std::string kVisit =
    R"({"type":"contact","persons":["mum","tia"],"mode":"home_visit","child_seen":true,"outcome":"seen","at":"2026-01-05","by":"ealing-hv"})";

struct LaterSighting {
  std::string what, line, by, how;
};

// The disagreement issue 11 found: "the child page's 'last seen' counts only
// contacts and accepted transfers; the engine also counts a birth, a `found`,
// an attended appointment and a medical". Each of those, after the visit, is
// when the child was last seen, by the agency that recorded it.
TEST(ChildFacts, LastSeenCountsABirthAFoundAnAttendedAppointmentAndAMedicalNotOnlyContacts) {
  const std::vector<LaterSighting> later = {
      {"an attended appointment",
       R"({"type":"appointment","child":"tia","kind":"immunisation","outcome":"attended","at":"2026-02-10","by":"ealing-gp"})",
       "ealing-gp", "immunisation"},
      {"a medical",
       R"({"type":"medical","child":"tia","findings":{"weight_centile":25},"concern":"none","at":"2026-02-10","by":"ealing-paeds"})",
       "ealing-paeds", "medical"},
      {"a found", R"({"type":"found","child":"tia","at":"2026-02-10","by":"met-police"})",
       "met-police", "found"},
  };
  for (const LaterSighting& s : later) {
    const ChildFacts facts = derive_child_facts(entries({kPerson, kVisit, s.line}), "tia");
    ASSERT_TRUE(facts.last_seen.has_value()) << s.what;
    EXPECT_EQ(facts.last_seen->at, "2026-02-10") << s.what;
    EXPECT_EQ(facts.last_seen->by, s.by) << s.what;
    EXPECT_EQ(facts.last_seen->how, s.how) << s.what;
  }
  // A newborn whom no one has visited yet was seen at the birth, by the hospital.
  const ChildFacts newborn = derive_child_facts(
      entries(
          {R"({"type":"pregnancy","mother":"mum","child":"tia","edd":"2025-06-01","at":"2025-01-10","by":"ealing-mw"})",
           R"({"type":"birth","child":"tia","mother":"mum","at":"2025-06-01T04:10","by":"ealing-hospital"})"}),
      "tia");
  ASSERT_TRUE(newborn.last_seen.has_value());
  EXPECT_EQ(newborn.last_seen->at, "2025-06-01T04:10:00");
  EXPECT_EQ(newborn.last_seen->by, "ealing-hospital");
  EXPECT_EQ(newborn.last_seen->how, "birth");
}

TEST(ChildFacts, WhatDoesNotShowTheChildSeenLeavesTheLastSightingAsItWas) {
  const std::vector<std::string> not_seen = {
      R"({"type":"appointment","child":"tia","kind":"immunisation","outcome":"was_not_brought","at":"2026-02-10","by":"ealing-gp"})",
      R"({"type":"appointment","child":"tia","kind":"review_1_year","outcome":"cancelled","at":"2026-02-10","by":"ealing-gp"})",
      R"({"type":"contact","persons":["mum"],"mode":"home_visit","child_seen":true,"outcome":"seen","at":"2026-02-10","by":"ealing-csc"})",
      R"({"type":"contact","persons":["mum","tia"],"mode":"phone","child_seen":false,"outcome":"seen","at":"2026-02-10","by":"ealing-csc"})",
      R"({"type":"claim","child":"tia","claim":"with_relatives","detail":"With her aunt","verified":true,"at":"2026-02-10","by":"ealing-csc"})",
  };
  for (const std::string& line : not_seen) {
    const ChildFacts facts = derive_child_facts(entries({kPerson, kVisit, line}), "tia");
    ASSERT_TRUE(facts.last_seen.has_value()) << line;
    EXPECT_EQ(facts.last_seen->at, "2026-01-05") << line;
    EXPECT_EQ(facts.last_seen->by, "ealing-hv") << line;
    EXPECT_EQ(facts.last_seen->how, "home_visit") << line;
  }
  EXPECT_FALSE(derive_child_facts(entries({kPerson}), "tia").last_seen.has_value());
}

// C5, R11: an accepted transfer with the child seen is a sighting by the
// transfer's receiver, whoever recorded the acceptance.
TEST(ChildFacts, AnAcceptedTransferWithTheChildSeenIsASightingByTheReceiver) {
  const ChildFacts facts = derive_child_facts(
      entries(
          {kPerson, kVisit,
           R"({"type":"transfer","id":"tr-tia","child":"tia","from":"ealing-csc","to":"luton-csc","status":"child_in_need","at":"2026-02-02","by":"ealing-csc"})",
           R"({"type":"transfer_accepted","transfer":"tr-tia","child_seen":true,"at":"2026-02-05","by":"luton-admin"})"}),
      "tia");
  ASSERT_TRUE(facts.last_seen.has_value());
  EXPECT_EQ(facts.last_seen->at, "2026-02-05");
  EXPECT_EQ(facts.last_seen->by, "luton-csc");
  EXPECT_EQ(facts.last_seen->how, "transfer visit");
}

// The chronology comes in order of `at`: the last sighting in it is the latest.
TEST(ChildFacts, TheLatestSightingWinsWhateverItsKind) {
  const ChildFacts facts = derive_child_facts(
      entries(
          {kPerson,
           R"({"type":"medical","child":"tia","findings":{},"concern":"none","at":"2025-12-01","by":"ealing-paeds"})",
           kVisit}),
      "tia");
  ASSERT_TRUE(facts.last_seen.has_value());
  EXPECT_EQ(facts.last_seen->by, "ealing-hv");
  EXPECT_EQ(facts.last_seen->how, "home_visit");
}

// The page used to end every piece of the closing agency's work at its
// `case_closed`; the catalogue ends only its accepted transfers and enhanced
// level (C8): an assessment stays open until completed, as the engine holds.
TEST(ChildFacts, CaseClosedLeavesTheClosingAgencysAssessmentOpenAndEndsItsEnhancedLevelC8) {
  const ChildFacts facts = derive_child_facts(
      entries(
          {kPerson,
           R"({"type":"assessment_started","id":"as1","at":"2026-01-06","by":"ealing-csc","child":"tia","kind":"child_and_family","agency":"ealing-csc"})",
           R"({"type":"hv_level","at":"2026-01-07","by":"ealing-hv","child":"tia","level":"universal_plus"})",
           R"({"type":"case_closed","at":"2026-01-08","by":"ealing-csc","child":"tia","agency":"ealing-csc","reason":"other"})",
           R"({"type":"case_closed","at":"2026-01-09","by":"ealing-hv","child":"tia","agency":"ealing-hv","reason":"other"})"}),
      "tia");
  ASSERT_EQ(facts.open_assessments.size(), 1u);
  EXPECT_EQ(facts.open_assessments[0].id, "as1");
  ASSERT_EQ(facts.involved_now.size(), 1u);
  EXPECT_EQ(facts.involved_now[0].what, "Open child_and_family assessment");
  EXPECT_EQ(facts.hv_level, "");
}

// The walk-through found the page's "Who is involved now" longer than the API
// summary's `terms.involvement`: it listed a GP registration and a transfer
// awaiting acceptance as involvement, which the catalogue (C8) does not count.
// The involvement shown is the catalogue's; the other ties are listed apart.
TEST(ChildFacts, InvolvementIsTheCataloguesAndOtherTiesAreApart) {
  const json chronology = entries(
      {kPerson,
       R"({"type":"registration","at":"2026-01-02","by":"ealing-gp","child":"tia","agency":"ealing-gp"})",
       R"({"type":"assessment_started","id":"as1","at":"2026-01-06","by":"ealing-csc","child":"tia","kind":"child_and_family","agency":"ealing-csc"})",
       R"({"type":"transfer","id":"tr-tia","child":"tia","from":"ealing-csc","to":"luton-csc","status":"child_in_need","at":"2026-02-02","by":"ealing-csc"})"});
  const ChildFacts facts = derive_child_facts(chronology, "tia");
  ASSERT_EQ(facts.involved_now.size(), 1u);
  EXPECT_EQ(facts.involved_now[0].agency, "ealing-csc");
  EXPECT_EQ(facts.involved_now[0].what, "Open child_and_family assessment");
  ASSERT_EQ(facts.other_ties.size(), 2u);
  EXPECT_EQ(facts.other_ties[0].agency, "ealing-gp");
  EXPECT_EQ(facts.other_ties[0].what, "Registered GP practice");
  EXPECT_EQ(facts.other_ties[1].agency, "luton-csc");
  EXPECT_EQ(facts.other_ties[1].what, "Transfer in, awaiting acceptance");
}

// The page showed only indicators recorded directly or by a referral; the
// catalogue also derives them (Terms "active indicators"): a carer sofa
// surfing makes the child's home and stability a concern.
TEST(ChildFacts, ActiveIndicatorsIncludeTheDerivedOnes) {
  const ChildFacts facts = derive_child_facts(
      entries(
          {kPerson,
           R"({"type":"relationship","at":"2025-06-02","by":"ealing-hv","person":"mum","other":"tia","role":"mother"})",
           R"({"type":"circumstances","at":"2026-01-02","by":"ealing-csc","person":"mum","housing":"sofa_surfing"})"}),
      "tia");
  ASSERT_TRUE(facts.indicators.contains(Domain::kHomeAndStability));
  EXPECT_EQ(facts.indicators.at(Domain::kHomeAndStability).front().code, "homelessness");
  EXPECT_EQ(facts.indicators.at(Domain::kHomeAndStability).front().by, "ealing-csc");
}

// The dashboard's disagreement again, on the page: the engine lapses a
// derived indicator after the window its area's configuration sets, and the
// page must use the same window, not the national default.
TEST(ChildFacts, DerivedIndicatorsLapseAfterTheWindowOfTheChildsAreaNotTheNationalDefault) {
  const std::string moved =
      R"({"type":"address","at":"2026-01-06","by":"ealing-gp","persons":["tia"],"notice":"without_notice","address":{"line1":"1 High Street","town":"London","postcode":"W5 1AA","area":"E09000009"}})";
  const std::string home =
      R"({"type":"address","at":"2025-12-20","by":"ealing-gp","persons":["tia"],"notice":"planned","address":{"line1":"2 Low Road","town":"London","postcode":"W5 2BB","area":"E09000009"}})";
  const json chronology = entries({kPerson, home, moved});
  const Timestamp now = *Timestamp::parse("2026-02-20T12:00:00");  // 45 days on
  const auto transient = [&](const sightline::IndicatorWindowsOfArea& windows) {
    const auto codes = active_indicator_codes(
        derive_child_facts(chronology, "tia", now, NoAgencyFacts(), windows));
    return std::find(codes.begin(), codes.end(), "transience") != codes.end();
  };
  EXPECT_TRUE(transient({}));  // 90 days nationally
  std::string asked;
  EXPECT_FALSE(transient([&](std::string_view area) {
    asked = area;
    sightline::IndicatorWindows w;
    w.transience_days = 30;
    return w;
  }));
  EXPECT_EQ(asked, "E09000009");  // the child's area was asked
}

}  // namespace
}  // namespace sightline::pages
