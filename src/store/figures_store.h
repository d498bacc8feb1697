// What the partnership dashboard's figures (web/figures.h) read from the
// store, and nothing else: stored events, typed, by type or by the person
// they are about; an agency's reference data; and the safeguards' alerts of a
// rule. Which of them a figure counts, and how (seen, age, the child's area),
// is the catalogue's terms' to say (chronology/), never the store's.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chronology/views.h"
#include "feed/event.h"

namespace sightline {

// One alert as the figures count it.
struct FigureAlert {
  std::string raised;  // YYYY-MM-DD
  Id child;
  Id owner;  // an agency, or `KIND:AREA` where no agency of the kind serves the area
};

// Not thread-safe: one caller at a time (FiguresView holds a mutex).
class FiguresStore {
 public:
  virtual ~FiguresStore() = default;
  // Every stored event of `type`, in the order stored. Throws StoreError
  // naming the event if a stored one no longer parses.
  virtual std::vector<Event> events_of_type(EventType type) = 0;
  // The stored events of the given types about each of `persons` (those a
  // chronology of them would hold: naming them, or answering an event that
  // does), in the order stored, by person, in one read of the store. A
  // person with no such event is absent.
  virtual std::map<Id, std::vector<Event>, std::less<>> events_about_each(
      std::span<const Id> persons, std::span<const EventType> types) = 0;
  // The agency with this id, or nullopt.
  virtual std::optional<AgencyView> agency(const Id& id) = 0;
  // Every alert the safeguards raised of `rule`, in a stable order.
  virtual std::vector<FigureAlert> alerts_of_rule(std::string_view rule) = 0;
};

}  // namespace sightline
