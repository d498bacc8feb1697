// What the catalogue's terms ask of an agency (chronology/agency_facts.h),
// answered from the store's agencies, read only when a term first asks: most
// children's terms need no agency (only a transfer between health visitors,
// R46, or a child placed by no address, C1), and the agencies are many.
// One per request; not thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "chronology/agency_facts.h"
#include "web/shared_store.h"

namespace sightline::web {

class StoreAgencyFacts final : public AgencyFacts {
 public:
  explicit StoreAgencyFacts(SharedStore& store) : store_(store) {}
  std::optional<AgencyKind> kind(std::string_view agency) const override;
  std::string area(std::string_view agency) const override;
  // Its name, or "" when not known.
  std::string name(std::string_view agency) const;

 private:
  const AgencyView* find(std::string_view agency) const;
  SharedStore& store_;
  mutable std::optional<std::map<Id, AgencyView, std::less<>>> agencies_;
};

}  // namespace sightline::web
