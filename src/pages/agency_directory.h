// The agencies (reference data) as the pages use them: by name for the forms'
// choices, and id -> name for everything that names an agency. Every page
// names agencies, and reading all of them from the store for each request
// (1,800 with the demonstration's national caseload) was most of a page's
// server time; so they are read once and again only after the store has
// changed (a new last event sequence number), which is when an `agency`
// event may have added or renamed one.
//
// Thread-safe. A list handed out stays valid for as long as it is held, even
// when a newer one replaces it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "chronology/agency_facts.h"
#include "chronology/views.h"
#include "pages/event_text.h"
#include "web/shared_store.h"

namespace sightline::pages {

struct AgencyList {
  std::vector<AgencyView> by_name;                     // sorted by name
  AgencyNames names;                                   // id -> name
  std::map<Id, std::size_t, std::less<>> index_of_id;  // id -> its place in by_name
};

// What the catalogue's terms ask of an agency (chronology/agency_facts.h),
// answered from a list; the list must outlive it.
class AgencyListFacts final : public AgencyFacts {
 public:
  explicit AgencyListFacts(const AgencyList& list) : list_(list) {}
  std::optional<AgencyKind> kind(std::string_view agency) const override;
  std::string area(std::string_view agency) const override;

 private:
  const AgencyView* find(std::string_view agency) const;
  const AgencyList& list_;
};

class AgencyDirectory {
 public:
  explicit AgencyDirectory(web::SharedStore& store) : store_(store) {}
  // The agencies as the store holds them now.
  std::shared_ptr<const AgencyList> current();

 private:
  web::SharedStore& store_;
  std::mutex mutex_;
  std::int64_t seq_ = -1;  // the store's last_seq() when `list_` was read
  std::shared_ptr<const AgencyList> list_;
};

}  // namespace sightline::pages
