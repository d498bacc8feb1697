// What an id already names. Person ids live in their own namespace; agency ids
// and event ids share the other (catalogue C14).
#pragma once

#include <optional>
#include <string_view>

#include "feed/event.h"

namespace sightline {

enum class IdKind : std::uint8_t {
  kAgency,
  kReferral,
  kAssessment,
  kStrategyDiscussion,
  kPlan,
  kTransfer,
  kOtherEvent,
};

struct IdInfo {
  IdKind kind = IdKind::kOtherEvent;
  EventType defined_by = EventType::kAgency;
  // Only for kAssessment: which kind (s47_concluded needs an s47).
  std::optional<AssessmentKind> assessment_kind;
  // Only for kAgency: its kind (registrations need a GP practice, ...).
  std::optional<AgencyKind> agency_kind;
};

// What a valid event's `id` defines in the shared namespace of agency and
// event ids; nullopt when it has no id or defines a person (own namespace).
std::optional<IdInfo> defined_id_info(const Event& event);

// Answers for ids defined before the feed being parsed (i.e. in the store).
class KnownIds {
 public:
  virtual ~KnownIds() = default;
  virtual bool has_person(std::string_view person_id) const = 0;
  virtual std::optional<IdInfo> find(std::string_view id) const = 0;
};

}  // namespace sightline
