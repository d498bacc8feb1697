// The facts a stored event contributes to Sightline's projections.
//
// Projections (people and their details over time, carers, addresses and
// whereabouts, who each event is about, which ids exist) are derived from the
// events alone, so they can always be rebuilt by replaying the store. The
// Projector decides what an event means; a ProjectionSink (the store) keeps it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "feed/event.h"
#include "feed/known_ids.h"

namespace sightline {

// Where a fact came from: the stored event's sequence number and its times.
struct FactSource {
  std::int64_t seq = 0;
  Timestamp at;
  Timestamp recorded;
};

enum class Whereabouts : std::uint8_t {
  kAtAddress,  // an address given or seen
  kUnknown,    // whereabouts_unknown, or a visit found the child not at the address
  kMissing,    // a missing alert was raised
  kFound,
  kClaimed,  // someone says where the child is (a `claim`)
};
std::string_view to_string(Whereabouts w);

enum class LifeEvent : std::uint8_t { kExpected, kBorn, kDied };
std::string_view to_string(LifeEvent e);

class ProjectionSink {
 public:
  virtual ~ProjectionSink() = default;
  // The event names `person` in `field` ("child", "persons", ...).
  virtual void person_named(const FactSource& src, const Id& person, std::string_view field) = 0;
  // The event makes `agency` involved with `person`: it reported the event,
  // or the event names it (a transfer or referral to it, a registration with
  // it, a discussion it took part in). Called once per (person, agency) named,
  // repeats included; the store keeps each pair once. This is what a
  // legitimate relationship is looked up in (web/access.h).
  virtual void agency_involved(const FactSource& src, const Id& person, const Id& agency) = 0;
  // A person id comes into existence (person or pregnancy.child); repeated calls are harmless.
  virtual void person_defined(const FactSource& src, const Id& person) = 0;
  virtual void person_details(const FactSource& src, const Id& person,
                              const PersonEvent& details) = 0;
  // An agency or event id is defined by an event about `persons` (person id,
  // field), which persons_of_event(id) must give back later.
  virtual void id_defined(const FactSource& src, const Id& id, const IdInfo& info,
                          const std::vector<std::pair<Id, std::string>>& persons) = 0;
  virtual void agency(const FactSource& src, const Id& id, const AgencyEvent& agency) = 0;
  // `relative` is the `role` of `child` (mother, father, carer, ...).
  virtual void relation(const FactSource& src, const Id& child, const Id& relative,
                        RelationshipRole role) = 0;
  virtual void address(const FactSource& src, const Id& person, const Address& address,
                       AddressNotice notice) = 0;
  virtual void whereabouts(const FactSource& src, const Id& person, Whereabouts state,
                           std::string_view detail) = 0;
  virtual void life_event(const FactSource& src, const Id& person, LifeEvent what, Date when) = 0;

  // The persons named by the earlier event with this id, with their fields, as
  // given to id_defined, so that an event about an event (an outcome, a
  // completion, an acceptance) is in the chronology of the persons the first
  // one was about.
  virtual std::vector<std::pair<Id, std::string>> persons_of_event(const Id& event_id) = 0;
};

}  // namespace sightline
