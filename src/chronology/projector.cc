#include "chronology/projector.h"

#include <string>

namespace sightline {
namespace {

std::string one_line(const Address& a) {
  if (a.kind == AddressKind::kNoFixedAbode) return "no fixed abode";
  if (a.kind == AddressKind::kUnknown && a.line1.empty()) return "unknown address";
  std::string out = a.line1;
  for (const std::string* part : {&a.line2, &a.town, &a.postcode}) {
    if (!part->empty()) out += (out.empty() ? "" : ", ") + *part;
  }
  return out;
}

// The id of the earlier event this one is about, if it is about one.
const Id* referenced_event(const Event& event) {
  switch (event.type) {
    case EventType::kReferralOutcome:
      return &event.as<ReferralOutcomeEvent>().referral;
    case EventType::kAssessmentCompleted:
      return &event.as<AssessmentCompletedEvent>().assessment;
    case EventType::kS47Concluded:
      return &event.as<S47ConcludedEvent>().assessment;
    case EventType::kPlanEnded:
      return &event.as<PlanEndedEvent>().plan;
    case EventType::kTransferAccepted:
      return &event.as<TransferAcceptedEvent>().transfer;
    case EventType::kTransferDeclined:
      return &event.as<TransferDeclinedEvent>().transfer;
    default:
      return nullptr;
  }
}

}  // namespace

std::string_view to_string(Whereabouts w) {
  switch (w) {
    case Whereabouts::kAtAddress:
      return "at_address";
    case Whereabouts::kUnknown:
      return "unknown";
    case Whereabouts::kMissing:
      return "missing";
    case Whereabouts::kFound:
      return "found";
    case Whereabouts::kClaimed:
      return "claimed";
  }
  return "unknown";
}

std::string_view to_string(LifeEvent e) {
  switch (e) {
    case LifeEvent::kExpected:
      return "expected";
    case LifeEvent::kBorn:
      return "born";
    case LifeEvent::kDied:
      return "died";
  }
  return "expected";
}

void project(const Event& event, const FactSource& src, ProjectionSink& sink) {
  const std::vector<const Id*> agencies = agencies_named(event);
  const auto named = [&](const Id& person, std::string_view field) {
    sink.person_named(src, person, field);
    for (const Id* agency : agencies) sink.agency_involved(src, person, *agency);
  };
  for (const PersonRef& ref : persons_named(event)) named(*ref.person, ref.field);
  if (const Id* earlier = referenced_event(event)) {
    for (const auto& [person, field] : sink.persons_of_event(*earlier)) named(person, field);
  }

  if (const auto info = defined_id_info(event)) {
    std::vector<std::pair<Id, std::string>> persons;
    for (const PersonRef& ref : persons_named(event)) {
      persons.emplace_back(*ref.person, std::string(ref.field));
    }
    sink.id_defined(src, event.id, *info, persons);
  }

  switch (event.type) {
    case EventType::kAgency:
      sink.agency(src, event.id, event.as<AgencyEvent>());
      break;
    case EventType::kPerson:
      sink.person_defined(src, event.id);
      sink.person_details(src, event.id, event.as<PersonEvent>());
      break;
    case EventType::kPregnancy: {
      const auto& p = event.as<PregnancyEvent>();
      sink.person_defined(src, p.child);
      sink.relation(src, p.child, p.mother, RelationshipRole::kMother);
      sink.life_event(src, p.child, LifeEvent::kExpected, p.edd);
      break;
    }
    case EventType::kBirth: {
      const auto& b = event.as<BirthEvent>();
      sink.relation(src, b.child, b.mother, RelationshipRole::kMother);
      sink.life_event(src, b.child, LifeEvent::kBorn, event.at.date);
      break;
    }
    case EventType::kRelationship: {
      const auto& r = event.as<RelationshipEvent>();
      sink.relation(src, r.other, r.person, r.role);
      break;
    }
    case EventType::kDeath:
      sink.life_event(src, event.as<DeathEvent>().person, LifeEvent::kDied, event.at.date);
      break;
    case EventType::kAddress: {
      const auto& a = event.as<AddressEvent>();
      std::string detail = one_line(a.address);
      if (a.notice != AddressNotice::kPlanned)
        detail += " (" + std::string(to_string(a.notice)) + ")";
      for (const Id& person : a.persons) {
        sink.address(src, person, a.address, a.notice);
        sink.whereabouts(src, person, Whereabouts::kAtAddress, detail);
      }
      break;
    }
    case EventType::kWhereaboutsUnknown: {
      const auto& w = event.as<WhereaboutsUnknownEvent>();
      sink.whereabouts(src, w.child, Whereabouts::kUnknown,
                       w.last_known ? "last known at " + one_line(*w.last_known) : "");
      break;
    }
    case EventType::kContact: {
      const auto& c = event.as<ContactEvent>();
      if (c.outcome == ContactOutcome::kNotAtAddress) {
        for (const Id& person : c.persons) {
          sink.whereabouts(src, person, Whereabouts::kUnknown, "not at the address visited");
        }
      }
      break;
    }
    case EventType::kMissing: {
      const auto& m = event.as<MissingEvent>();
      sink.whereabouts(src, m.child, Whereabouts::kMissing, to_string(m.alert));
      break;
    }
    case EventType::kFound: {
      const auto& f = event.as<FoundEvent>();
      std::string detail;
      if (f.address) {
        sink.address(src, f.child, *f.address, AddressNotice::kPlanned);
        detail = one_line(*f.address);
      }
      sink.whereabouts(src, f.child, Whereabouts::kFound, detail);
      break;
    }
    case EventType::kClaim: {
      const auto& c = event.as<ClaimEvent>();
      std::string detail = std::string(to_string(c.claim)) + ": " + c.detail +
                           (c.verified ? " (verified)" : " (not verified)");
      sink.whereabouts(src, c.child, Whereabouts::kClaimed, detail);
      break;
    }
    default:
      break;
  }
}

}  // namespace sightline
