// The catalogue's "seen" and "located" (docs/safeguards-v1.md, Terms "seen"
// and C5; reading R11), defined once over typed events. The safeguards
// engine, the child's page and every other view that says whether and by whom
// a child was seen read them here, so that they cannot disagree.
//
// - seen: a `contact` with `child_seen: true` shows seen every child it names,
//   unless its mode cannot show a child (phone, sms, letter: R69); an attended `appointment`, a
//   `medical`, a `birth` and a `found` show their `child` seen. The sighting is by the event's `by`
//   agency (R11), except that a `transfer_accepted` with `child_seen: true` is a sighting of the
//   transfer's child by the transfer's receiver, its `to` (C5).
// - located: a child seen (by anyone), the child of a verified `claim`, and
//   every born child an `address` with `notice: planned` gives a known
//   location (has_known_location). An address given `without_notice` or
//   `reported_by_other` locates no one (C5: Sofia's mother gave false ones).
//
// Pure functions. What they need beyond the event, the caller answers through
// SightingContext from what it holds: which persons a `contact` or `address`
// names are children (the format says so only of a `child` field), and the
// parties of the transfer a `transfer_accepted` answers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/event.h"

namespace sightline {

// A child seen, and the agency that saw them. Both are views into the event or
// into what the SightingContext returned, valid while those are.
struct Sighting {
  std::string_view child;
  std::string_view by;
  friend bool operator==(const Sighting&, const Sighting&) = default;
};

// Who a person was when an event happened.
enum class Childhood : std::uint8_t { kNotAChild, kUnborn, kBorn };

// A transfer's child and receiving agency.
struct TransferParties {
  std::string_view child, to;
};

class SightingContext {
 public:
  virtual ~SightingContext() = default;
  // Whether `person`, named in a `contact` or `address`, was a child at the
  // event (kNotAChild also when not known to be one).
  virtual Childhood childhood(std::string_view person) const = 0;
  // The parties of the transfer with this id, or nullopt when the caller does
  // not know it (its acceptance then shows no one seen).
  virtual std::optional<TransferParties> transfer(std::string_view id) const = 0;
};

// Appends to `out` each child the event shows seen, in the event's field
// order, repeats included. `out` is not cleared, so a caller can reuse it.
void append_sightings(const Event& event, const SightingContext& known, std::vector<Sighting>& out);
// Appends to `out` each child the event locates, the children it shows seen
// included, in field order, repeats included.
void append_located(const Event& event, const SightingContext& known,
                    std::vector<std::string_view>& out);

// Whether a contact made this way can show the child: not a phone call, a
// text or a letter (R69).
bool mode_can_show_child(ContactMode mode);
// Whether a contact shows the children it names seen: `child_seen`, in a way
// that can show them (R69).
bool contact_shows_child(const ContactEvent& contact);

// Whether an event of this type can show a child seen: a store may narrow its
// search with it before asking append_sightings.
bool may_show_seen(EventType type);

std::vector<Sighting> sightings_in(const Event& event, const SightingContext& known);
std::vector<std::string_view> located_by(const Event& event, const SightingContext& known);

// Whether `event` has happened as of `as_of` (now, or the end of an "as known
// at" day): an event dated after it has not, whatever it records (an
// appointment booked and recorded "attended" ahead of its date, a contact
// dated tomorrow), so it shows no one seen yet. Every view that asks whether a
// child has been seen by a given time asks this.
bool happened_by(const Event& event, Timestamp as_of);

// The latest sighting of `child` among `chronology`, the events of the
// child's integrated chronology (in any order), as of `as_of` (now, or the
// end of an "as known at" day): the event, and whom it shows seen by. An
// event that has not happened by `as_of` (happened_by) is not a sighting. Latest
// by `at`; of two at the same instant, the later in the list. The
// chronology's subject is taken to be a child, and the transfers it holds are
// those its acceptances answer. nullopt when it shows the child never seen.
struct LatestSighting {
  const Event* event;
  Sighting sighting;
};
std::optional<LatestSighting> latest_sighting(const std::vector<Event>& chronology,
                                              std::string_view child, Timestamp as_of);

// How `event` saw the child, in the words the page and the API share: a
// contact's mode ("home_visit"), an appointment's kind ("immunisation", or
// "appointment" for `other`), "transfer visit" for an accepted transfer, else
// the event's type ("medical", "birth", "found").
std::string how_seen(const Event& event);

// An address that says where someone is: residential or temporary, with a
// first line or a postcode.
bool has_known_location(const Address& address);

}  // namespace sightline
