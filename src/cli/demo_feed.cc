#include "cli/demo_feed.h"

#include "cli/demo_agencies.h"

namespace sightline::cli {
namespace {

// The named workers of the agencies that worked with Sofia (the scenario
// names none: the review does not give them), each from when their agency
// took the case; Ealing's and Luton's social workers' cases were closed.
std::string sofia_named_workers() {
  return R"({"type":"allocation","at":"2012-10-16","by":"westminster-csc","child":"sofia","agency":"westminster-csc","worker":"Daniel Price","phone":"020 7946 0311","email":"daniel.price@westminster-csc.example.org"}
{"type":"allocation","at":"2012-11-28","by":"ealing-hv","child":"sofia","agency":"ealing-hv","worker":"Ruth Adeyemi","phone":"020 7946 0425","email":"ruth.adeyemi@ealing-hv.example.org"}
{"type":"allocation","at":"2012-11-29","by":"ealing-csc","child":"sofia","agency":"ealing-csc","worker":"Hannah Webb","phone":"020 7946 0518"}
{"type":"allocation","at":"2012-12-24","by":"luton-csc","child":"sofia","agency":"luton-csc","worker":"Imran Shah","email":"imran.shah@luton-csc.example.org"}
)";
}

}  // namespace

std::string demo_feed(Date today) {
  // Six weeks back is about 30 working days: past the 20 the assessment's
  // visiting interval allows, within the 45 the assessment itself may take,
  // so the open alert is a missed visit and not an overdue assessment.
  const std::string started = today.plus_days(-42).to_string();
  const std::string born = today.plus_days(-3 * 365).to_string();
  return demo_education_agencies("2012-01-01") + R"({"type":"person","id":"demo-mia","at":")" +
         started + R"(","by":"ealing-csc","given":"Mia","family":"Example","dob":")" + born +
         R"(","sex":"F"})"
         "\n"
         R"({"type":"assessment_started","id":"demo-mia-assessment","at":")" +
         started +
         R"(T10:00","by":"ealing-csc","child":"demo-mia","kind":"child_and_family","agency":"ealing-csc","note":"Child and family assessment after a school's concern about bruising."})"
         "\n"
         R"({"type":"contact","at":")" +
         started +
         R"(T15:00","by":"ealing-csc","persons":["demo-mia"],"mode":"home_visit","child_seen":true,"outcome":"seen","note":"First visit for the assessment; Mia seen at home. No visit since."})"
         "\n"
         R"({"type":"allocation","at":")" +
         started +
         R"(T10:30","by":"ealing-csc","child":"demo-mia","agency":"ealing-csc","worker":"Grace Okafor","phone":"020 7946 0102","email":"grace.okafor@ealing-csc.example.org"})"
         "\n" +
         sofia_named_workers();
}

}  // namespace sightline::cli
