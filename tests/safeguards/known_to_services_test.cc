// Reading R30: a family is "known to social care, adult care or housing"
// (support-options-review) once such an agency records an event naming the
// child or a carer, whatever the event's type. One row per event type of
// events-v1 that names a person: the event, recorded by each such agency,
// makes the family known, so the mother's destitution (no income, sofa
// surfing) sets the duty; recorded by a GP practice, it does not.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "feed/parser.h"
#include "safeguards/engine.h"

namespace sightline::safeguards {
namespace {

// The family: the mother and father of "kid", the mother sofa surfing with no
// income from 2024-01-22, known only to a GP practice and the police.
const std::vector<std::string> kFamily{
    R"({"type":"agency","id":"csc-a","at":"2024-01-01","name":"CSC","kind":"childrens_social_care","area":"E09000033"})",
    R"({"type":"agency","id":"asc-a","at":"2024-01-01","name":"ASC","kind":"adult_social_care","area":"E09000033"})",
    R"({"type":"agency","id":"housing-a","at":"2024-01-01","name":"Housing","kind":"housing","area":"E09000033"})",
    R"({"type":"agency","id":"gp-a","at":"2024-01-01","name":"GP","kind":"gp_practice","area":"E09000033"})",
    R"({"type":"agency","id":"gp-b","at":"2024-01-01","name":"GP B","kind":"gp_practice","area":"E09000033"})",
    R"({"type":"agency","id":"police-a","at":"2024-01-01","name":"Police","kind":"police","area":"E09000033"})",
    R"({"type":"person","id":"mum","at":"2024-01-01","by":"gp-a","given":"M","family":"F"})",
    R"({"type":"person","id":"dad","at":"2024-01-01","by":"gp-a","given":"D","family":"F"})",
    R"({"type":"person","id":"gran","at":"2024-01-01","by":"gp-a","given":"G","family":"F"})",
    R"({"type":"person","id":"kid","at":"2024-01-01","by":"gp-a","given":"K","family":"F","dob":"2023-10-01"})",
    R"({"type":"relationship","at":"2024-01-02","by":"gp-a","person":"mum","other":"kid","role":"mother"})",
    R"({"type":"relationship","at":"2024-01-02","by":"gp-a","person":"dad","other":"kid","role":"father"})",
    R"({"type":"address","at":"2024-01-02","by":"gp-a","persons":["mum","kid"],"address":{"line1":"1 High Street","town":"London","postcode":"W2 1AA","area":"E09000033"}})",
    R"({"type":"circumstances","at":"2024-01-22","by":"gp-a","person":"mum","housing":"sofa_surfing","income":"none"})",
};

struct KnownCase {
  const char* type;
  std::vector<std::string> setup;  // recorded by agencies that make no one known
  std::string event;               // recorded on 2024-02-01 by {BY}
};

const std::vector<KnownCase> kCases{
    {"person", {}, R"({"type":"person","id":"mum","at":"2024-02-01","by":"{BY}"})"},
    {"pregnancy",
     {},
     R"({"type":"pregnancy","at":"2024-02-01","by":"{BY}","mother":"mum","child":"baby","edd":"2024-08-01"})"},
    {"birth",
     {R"({"type":"pregnancy","at":"2024-01-25","by":"gp-a","mother":"mum","child":"baby","edd":"2024-02-01"})"},
     R"({"type":"birth","at":"2024-02-01","by":"{BY}","child":"baby","mother":"mum"})"},
    {"relationship",
     {},
     R"({"type":"relationship","at":"2024-02-01","by":"{BY}","person":"gran","other":"kid","role":"grandparent"})"},
    {"circumstances",
     {},
     R"({"type":"circumstances","at":"2024-02-01","by":"{BY}","person":"dad","health":["mental_health"]})"},
    {"death", {}, R"({"type":"death","at":"2024-02-01","by":"{BY}","person":"dad"})"},
    {"address",
     {},
     R"({"type":"address","at":"2024-02-01","by":"{BY}","persons":["kid"],"address":{"line1":"1 High Street","town":"London","postcode":"W2 1AA","area":"E09000033"}})"},
    {"whereabouts_unknown",
     {},
     R"({"type":"whereabouts_unknown","at":"2024-02-01","by":"{BY}","child":"kid"})"},
    {"missing",
     {},
     R"({"type":"missing","at":"2024-02-01","by":"{BY}","child":"kid","alert":"police_missing_person"})"},
    {"found", {}, R"({"type":"found","at":"2024-02-01","by":"{BY}","child":"kid"})"},
    {"claim",
     {},
     R"({"type":"claim","at":"2024-02-01","by":"{BY}","child":"kid","claim":"with_relatives","detail":"with an aunt"})"},
    {"registration",
     {},
     R"({"type":"registration","at":"2024-02-01","by":"{BY}","child":"kid","agency":"gp-b"})"},
    {"deregistration",
     {},
     R"({"type":"deregistration","at":"2024-02-01","by":"{BY}","child":"kid","agency":"gp-a","reason":"other"})"},
    {"hv_level",
     {},
     R"({"type":"hv_level","at":"2024-02-01","by":"{BY}","child":"kid","level":"universal"})"},
    {"appointment",
     {},
     R"({"type":"appointment","at":"2024-02-01","by":"{BY}","child":"kid","kind":"other","outcome":"cancelled"})"},
    {"medical",
     {},
     R"({"type":"medical","at":"2024-02-01","by":"{BY}","child":"kid","findings":{},"concern":"none"})"},
    {"records_transfer",
     {},
     R"({"type":"records_transfer","at":"2024-02-01","by":"{BY}","child":"kid","from":"gp-a","to":"gp-b","accessed":true})"},
    {"contact",
     {},
     R"({"type":"contact","at":"2024-02-01","by":"{BY}","persons":["mum"],"mode":"phone","child_seen":false,"outcome":"no_answer"})"},
    {"referral",
     {},
     R"({"type":"referral","id":"r9","at":"2024-02-01","by":"{BY}","child":"kid","from":"{BY}","to":"police-a","concerns":[]})"},
    {"referral_outcome",
     {R"({"type":"referral","id":"r0","at":"2024-01-25","by":"gp-a","child":"kid","from":"gp-a","to":"police-a","concerns":[]})"},
     R"({"type":"referral_outcome","at":"2024-02-01","by":"{BY}","referral":"r0","outcome":"no_further_action"})"},
    {"indicator",
     {},
     R"({"type":"indicator","at":"2024-02-01","by":"{BY}","child":"kid","indicator":"other"})"},
    {"notification",
     {},
     R"({"type":"notification","at":"2024-02-01","by":"{BY}","from":"{BY}","to":"police-a","subject":"concern","persons":["mum"]})"},
    {"assessment_started",
     {},
     R"({"type":"assessment_started","id":"a9","at":"2024-02-01","by":"{BY}","child":"kid","kind":"adult_needs","agency":"{BY}"})"},
    {"assessment_completed",
     {R"({"type":"assessment_started","id":"a0","at":"2024-01-25","by":"police-a","child":"kid","kind":"adult_needs","agency":"police-a"})"},
     R"({"type":"assessment_completed","at":"2024-02-01","by":"{BY}","assessment":"a0","outcome":"early_help"})"},
    {"strategy_discussion",
     {},
     R"({"type":"strategy_discussion","id":"sd9","at":"2024-02-01","by":"{BY}","child":"kid","format":"meeting","participants":["{BY}","police-a"],"decision":"no_s47"})"},
    {"s47_concluded",
     {R"({"type":"assessment_started","id":"s0","at":"2024-01-25","by":"police-a","child":"kid","kind":"s47","agency":"police-a"})"},
     R"({"type":"s47_concluded","at":"2024-02-01","by":"{BY}","assessment":"s0","outcome":"not_substantiated"})"},
    {"conference",
     {},
     R"({"type":"conference","at":"2024-02-01","by":"{BY}","child":"kid","kind":"initial","participants":["{BY}"],"decision":"no_plan"})"},
    {"plan_started",
     {},
     R"({"type":"plan_started","id":"p9","at":"2024-02-01","by":"{BY}","child":"kid","kind":"child_in_need","agency":"{BY}"})"},
    {"plan_ended",
     {R"({"type":"plan_started","id":"p0","at":"2024-01-25","by":"police-a","child":"kid","kind":"child_in_need","agency":"police-a"})"},
     R"({"type":"plan_ended","at":"2024-02-01","by":"{BY}","plan":"p0"})"},
    {"transfer",
     {},
     R"({"type":"transfer","id":"t9","at":"2024-02-01","by":"{BY}","child":"kid","from":"{BY}","to":"gp-b","status":"welfare_check"})"},
    {"transfer_accepted",
     {R"({"type":"transfer","id":"t0","at":"2024-01-25","by":"police-a","child":"kid","from":"police-a","to":"gp-b","status":"welfare_check"})"},
     R"({"type":"transfer_accepted","at":"2024-02-01","by":"{BY}","transfer":"t0","child_seen":false})"},
    {"transfer_declined",
     {R"({"type":"transfer","id":"t0","at":"2024-01-25","by":"police-a","child":"kid","from":"police-a","to":"gp-b","status":"welfare_check"})"},
     R"({"type":"transfer_declined","at":"2024-02-01","by":"{BY}","transfer":"t0","reason":"not ours"})"},
    {"case_closed",
     {},
     R"({"type":"case_closed","at":"2024-02-01","by":"{BY}","child":"kid","agency":"{BY}","reason":"other"})"},
    {"options_review",
     {},
     R"({"type":"options_review","at":"2024-02-01","by":"{BY}","person":"mum","agency":"{BY}","options":["rent_deposit"]})"},
    {"allocation",
     {},
     R"({"type":"allocation","at":"2024-02-01","by":"{BY}","child":"kid","agency":"{BY}","worker":"Jo Bloggs"})"},
};

std::string with_agency(std::string line, const std::string& agency) {
  for (std::size_t at = line.find("{BY}"); at != std::string::npos; at = line.find("{BY}", at)) {
    line.replace(at, 4, agency);
  }
  return line;
}

// Replays the family, the case's setup and its event recorded by `by`, and
// tells whether support-options-review set a duty for "kid".
bool review_required(const KnownCase& c, const std::string& by) {
  SafeguardsEngine engine;
  FeedParser parser;
  std::int64_t line = 0;
  std::vector<std::string> lines = kFamily;
  lines.insert(lines.end(), c.setup.begin(), c.setup.end());
  lines.push_back(with_agency(c.event, by));
  for (const std::string& l : lines) {
    std::vector<Fault> faults;
    const auto e = parser.parse_line(l, ++line, faults);
    EXPECT_TRUE(e.has_value()) << (faults.empty() ? l : faults.front().to_string());
    if (!e) return false;
    engine.apply(*e);
  }
  engine.advance_to(Timestamp::end_of(*Date::parse("2024-03-31")));
  const auto alerts = engine.alerts();
  return std::any_of(alerts.begin(), alerts.end(), [](const Alert& a) {
    return a.rule == "support-options-review" && a.child == "kid";
  });
}

TEST(KnownToServices, EveryEventTypeNamingThePersonCounts) {
  for (const KnownCase& c : kCases) {
    for (const char* by : {"csc-a", "asc-a", "housing-a"}) {
      EXPECT_TRUE(review_required(c, by)) << c.type << " recorded by " << by;
    }
    EXPECT_FALSE(review_required(c, "gp-a")) << c.type << " recorded by a GP practice";
  }
}

// The table leaves out only the reference events, which name no person.
TEST(KnownToServices, TheTableHasEveryEventTypeThatNamesAPerson) {
  std::vector<std::string> types;
  for (const KnownCase& c : kCases) types.emplace_back(c.type);
  for (int i = 0; i < kEventTypeCount; ++i) {
    const auto type = static_cast<EventType>(i);
    if (type == EventType::kAgency || type == EventType::kPremises) continue;
    const std::string name(to_string(type));
    EXPECT_NE(std::find(types.begin(), types.end(), name), types.end()) << name;
  }
}

}  // namespace
}  // namespace sightline::safeguards
