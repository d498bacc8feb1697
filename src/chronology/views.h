// What the chronology queries return: read-only views over the projections.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "chronology/projection_sink.h"
#include "feed/event.h"

namespace sightline {

struct AgencyView {
  Id id;
  std::string name;
  AgencyKind kind = AgencyKind::kGpPractice;
  std::string area;
  std::optional<Id> parent;
};

// One version of a person's details, as one event gave them.
struct PersonDetailsVersion {
  FactSource source;
  PersonEvent details;
};

struct AddressVersion {
  FactSource source;
  Address address;
  AddressNotice notice = AddressNotice::kPlanned;
};

struct WhereaboutsVersion {
  FactSource source;
  Whereabouts state = Whereabouts::kAtAddress;
  std::string detail;
};

struct RelationView {
  FactSource source;
  Id relative;
  RelationshipRole role = RelationshipRole::kMother;
};

// A person as known at some moment: the latest details plus their history.
struct PersonView {
  Id id;
  std::string given, family;  // latest non-empty values
  std::optional<Date> dob;
  std::optional<Date> expected;  // edd of the pregnancy that created an unborn child
  std::optional<Date> born, died;
  std::vector<PersonDetailsVersion> details_history;  // oldest first
  std::vector<AddressVersion> addresses;              // oldest first
  std::vector<WhereaboutsVersion> whereabouts;        // oldest first
  std::vector<RelationView> carers;                   // people who are mother/father/carer/...

  std::string display_name() const;  // "Given Family", or "unborn child of ..." style fallback
};

// One line of an integrated chronology.
struct ChronologyEntry {
  std::int64_t seq = 0;
  EventType type = EventType::kAgency;
  Timestamp at, recorded;
  Id by;
  std::string json;                // the event as its agency sent it
  std::vector<std::string> about;  // whose event it is: "child", "mother (persons)", ...
};

struct StoreCounts {
  std::int64_t events = 0;
  std::map<EventType, std::int64_t> by_type;
  std::int64_t people = 0;
  std::int64_t agencies = 0;
};

}  // namespace sightline
