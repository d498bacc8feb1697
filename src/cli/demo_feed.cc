#include "cli/demo_feed.h"

#include "cli/demo_agencies.h"

namespace sightline::cli {

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
         "\n";
}

}  // namespace sightline::cli
