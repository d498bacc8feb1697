// One synthetic child's life, planned as compact events and rendered as
// events-v1 lines only when it is its turn in the feed.
//
// A Planned event holds small codes, not text: the renderer (render.h) turns
// them into a line with the child's ids and the World's agencies. Which field
// of Planned means what depends on the event type; the table is in render.cc,
// next to the code that reads it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/date.h"
#include "feed/event.h"
#include "synth/synth.h"
#include "synth/world.h"

namespace sightline::synth {

// A local time: a day, and either a time of day or none (a bare date, which
// events-v1 takes as 12:00).
struct Stamp {
  std::int32_t day = 0;  // since 1970-01-01
  std::int32_t seconds = 12 * 3600;
  bool timed = false;

  std::int64_t instant() const { return Date::from_days(day).start_instant() + seconds; }
};

// The persons an event names, as a set of bits; listed in this order.
enum Who : std::uint8_t { kMother = 1, kFather = 2, kChild = 4 };

struct Planned {
  std::int64_t key = 0;  // the `recorded` instant: the event's place in the feed
  Stamp at;
  Stamp recorded;  // written only when `late`
  EventType type = EventType::kPerson;
  bool late = false;
  bool flag = false;
  std::uint8_t who = 0;
  std::uint8_t e1 = 0, e2 = 0, e3 = 0;  // enum values
  std::uint8_t place = 0;               // index into Child::places
  std::uint8_t id_no = 0;               // the event's own id number (0: no id)
  std::uint8_t ref_no = 0;              // the id number of the event it refers to
  AgencyIndex by = 0, a1 = 0, a2 = 0;
  std::uint16_t number = 0;
  std::uint32_t mask = 0;  // a list, as bits
  const char* note = nullptr;
};

inline constexpr std::uint8_t kNoPlace = 0xff;

struct Place {
  AreaIndex area = 0;
  std::uint16_t house = 0;
  std::uint8_t street = 0;
  AddressKind kind = AddressKind::kResidential;
  Premises premises = Premises::kNone;
};

struct Child {
  std::int64_t seq = 0;  // 1-based; the ids are c<seq>, m<seq>, f<seq>
  Profile profile = Profile::kWellServed;
  std::int32_t booking_day = 0, edd = 0, birth_day = 0, mother_dob = 0;
  std::uint8_t mother_given = 0, family = 0, child_given = 0, father_given = 0;
  std::uint8_t origin = 0;  // the mother's nationality and language (render.cc)
  Sex sex = Sex::kF;
  bool has_father = false;
  std::vector<Place> places;
  std::vector<Planned> events;  // in feed order once planned
  std::size_t next = 0;         // the next event to write
};

// Fills `child` (reusing its memory) with the life of child number `seq`,
// whose pregnancy is booked on `booking_day`. Deterministic in (seed, seq,
// booking_day). Every event lies within kMaxLifeDays of the booking, there are
// at most kMaxEventsPerChild of them, and they are sorted by `key`, ties in the
// order planned, which puts every event after the events it refers to.
void plan_life(std::uint64_t seed, std::int64_t seq, std::int32_t booking_day, Child& child);

}  // namespace sightline::synth
