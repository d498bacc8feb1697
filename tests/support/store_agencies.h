// The terms' AgencyFacts answered from a store's agencies, as the pages answer
// them from the API's directory.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronology/agency_facts.h"
#include "store/store.h"

namespace sightline::testing {

class StoreAgencies final : public AgencyFacts {
 public:
  explicit StoreAgencies(const std::vector<AgencyView>& list) {
    for (const AgencyView& a : list) agencies_.emplace(a.id, a);
  }
  std::optional<AgencyKind> kind(std::string_view agency) const override {
    const auto it = agencies_.find(agency);
    if (it == agencies_.end()) return std::nullopt;
    return it->second.kind;
  }
  std::string area(std::string_view agency) const override {
    const auto it = agencies_.find(agency);
    return it == agencies_.end() ? std::string() : it->second.area;
  }

 private:
  std::map<Id, AgencyView, std::less<>> agencies_;
};

}  // namespace sightline::testing
