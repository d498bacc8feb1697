// Random valid events-v1 feeds for the differential test of the safeguards
// engine (tests/safeguards/differential/differential_test.cc).
//
// Contract: generate_feed(seed) is a pure function of the seed (its own
// random numbers, no std:: distributions, so the same seed gives the same feed
// on every platform). The feed is valid events-v1 (docs/events-v1.md) in `at`
// order, and it writes only what real agencies would send
// (feed_promises.h): only the receiver accepts or declines a transfer, only
// health visiting sets an HV level, only children's social care assesses,
// convenes a strategy discussion or conference and holds a plan, a contact
// sees the child exactly when its outcome is `seen`, no GP registration,
// sighting, address or missing report names an unborn child, and nothing
// names a child after its death.
//
// The story: two or three local-authority areas, each with children's social
// care, health visiting, a GP practice, police and midwifery; one to three
// families (a mother, one or two young children, perhaps a pregnancy) living
// over about four months. Families move within and between areas, reported
// by addresses (planned, without notice, or by others), social-care and
// health-visiting transfers and GP deregistrations in any order or not at
// all; they go missing and are found; social care takes referrals through
// assessments, s47 enquiries, conferences and plans; health visiting visits
// and sets levels. Agencies do their duties on time, late or never. Some
// events happen at a time of day, and some are recorded a few days late (C3),
// but never before an event they refer to.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"

namespace sightline::safeguards::differential {

struct GeneratedFeed {
  std::vector<std::string> lines;  // events-v1 JSON lines, in `at` order
  Date until;                      // replay as `--until` this date (after the last event)
};

GeneratedFeed generate_feed(std::uint64_t seed);

}  // namespace sightline::safeguards::differential
