// What a safeguard produces: an alert (a duty not done in time, or a fault
// detected at once) and its escalation steps (safeguards catalogue, "Terms",
// C2 and C12).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.h"

namespace sightline::safeguards {

// Escalation levels in the order an open alert climbs them.
enum class Level : std::uint8_t { kPractitioner, kManager, kSafeguardingLead, kPartnership };
std::string_view to_string(Level level);

struct Escalation {
  Level level = Level::kManager;
  Date at;  // the working day at whose start the step took effect
};

// The event that resolved an alert: its `id`, else its line number (C12).
using EventRef = std::variant<std::monostate, std::string, std::int64_t>;

// Identifies one occurrence of one rule's trigger for one child and owner. The
// same feed always yields the same keys, so a store can refuse a second copy
// of an alert (exactly once, however often a feed is replayed).
struct OccurrenceKey {
  std::string rule, child, owner, occurrence;
  friend bool operator==(const OccurrenceKey&, const OccurrenceKey&) = default;
  std::string to_string() const { return rule + "|" + child + "|" + owner + "|" + occurrence; }
};

struct Alert {
  std::string rule;
  std::string child;  // person id
  std::string owner;  // agency id, or KIND:AREA when no agency of that kind serves the area (C1)
  Date raised;
  std::optional<Date> due;              // null for a fault
  Level level = Level::kPractitioner;   // the latest level reached
  std::vector<Escalation> escalations;  // steps taken after raising, in order
  std::optional<Date> resolved;
  EventRef resolved_by;
  std::string finding;     // "F7, F8"; empty when the rule comes from guidance alone
  std::string source;      // the guidance reference
  std::string occurrence;  // what distinguishes this occurrence of the trigger
  // Optional fields that help a reader (C12).
  std::vector<std::string> missing;  // strategy discussions: who was not there
  std::vector<std::string> routes;   // support options: the legal routes that apply
  std::vector<std::string> reasons;  // why the rule fired, in words
  std::string severity;              // "critical" for closures; empty otherwise

  OccurrenceKey key() const { return {rule, child, owner, occurrence}; }
  bool open() const { return !resolved.has_value(); }
};

// The catalogue's output order: by raised, then rule, then child, then owner
// (then occurrence, so that the order is total).
bool alert_order(const Alert& a, const Alert& b);

}  // namespace sightline::safeguards
