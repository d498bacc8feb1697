#include "web/store_agency_facts.h"

namespace sightline::web {

const AgencyView* StoreAgencyFacts::find(std::string_view agency) const {
  if (!agencies_) {
    agencies_.emplace();
    for (AgencyView& a : store_.with([](Store& s) { return s.agencies(); })) {
      const Id id = a.id;
      agencies_->emplace(id, std::move(a));
    }
  }
  const auto it = agencies_->find(agency);
  return it == agencies_->end() ? nullptr : &it->second;
}

std::optional<AgencyKind> StoreAgencyFacts::kind(std::string_view agency) const {
  const AgencyView* a = find(agency);
  if (!a) return std::nullopt;
  return a->kind;
}

std::string StoreAgencyFacts::area(std::string_view agency) const {
  const AgencyView* a = find(agency);
  return a ? a->area : std::string();
}

std::string StoreAgencyFacts::name(std::string_view agency) const {
  const AgencyView* a = find(agency);
  return a ? a->name : std::string();
}

}  // namespace sightline::web
