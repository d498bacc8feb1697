// Who a child's household is, read from the child's integrated chronology in
// replay order: the links the catalogue's terms follow from the child to the
// adults around it (the child's area, C1; an unborn child's transience, C6;
// indicators from a carer's circumstances or refusals, C7, R16). The engine
// links the same persons (safeguards/state_update.cc, add_carer).
//
// - the mother: a `pregnancy` or `birth` of the child names her; else the
//   first `relationship` naming a mother of the child;
// - the carers, in the order they were first linked: the mother of a
//   `pregnancy`, `birth` or `referral` of the child, and every person a
//   `relationship` names as the child's mother, father or carer;
// - unborn: a `pregnancy` of the child and no date of birth yet (a `birth`,
//   or a `person` line for the child with a dob).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "feed/event.h"

namespace sightline {

class ChildHousehold {
 public:
  explicit ChildHousehold(std::string_view child) : child_(child) {}

  // Reads the next event of the chronology (replay order); others' events
  // and events that link no one change nothing.
  void note(const Event& e);

  const Id& mother() const { return mother_; }
  const std::vector<Id>& carers() const { return carers_; }
  bool unborn() const { return unborn_; }

 private:
  void add_carer(const Id& person);

  std::string child_;
  Id mother_;
  std::vector<Id> carers_;
  bool unborn_ = false, has_dob_ = false;
};

}  // namespace sightline
