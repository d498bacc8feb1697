#include "chronology/sightings.h"

#include "chronology/child_context.h"

namespace sightline {

bool has_known_location(const Address& a) {
  return (a.kind == AddressKind::kResidential || a.kind == AddressKind::kTemporary) &&
         (!a.line1.empty() || !a.postcode.empty());
}

bool mode_can_show_child(ContactMode mode) {
  switch (mode) {
    case ContactMode::kPhone:
    case ContactMode::kSms:
    case ContactMode::kLetter:
      return false;
    default:
      return true;
  }
}

bool contact_shows_child(const ContactEvent& contact) {
  return contact.child_seen && mode_can_show_child(contact.mode);
}

namespace {

// Calls seen(Sighting) for each child the event shows seen, in field order.
template <class F>
void for_each_sighting(const Event& e, const SightingContext& known, F&& seen) {
  switch (e.type) {
    case EventType::kContact: {
      const auto& b = e.as<ContactEvent>();
      if (!contact_shows_child(b)) return;
      for (const Id& person : b.persons) {
        if (known.childhood(person) != Childhood::kNotAChild) seen(Sighting{person, e.by});
      }
      return;
    }
    case EventType::kAppointment: {
      const auto& b = e.as<AppointmentEvent>();
      if (b.outcome == AppointmentOutcome::kAttended) seen(Sighting{b.child, e.by});
      return;
    }
    case EventType::kMedical:
      seen(Sighting{e.as<MedicalEvent>().child, e.by});
      return;
    case EventType::kBirth:
      seen(Sighting{e.as<BirthEvent>().child, e.by});
      return;
    case EventType::kFound:
      seen(Sighting{e.as<FoundEvent>().child, e.by});
      return;
    case EventType::kTransferAccepted: {
      const auto& b = e.as<TransferAcceptedEvent>();
      if (!b.child_seen) return;
      if (const auto transfer = known.transfer(b.transfer)) {
        seen(Sighting{transfer->child, transfer->to});
      }
      return;
    }
    default:
      return;
  }
}

}  // namespace

bool may_show_seen(EventType type) {
  switch (type) {
    case EventType::kContact:
    case EventType::kAppointment:
    case EventType::kMedical:
    case EventType::kBirth:
    case EventType::kFound:
    case EventType::kTransferAccepted:
      return true;
    default:
      return false;
  }
}

void append_sightings(const Event& e, const SightingContext& known, std::vector<Sighting>& out) {
  for_each_sighting(e, known, [&](const Sighting& s) { out.push_back(s); });
}

void append_located(const Event& e, const SightingContext& known,
                    std::vector<std::string_view>& out) {
  switch (e.type) {
    case EventType::kClaim: {
      const auto& b = e.as<ClaimEvent>();
      if (b.verified) out.push_back(b.child);
      return;
    }
    case EventType::kAddress: {
      const auto& b = e.as<AddressEvent>();
      if (b.notice != AddressNotice::kPlanned || !has_known_location(b.address)) return;
      for (const Id& person : b.persons) {
        if (known.childhood(person) == Childhood::kBorn) out.push_back(person);
      }
      return;
    }
    default:  // seen by anyone is located
      for_each_sighting(e, known, [&](const Sighting& s) { out.push_back(s.child); });
      return;
  }
}

std::vector<Sighting> sightings_in(const Event& event, const SightingContext& known) {
  std::vector<Sighting> out;
  append_sightings(event, known, out);
  return out;
}

std::vector<std::string_view> located_by(const Event& event, const SightingContext& known) {
  std::vector<std::string_view> out;
  append_located(event, known, out);
  return out;
}

bool happened_by(const Event& event, Timestamp as_of) {
  return event.at.instant() <= as_of.instant();
}

std::optional<LatestSighting> latest_sighting(const std::vector<Event>& chronology,
                                              std::string_view child, Timestamp as_of) {
  const ChildChronologyContext known(chronology, child);
  std::optional<LatestSighting> latest;
  std::vector<Sighting> seen;
  for (const Event& e : chronology) {
    if (!happened_by(e, as_of)) continue;
    if (latest && e.at.instant() < latest->event->at.instant()) continue;
    seen.clear();
    append_sightings(e, known, seen);
    for (const Sighting& s : seen) {
      if (s.child == child) latest = LatestSighting{&e, s};
    }
  }
  return latest;
}

std::string how_seen(const Event& e) {
  switch (e.type) {
    case EventType::kContact:
      return std::string(to_string(e.as<ContactEvent>().mode));
    case EventType::kAppointment: {
      const AppointmentKind kind = e.as<AppointmentEvent>().kind;
      return kind == AppointmentKind::kOther ? "appointment" : std::string(to_string(kind));
    }
    case EventType::kTransferAccepted:
      return "transfer visit";
    default:
      return std::string(to_string(e.type));
  }
}

}  // namespace sightline
