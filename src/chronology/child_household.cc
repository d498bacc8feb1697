#include "chronology/child_household.h"

#include <algorithm>

namespace sightline {

void ChildHousehold::add_carer(const Id& person) {
  if (std::find(carers_.begin(), carers_.end(), person) == carers_.end()) {
    carers_.push_back(person);
  }
}

void ChildHousehold::note(const Event& e) {
  switch (e.type) {
    case EventType::kPerson:
      if (e.id == child_ && e.as<PersonEvent>().dob) has_dob_ = true;
      break;
    case EventType::kPregnancy: {
      const auto& b = e.as<PregnancyEvent>();
      if (b.child != child_) break;
      if (!has_dob_) unborn_ = true;
      mother_ = b.mother;
      add_carer(b.mother);
      break;
    }
    case EventType::kBirth: {
      const auto& b = e.as<BirthEvent>();
      if (b.child != child_) break;
      unborn_ = false;
      has_dob_ = true;
      mother_ = b.mother;
      add_carer(b.mother);
      break;
    }
    case EventType::kRelationship: {
      const auto& b = e.as<RelationshipEvent>();
      if (b.other != child_) break;
      if (b.role == RelationshipRole::kMother || b.role == RelationshipRole::kFather ||
          b.role == RelationshipRole::kCarer) {
        add_carer(b.person);
        if (b.role == RelationshipRole::kMother && mother_.empty()) mother_ = b.person;
      }
      break;
    }
    case EventType::kReferral: {
      const auto& b = e.as<ReferralEvent>();
      if (b.child == child_ && b.mother) add_carer(*b.mother);
      break;
    }
    default:
      break;
  }
}

}  // namespace sightline
