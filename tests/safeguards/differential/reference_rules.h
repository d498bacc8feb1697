// A second, deliberately simple implementation of three safeguards
// (child-not-seen, whereabouts-unknown, hv-handover-missing), written from
// docs/safeguards-v1.md and docs/safeguards-readings.md alone, for the
// differential test. It shares nothing with the engine but the Date type: it
// reads the JSON lines itself, counts working days from the bank-holiday
// table, and answers every question by scanning the events so far ("what are
// this child's open involvements after the first n events?"), day by day,
// instead of keeping state as the engine does. Slow, and meant to be obvious.
//
// Readings it takes where the catalogue's words leave a choice, each from the
// catalogue or a numbered reading where one settles it:
// - Replay order is by `recorded`, ties in file order; an event recorded
//   before the one it refers to waits for it (R45). Deadlines count from `at`;
//   a duty already overdue when learnt is raised that day (C3).
// - child-not-seen: each open involvement asks for a visit N WD after the later
//   of its start and the agency's last sighting; the agency's visit is due on
//   the earliest (R31). A looked-after plan and welfare_check/universal
//   transfers ask for none (R44, R31); the HV level is the child's, and
//   re-stating it does not restart it. The end of an involvement ends the
//   visits it asked for (C9); `case_closed` ends the closer's accepted
//   transfers and enhanced level (C8), and with them their visits, unless it
//   is a closure-before-seen fault: then the visit pending stays due on its
//   date until the agency sees the child (R31). A sighting by an HV agency
//   since a transfer to it, and since the sender's level began, ends the
//   sender's enhanced involvement (R46). An unborn child owes no visits;
//   involvements count from the birth (R43). An agency's alert stays open
//   until it sees the child (C5), and no second one is raised meanwhile.
// - whereabouts-unknown: one episode at a time; 1 WD when any agency has open
//   involvement at the trigger, else 5 WD (R32). Owners: the agencies with
//   involvement when it falls due, else the last agency, by when it happened,
//   to see the child or reach it or a carer by a contact seen or declined
//   (R57; on a tie the child's own contact), else the reporter. Located
//   means by something that happened after the whereabouts became unknown,
//   whenever it is learnt; learnt before a late report, in time it leaves no
//   alert, too late the alert is raised and resolved at once.
// - hv-handover-missing: moves as R7 has them: an address in another area, an
//   address with no area (gone to a place not known), a deregistration `moved`
//   from a practice of the child's area, a transfer to an agency of another
//   area; the first known home is not a move; an unborn child moves with its
//   mother and is known to health visiting through an HV contact with her
//   (R50). The sender is the last HV agency to contact the child, give it an
//   appointment, set its level, see it or accept its transfer (R19); the
//   duty is met by an HV transfer to the destination's HV (any, while the
//   destination is unknown, C10); it ends if the child turns out to be back in
//   the sender's own area before it falls due (R19), and an alert raised
//   meanwhile asks, as when raised, for a transfer to any HV agency.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace sightline::safeguards::differential {

struct ReferenceAlert {
  std::string rule, child, owner;
  Date raised;
  std::optional<Date> due;
  std::optional<Date> resolved;
  std::string resolved_by;  // the event's id, else its line number; empty when open
};

// The alerts of the three rules raised on or before `until`, in no particular
// order. `lines` is a valid feed.
std::vector<ReferenceAlert> reference_alerts(const std::vector<std::string>& lines, Date until);

}  // namespace sightline::safeguards::differential
