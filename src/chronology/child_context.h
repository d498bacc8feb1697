// What a child's integrated chronology itself says about the questions the
// definition of "seen" asks (SightingContext): its subject is a born child,
// and the transfers an acceptance answers are the transfers it holds. Every
// term over one child's chronology (chronology/*.h) asks through it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "chronology/sightings.h"

namespace sightline {

class ChildChronologyContext final : public SightingContext {
 public:
  // `chronology` must outlive the context.
  ChildChronologyContext(const std::vector<Event>& chronology, std::string_view child);
  Childhood childhood(std::string_view person) const override;
  std::optional<TransferParties> transfer(std::string_view id) const override;

 private:
  std::string_view child_;
  std::map<std::string, TransferParties, std::less<>> transfers_;
};

}  // namespace sightline
