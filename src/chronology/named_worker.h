// The named worker of an agency for a child, and how to reach them (issue
// 12's "who to call"), defined once over typed events; the child's page and
// the API (`involved_now[].named_worker`) read it here.
//
// The named worker of agency A for child C as known at T is the worker of the
// latest `allocation` of C for A (its `agency`, whoever reported it) that was
// dated and recorded by T, unless A's `case_closed` for C, dated and recorded
// by T, came after it: a closed case has no named worker until a new
// allocation. "Latest" and "after" are by `at`; of two at the same instant,
// the one Sightline learnt later (replay order) (docs/safeguards-readings.md,
// R76).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "feed/event.h"

namespace sightline {

struct NamedWorker {
  Id agency;          // whose worker
  std::string name;   // never empty
  std::string phone;  // "" when not given
  std::string email;  // "" when not given
  Timestamp since;    // the allocation's `at`
  Id by;              // the agency that recorded it
  friend bool operator==(const NamedWorker&, const NamedWorker&) = default;
};

// Every agency's named worker for `child` as known at `as_known_at`, by
// agency id. `chronology` is the child's integrated chronology, in any order.
std::map<Id, NamedWorker, std::less<>> named_workers(const std::vector<Event>& chronology,
                                                     std::string_view child, Timestamp as_known_at);

// The named worker of `agency` for `child` as known at `as_known_at`; nullopt
// when none is recorded, or the agency closed the case since.
std::optional<NamedWorker> named_worker(const std::vector<Event>& chronology,
                                        std::string_view child, std::string_view agency,
                                        Timestamp as_known_at);

}  // namespace sightline
