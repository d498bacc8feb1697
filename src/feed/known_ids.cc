#include "feed/known_ids.h"

namespace sightline {
namespace {

IdKind kind_defined_by(EventType type) {
  switch (type) {
    case EventType::kAgency:
      return IdKind::kAgency;
    case EventType::kReferral:
      return IdKind::kReferral;
    case EventType::kAssessmentStarted:
      return IdKind::kAssessment;
    case EventType::kStrategyDiscussion:
      return IdKind::kStrategyDiscussion;
    case EventType::kPlanStarted:
      return IdKind::kPlan;
    case EventType::kTransfer:
      return IdKind::kTransfer;
    default:
      return IdKind::kOtherEvent;
  }
}

}  // namespace

std::optional<IdInfo> defined_id_info(const Event& event) {
  if (event.id.empty() || event.type == EventType::kPerson) return std::nullopt;
  IdInfo info{kind_defined_by(event.type), event.type, std::nullopt, std::nullopt};
  if (event.type == EventType::kAssessmentStarted) {
    info.assessment_kind = event.as<AssessmentStartedEvent>().kind;
  } else if (event.type == EventType::kAgency) {
    info.agency_kind = event.as<AgencyEvent>().kind;
  }
  return info;
}

}  // namespace sightline
