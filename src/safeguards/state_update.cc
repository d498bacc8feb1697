// How each event changes the engine's view of people and agencies: the facts
// of the catalogue's "Terms" that every rule reads. Rules run after this.
#include <algorithm>
#include <array>

#include "chronology/involvement.h"
#include "safeguards/engine_facts.h"

namespace sightline::safeguards {
namespace {

constexpr std::uint32_t bit(Indicator i) { return 1u << static_cast<int>(i); }

bool is_eea_nationality(std::string_view n) {
  static constexpr std::array<std::string_view, 31> kEea{
      "EEA", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
      "DE",  "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL",
      "PT",  "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"};
  return std::find(kEea.begin(), kEea.end(), n) != kEea.end();
}

int age_years(Date dob, Date on) {
  int years = on.year() - dob.year();
  if (on.month() < dob.month() || (on.month() == dob.month() && on.day() < dob.day())) --years;
  return years;
}

}  // namespace

void EngineFacts::touch(PersonId p) {
  touched_.push_back(p);
  for (PersonId c : people_[p].children) touched_.push_back(c);
}

void EngineFacts::add_carer(PersonId carer, PersonId child) {
  mark(Fact::kCarers);
  PersonState& c = people_[child];
  if (std::find(c.carers.begin(), c.carers.end(), carer) == c.carers.end())
    c.carers.push_back(carer);
  PersonState& k = people_[carer];
  if (std::find(k.children.begin(), k.children.end(), child) == k.children.end()) {
    k.children.push_back(child);
  }
}

void EngineFacts::note_seen(PersonId child, AgencyId by, std::int64_t t) {
  PersonState& s = people_[child];
  bool found = false;
  for (auto& [agency, when] : s.seen_by) {
    if (agency == by) {
      when = std::max(when, t);
      found = true;
    }
  }
  if (!found) s.seen_by.emplace_back(by, t);
  s.last_seen = std::max(s.last_seen, t);
  mark(Fact::kSightings);
  note_in_contact(child, by, t);
  if (agencies_[by].kind == AgencyKind::kHealthVisiting) {
    s.hv_known_by = by;
    mark(Fact::kHealthVisiting);
    note_handover_seen(child, by, t);
  }
  sightings_.emplace_back(child, by);
}

void EngineFacts::note_handover_seen(PersonId child, AgencyId receiver, std::int64_t seen) {
  // hv-transfer-contact: "for an enhanced child the sender stays responsible
  // until" the receiving HV sees the child. Once a health-visiting agency that
  // received a transfer has seen the child since it was sent, the sender's
  // enhanced level (and with it the sender's 30-WD visiting) ends; the child's
  // level stays, and the receiver's visiting follows its own involvement (the
  // accepted transfer's status, C5, or a level it sets). R46. What counts is
  // when the sighting happened, not when it was learnt: a sighting from before
  // the sender's level began cannot end the responsibility that level set, so
  // one recorded after the level is judged by its own `at` (R68).
  PersonState& s = people_[child];
  for (const Involvement& i : s.involvements) {
    if (i.kind != InvolvementKind::kHvEnhanced || i.agency == receiver) continue;
    for (const std::uint32_t r : s.transfers) {
      const TransferInfo& tr = transfers_.at(r);
      if (tr.from == i.agency && tr.to == receiver &&
          hands_over_enhanced_level(seen, i.since, tr.at_instant)) {
        remove_involvement(child, i.agency, InvolvementKind::kHvEnhanced, kNone);
        return;  // the list changed; one enhanced level is held at a time
      }
    }
  }
}

void EngineFacts::note_in_contact(PersonId p, AgencyId by, std::int64_t t) {
  PersonState& s = people_[p];
  if (t >= s.in_contact_at) {
    s.in_contact_at = t;
    s.in_contact_by = by;
    mark(Fact::kSightings);
  }
}

void EngineFacts::note_located(PersonId child, std::int64_t t) {
  PersonState& s = people_[child];
  s.last_located = std::max(s.last_located, t);
  mark(Fact::kWhereabouts);
  Location where{t, kNone,
                 static_cast<std::uint32_t>(clock_.event != nullptr ? clock_.event->line : 0)};
  if (clock_.event != nullptr && !clock_.event->id.empty())
    where.event = ids_.event_id(clock_.event->id);
  const auto later = std::upper_bound(s.locations.begin(), s.locations.end(), t,
                                      [](std::int64_t at, const Location& l) { return at < l.at; });
  s.locations.insert(later, where);
  // whereabouts-unknown: "child located" is by when it happened. A sighting
  // from before the whereabouts became unknown, however late it is learnt,
  // does not locate the child (nor resolve the rules' duties).
  if (t < s.whereabouts_unknown_since) return;
  s.whereabouts_unknown = false;
  if (std::find(located_.begin(), located_.end(), child) == located_.end())
    located_.push_back(child);
}

void EngineFacts::note_whereabouts_lost(PersonId child, std::int64_t t) {
  PersonState& s = people_[child];
  if (s.whereabouts_unknown) return;  // R32: one episode at a time
  mark(Fact::kWhereabouts);
  s.whereabouts_unknown_since = t;
  // A trigger learnt late may come after the child was located by something
  // that happened since (learnt first): then the whereabouts are known again.
  s.whereabouts_unknown = !located_after(child, t);
}

std::optional<Location> EngineFacts::located_after(PersonId child, std::int64_t t) const {
  const std::vector<Location>& ls = people_[child].locations;
  const auto first = std::upper_bound(ls.begin(), ls.end(), t,
                                      [](std::int64_t at, const Location& l) { return at < l.at; });
  if (first == ls.end()) return std::nullopt;
  return *first;
}

void EngineFacts::note_move(PersonId child, AreaId left, AreaId destination, std::int64_t t) {
  PersonState& s = people_[child];
  mark(Fact::kAddress);
  if (s.home_area == kNone && s.last_move == kNever) {
    // No home known yet. The first report that places the child in an area is
    // the first known home, not a move (R7); a report without one (an address
    // of no fixed abode) places nothing. But a report that says which area the
    // child left (a deregistration `moved`: the practice's; a transfer: the
    // sender's) knows the home before it: the child lived there and moved.
    if (left == kNone || left == destination) {
      s.home_area = destination;
      return;
    }
    s.home_area = left;
  }
  if (destination == s.home_area) return;  // another report of the same move
  if (s.home_area == kNone && destination != kNone) {
    // The destination of a move to an unknown place is now known: the same move.
    s.home_area = destination;
    moves_.push_back(Move{child, s.moved_from, destination, true, s.last_move});
    return;
  }
  moves_.push_back(Move{child, s.home_area, destination, false, t});
  s.moved_from = s.home_area;
  s.home_area = destination;
  s.last_move = t;
}

void EngineFacts::note_address(PersonId p, const Address& a, AddressNotice notice, std::int64_t t) {
  PersonState& s = people_[p];
  AddressState& st = s.address;
  mark(Fact::kAddress);
  const std::uint64_t key = address_hash(a);
  if (st.known && key != st.key) {  // C6: the first known address is not a change
    st.changes.add(t);
    if (notice == AddressNotice::kWithoutNotice) st.without_notice_change = t;
  }
  st.known = true;
  st.key = key;
  st.area = ids_.area(a.area);
  if (st.area != kNone) st.last_area = st.area;
  // The mother's addresses count for her unborn child (C1, C6): she moves, it
  // moves with her.
  for (const PersonId c : s.children) {
    if (people_[c].unborn && people_[c].mother == p) note_move(c, kNone, st.area, t);
  }
  if (s.is_child && !s.unborn) {
    note_move(p, kNone, st.area, t);
    if (notice == AddressNotice::kWithoutNotice && a.kind == AddressKind::kUnknown) {
      note_whereabouts_lost(p, t);
    }
  }
}

void EngineFacts::note_known_as_child(PersonId p) {
  PersonState& s = people_[p];
  s.is_child = true;
  mark(Fact::kChildhood);
  // Replay follows `recorded` and C14 orders only references to events, so
  // the family's address may come before the line that says this person is a
  // child (R66). It is the child's address all the same: the first known home
  // (R7), so that the next move of the family is the child's move.
  if (s.address.known && !s.unborn && s.home_area == kNone && s.last_move == kNever) {
    s.home_area = s.address.area;
  }
}

void EngineFacts::add_involvement(PersonId child, Involvement inv) {
  auto& list = people_[child].involvements;
  for (const Involvement& i : list) {
    if (i.agency == inv.agency && i.kind == inv.kind && i.ref == inv.ref) return;
  }
  list.push_back(inv);
  mark(Fact::kInvolvements);
}

void EngineFacts::remove_involvement(PersonId child, AgencyId agency_id, InvolvementKind kind,
                                     std::uint32_t r) {
  auto& list = people_[child].involvements;
  if (std::erase_if(list, [&](const Involvement& i) {
        return i.kind == kind && (agency_id == kNone || i.agency == agency_id) &&
               (r == kNone || i.ref == r);
      }) > 0) {
    mark(Fact::kInvolvements);
  }
}

void EngineFacts::begin_event() {
  sightings_.clear();
  located_.clear();
  children_named_.clear();
  touched_.clear();
  moves_.clear();
  changed_.clear();
}

void EngineFacts::update(const Event& e) {
  update_records(e);
  note_sightings(e);
}

std::optional<TransferParties> EngineFacts::Known::transfer(std::string_view id) const {
  const auto it = facts_.transfers_.find(facts_.ids_.find_ref(id));
  if (it == facts_.transfers_.end()) return std::nullopt;
  return TransferParties{facts_.ids_.person_name(it->second.child),
                         facts_.ids_.agency_name(it->second.to)};
}

Childhood EngineFacts::Known::childhood(std::string_view id) const {
  const PersonState& s = facts_.people_[facts_.person(id)];
  if (!s.is_child) return Childhood::kNotAChild;
  return s.unborn ? Childhood::kUnborn : Childhood::kBorn;
}

void EngineFacts::note_sightings(const Event& e) {
  // Read after the event's other facts: none of them changes who is a child
  // or what a transfer was, which is all the definition asks of the state.
  const Known known(*this);
  const std::int64_t t = e.at.instant();
  seen_scratch_.clear();
  append_sightings(e, known, seen_scratch_);
  for (const Sighting& s : seen_scratch_) note_seen(person(s.child), agency(s.by), t);
  located_scratch_.clear();
  append_located(e, known, located_scratch_);
  for (const std::string_view child : located_scratch_) note_located(person(child), t);
}

PersonId EngineFacts::name_child(const Id& id) {
  const PersonId p = person(id);
  if (people_[p].is_child) children_named_.push_back(p);
  return p;
}

void EngineFacts::update_records(const Event& e) {
  switch (e.type) {
    case EventType::kAgency:
      return update_agency(e);
    case EventType::kPremises:
      return update_premises(e);
    case EventType::kPerson:
      return update_person(e);
    case EventType::kPregnancy:
      return update_pregnancy(e);
    case EventType::kBirth:
      return update_birth(e);
    case EventType::kRelationship:
      return update_relationship(e);
    case EventType::kCircumstances:
      return update_circumstances(e);
    case EventType::kDeath:
      return update_death(e);
    case EventType::kAddress:
      return update_address(e);
    case EventType::kWhereaboutsUnknown:
      return update_whereabouts_unknown(e);
    case EventType::kMissing:
      return update_missing(e);
    case EventType::kFound:
      return update_found(e);
    case EventType::kClaim:
      return update_claim(e);
    case EventType::kRegistration:
      return update_registration(e);
    case EventType::kDeregistration:
      return update_deregistration(e);
    case EventType::kHvLevel:
      return update_hv_level(e);
    case EventType::kAppointment:
      return update_appointment(e);
    case EventType::kMedical:
      return update_medical(e);
    case EventType::kRecordsTransfer:
      return update_records_transfer(e);
    case EventType::kContact:
      return update_contact(e);
    case EventType::kReferral:
      return update_referral(e);
    case EventType::kReferralOutcome:
      return update_referral_outcome(e);
    case EventType::kIndicator:
      return update_indicator(e);
    case EventType::kNotification:
      return update_notification(e);
    case EventType::kAssessmentStarted:
      return update_assessment_started(e);
    case EventType::kAssessmentCompleted:
      return update_assessment_completed(e);
    case EventType::kStrategyDiscussion:
      return update_strategy_discussion(e);
    case EventType::kS47Concluded:
      return update_s47_concluded(e);
    case EventType::kConference:
      return update_conference(e);
    case EventType::kPlanStarted:
      return update_plan_started(e);
    case EventType::kPlanEnded:
      return update_plan_ended(e);
    case EventType::kTransfer:
      return update_transfer(e);
    case EventType::kTransferAccepted:
      return update_transfer_accepted(e);
    case EventType::kTransferDeclined:
      return update_transfer_declined(e);
    case EventType::kCaseClosed:
      return update_case_closed(e);
    case EventType::kOptionsReview:
      return update_options_review(e);
    case EventType::kAllocation:
      return;  // who the named worker is changes no duty
  }
}

void EngineFacts::update_agency(const Event& e) {
  const auto& b = e.as<AgencyEvent>();
  const AgencyId a = agency(e.id);
  agencies_[a] = AgencyInfo{b.kind, ids_.area(b.area), false};
  mark(Fact::kAgencies);
  serving_.emplace((std::uint64_t{static_cast<std::uint8_t>(b.kind)} << 32) | agencies_[a].area, a);
}

void EngineFacts::update_premises(const Event& e) {
  const auto& b = e.as<PremisesEvent>();
  if (!b.address.line1.empty() || !b.address.postcode.empty()) {
    premises_[address_hash(b.address)] = b.kind;
    mark(Fact::kAgencies);
  }
}

void EngineFacts::update_person(const Event& e) {
  const auto& b = e.as<PersonEvent>();
  const PersonId p = person(e.id);
  PersonState& s = people_[p];
  if (b.dob) {
    s.dob = b.dob;
    mark(Fact::kChildhood);
    if (age_years(*b.dob, e.at.date) < 18 && !s.is_child) note_known_as_child(p);
  }
  if (!b.nationality.empty()) {
    s.eea = is_eea_nationality(b.nationality);
    mark(Fact::kCircumstances);
  }
  touch(p);
}

void EngineFacts::update_pregnancy(const Event& e) {
  const auto& b = e.as<PregnancyEvent>();
  const PersonId c = person(b.child);
  const PersonId m = person(b.mother);
  PersonState& s = people_[c];
  if (!s.dob) {
    s.unborn = true;
    s.edd = b.edd;
  }
  s.is_child = true;
  s.mother = m;
  add_carer(m, c);
  // The unborn child lives where the mother lives (C6): her home is its
  // first known home.
  if (s.unborn && s.home_area == kNone && s.last_move == kNever) {
    s.home_area = people_[m].address.area;
  }
  s.recorded |= bit(Indicator::kPregnancy);
  mark(Fact::kChildhood);
  mark(Fact::kIndicators);
  children_named_.push_back(c);
  touch(c);
}

void EngineFacts::update_birth(const Event& e) {
  const auto& b = e.as<BirthEvent>();
  const PersonId c = person(b.child);
  const PersonId m = person(b.mother);
  PersonState& s = people_[c];
  const bool was_unborn = s.unborn;
  s.unborn = false;
  s.is_child = true;
  if (!s.dob) s.dob = e.at.date;
  s.mother = m;
  add_carer(m, c);
  s.recorded &= ~bit(Indicator::kPregnancy);  // C7: a pregnancy concern ends at the birth
  mark(Fact::kChildhood);
  mark(Fact::kIndicators);
  if (b.place) s.birth_place_area = agencies_[agency(*b.place)].area;
  if (!s.address.known && (was_unborn || people_[m].address.known)) {
    // A newborn lives where the mother lives until told otherwise.
    s.address = people_[m].address;
    mark(Fact::kAddress);
    s.address.changes = LastTwo{};
    s.address.without_notice_change = kNever;
  }
  // The home the unborn child already followed with the mother (C6) stays;
  // else the newborn's first home is the mother's (R8).
  if (s.home_area == kNone && s.last_move == kNever) s.home_area = address_of(c).area;
  children_named_.push_back(c);
  touch(c);
}

void EngineFacts::update_relationship(const Event& e) {
  const auto& b = e.as<RelationshipEvent>();
  if (b.role == RelationshipRole::kMother || b.role == RelationshipRole::kFather ||
      b.role == RelationshipRole::kCarer) {
    const PersonId carer = person(b.person);
    const PersonId c = person(b.other);
    add_carer(carer, c);
    if (b.role == RelationshipRole::kMother && people_[c].mother == kNone) {
      people_[c].mother = carer;
      mark(Fact::kChildhood);
    }
    touch(c);
  }
}

void EngineFacts::update_circumstances(const Event& e) {
  const std::int64_t t = e.at.instant();
  const auto& b = e.as<CircumstancesEvent>();
  const PersonId p = person(b.person);
  PersonState& s = people_[p];
  if (b.housing) {
    s.housing = b.housing;
    s.housing_at = t;
  }
  if (b.income) {
    s.income = b.income;
    s.income_at = t;
  }
  if (b.immigration) {
    s.immigration = b.immigration;
    s.immigration_at = t;
  }
  if (b.health) s.health_needs = !b.health->empty();
  mark(Fact::kCircumstances);
  touch(p);
}

void EngineFacts::update_death(const Event& e) {
  const PersonId p = person(e.as<DeathEvent>().person);
  people_[p].dead = true;  // the engine then closes the child's duties
  mark(Fact::kChildhood);
}

void EngineFacts::update_address(const Event& e) {
  const std::int64_t t = e.at.instant();
  const auto& b = e.as<AddressEvent>();
  for (const Id& id : b.persons) {
    const PersonId p = name_child(id);
    note_address(p, b.address, b.notice, t);
    touch(p);
  }
}

void EngineFacts::update_whereabouts_unknown(const Event& e) {
  const std::int64_t t = e.at.instant();
  const PersonId c = name_child(e.as<WhereaboutsUnknownEvent>().child);
  note_whereabouts_lost(c, t);
  touch(c);
}

void EngineFacts::update_missing(const Event& e) {
  const std::int64_t t = e.at.instant();
  const PersonId c = name_child(e.as<MissingEvent>().child);
  people_[c].last_missing = std::max(people_[c].last_missing, t);
  mark(Fact::kWhereabouts);
}

void EngineFacts::update_found(const Event& e) { touch(name_child(e.as<FoundEvent>().child)); }

void EngineFacts::update_claim(const Event& e) { name_child(e.as<ClaimEvent>().child); }

void EngineFacts::update_registration(const Event& e) {
  const auto& b = e.as<RegistrationEvent>();
  const PersonId c = name_child(b.child);
  people_[c].gp = agency(b.agency);
  mark(Fact::kGp);
  touch(c);
}

void EngineFacts::update_deregistration(const Event& e) {
  const std::int64_t t = e.at.instant();
  const auto& b = e.as<DeregistrationEvent>();
  const PersonId c = name_child(b.child);
  if (people_[c].gp == agency(b.agency)) {
    people_[c].gp = kNone;
    mark(Fact::kGp);
  }
  // A move away from the practice's area, to a place not yet known (R7).
  // Leaving a practice of the area the child already moved out of is a
  // later report of that move, not another one.
  const PersonState& s = people_[c];
  const AreaId practice_area = agencies_[agency(b.agency)].area;
  if (b.reason == DeregistrationReason::kMoved && s.is_child &&
      (s.home_area == practice_area || (s.home_area == kNone && s.last_move == kNever))) {
    note_move(c, practice_area, kNone, t);
  }
  touch(c);
}

void EngineFacts::update_hv_level(const Event& e) {
  const auto& b = e.as<HvLevelEvent>();
  const PersonId c = name_child(b.child);
  PersonState& s = people_[c];
  const AgencyId by = agency(e.by);
  s.hv_level = b.level;
  s.hv_level_by = by;
  mark(Fact::kHealthVisiting);
  if (agencies_[by].kind == AgencyKind::kHealthVisiting) s.hv_known_by = by;
  // Re-stating an enhanced level (universal_plus to partnership_plus, or the
  // same again) by the agency that holds it continues that involvement: "every
  // 30 WD when health visiting is enhanced" counts from when it became enhanced.
  const auto current =
      std::find_if(s.involvements.begin(), s.involvements.end(), [&](const Involvement& i) {
        return i.kind == InvolvementKind::kHvEnhanced && i.agency == by;
      });
  const Date since = current != s.involvements.end() ? current->since : e.at.date;
  remove_involvement(c, kNone, InvolvementKind::kHvEnhanced, kNone);
  if (s.enhanced()) {
    add_involvement(
        c, Involvement{by, InvolvementKind::kHvEnhanced, TransferStatus::kEnhanced, kNone, since});
  }
  touch(c);
}

void EngineFacts::update_appointment(const Event& e) {
  const std::int64_t t = e.at.instant();
  const auto& b = e.as<AppointmentEvent>();
  const PersonId c = name_child(b.child);
  const AgencyId by = agency(e.by);
  if (b.outcome == AppointmentOutcome::kWasNotBrought) {
    people_[c].not_brought.add(t);
    mark(Fact::kIndicators);
  }
  if (agencies_[by].kind == AgencyKind::kHealthVisiting) {
    people_[c].hv_known_by = by;
    mark(Fact::kHealthVisiting);
  }
  touch(c);
}

void EngineFacts::update_medical(const Event& e) { touch(name_child(e.as<MedicalEvent>().child)); }

void EngineFacts::update_records_transfer(const Event& e) {
  name_child(e.as<RecordsTransferEvent>().child);
}

void EngineFacts::update_contact(const Event& e) {
  const std::int64_t t = e.at.instant();
  const auto& b = e.as<ContactEvent>();
  const AgencyId by = agency(e.by);
  const bool hv = agencies_[by].kind == AgencyKind::kHealthVisiting;
  const bool refused =
      b.outcome == ContactOutcome::kDeclined || b.outcome == ContactOutcome::kNoAccess;
  // R57: the agency reached the person, even if only to be refused.
  const bool reached = b.outcome == ContactOutcome::kSeen || b.outcome == ContactOutcome::kDeclined;
  for (const Id& id : b.persons) {
    const PersonId p = name_child(id);
    PersonState& s = people_[p];
    if (hv) mark(Fact::kHealthVisiting);  // its contact or the child's HV agency
    if (hv && b.outcome == ContactOutcome::kSeen) s.last_hv_contact = t;
    if (reached) note_in_contact(p, by, t);
    // Kept with the person it names; a child's non_cooperation reads its
    // own and its carers' (R16), whenever the carer was linked.
    if (refused && s.declined.latest != t) {
      s.declined.add(t);
      mark(Fact::kIndicators);
    }
    if (s.is_child) {
      if (hv) s.hv_known_by = by;
      if (b.outcome == ContactOutcome::kNotAtAddress && !b.child_seen) {
        note_whereabouts_lost(p, t);
      }
    }
    if (hv) {
      // An unborn child is known to health visiting through its mother: a
      // contact with her is its antenatal contact (R19, R37).
      for (PersonId c : s.children) {
        if (people_[c].unborn && people_[c].mother == p) people_[c].hv_known_by = by;
      }
    }
    touch(p);
  }
}

void EngineFacts::update_referral(const Event& e) {
  const auto& b = e.as<ReferralEvent>();
  const PersonId c = name_child(b.child);
  if (!people_[c].is_child) {
    note_known_as_child(c);
    children_named_.push_back(c);
  }
  if (b.mother) add_carer(person(*b.mother), c);
  const std::uint32_t r = ids_.ref(e.id);
  std::uint32_t concerns = 0;
  for (Indicator i : b.concerns) concerns |= bit(i);
  const AgencyId to = agency(b.to);
  referrals_[r] =
      ReferralInfo{c, agency(b.from), to, e.at.date, e.at.instant(), concerns, false, {}};
  referrals_of_[c].push_back(r);
  mark(Fact::kReferrals);
  people_[c].recorded |= concerns;  // present from the referral's date
  if (concerns != 0) mark(Fact::kIndicators);
  const AgencyKind k = agencies_[to].kind;
  if (k == AgencyKind::kChildrensSocialCare || k == AgencyKind::kAdultSocialCare ||
      k == AgencyKind::kHousing) {
    people_[c].known_to_services = true;
    mark(Fact::kKnownToServices);
  }
  if (k == AgencyKind::kChildrensSocialCare) people_[c].referred_to_social_care = to;
  touch(c);
}

void EngineFacts::update_referral_outcome(const Event& e) {
  const auto& b = e.as<ReferralOutcomeEvent>();
  const auto it = referrals_.find(ids_.find_ref(b.referral));
  if (it != referrals_.end()) {
    it->second.decided = true;
    it->second.outcome = b.outcome;
    mark(Fact::kReferrals);
    children_named_.push_back(it->second.child);
  }
}

void EngineFacts::update_indicator(const Event& e) {
  const std::int64_t t = e.at.instant();
  const auto& b = e.as<IndicatorEvent>();
  const PersonId c = name_child(b.child);
  PersonState& s = people_[c];
  mark(Fact::kIndicators);
  if (b.status == IndicatorStatus::kPresent) {
    s.recorded |= bit(b.indicator);
  } else {
    s.recorded &= ~bit(b.indicator);
    bool found = false;
    for (auto& [ind, when] : s.resolved_at) {
      if (ind == b.indicator) {
        when = t;
        found = true;
      }
    }
    if (!found) s.resolved_at.emplace_back(b.indicator, t);
  }
  touch(c);
}

void EngineFacts::update_notification(const Event& e) {
  for (const Id& id : e.as<NotificationEvent>().persons) name_child(id);
}

void EngineFacts::update_assessment_started(const Event& e) {
  const std::int64_t t = e.at.instant();
  const auto& b = e.as<AssessmentStartedEvent>();
  const PersonId c = name_child(b.child);
  const AgencyId a = agency(b.agency);
  const std::uint32_t r = ids_.ref(e.id);
  assessments_[r] = AssessmentInfo{c, b.kind, a, e.at.date};
  mark(Fact::kAssessments);
  if (b.kind == AssessmentKind::kS47) {
    add_involvement(c, Involvement{a, InvolvementKind::kS47, {}, r, e.at.date});
  } else if (b.kind != AssessmentKind::kAdultNeeds) {
    add_involvement(c, Involvement{a, InvolvementKind::kAssessment, {}, r, e.at.date});
  }
  if (b.kind == AssessmentKind::kNeglect || b.kind == AssessmentKind::kChildAndFamily) {
    people_[c].last_holistic_assessment = t;
  }
  if (b.kind == AssessmentKind::kPreBirth) people_[c].prebirth_assessment = true;
  touch(c);
}

void EngineFacts::update_assessment_completed(const Event& e) {
  const std::uint32_t r = ids_.find_ref(e.as<AssessmentCompletedEvent>().assessment);
  if (const auto it = assessments_.find(r); it != assessments_.end()) {
    remove_involvement(it->second.child, kNone, InvolvementKind::kAssessment, r);
    children_named_.push_back(it->second.child);
    touch(it->second.child);
  }
}

void EngineFacts::update_strategy_discussion(const Event& e) {
  const std::int64_t t = e.at.instant();
  const PersonId c = name_child(e.as<StrategyDiscussionEvent>().child);
  people_[c].last_strategy = t;
  people_[c].last_strategy_date = e.at.date;
  mark(Fact::kStrategyConferences);
}

void EngineFacts::update_s47_concluded(const Event& e) {
  const std::uint32_t r = ids_.find_ref(e.as<S47ConcludedEvent>().assessment);
  if (const auto it = assessments_.find(r); it != assessments_.end()) {
    remove_involvement(it->second.child, kNone, InvolvementKind::kS47, r);
    children_named_.push_back(it->second.child);
    touch(it->second.child);
  }
}

void EngineFacts::update_conference(const Event& e) {
  const std::int64_t t = e.at.instant();
  const auto& b = e.as<ConferenceEvent>();
  const PersonId c = name_child(b.child);
  mark(Fact::kStrategyConferences);
  if (b.kind == ConferenceKind::kTransferIn) {
    people_[c].last_transfer_in_conference = std::max(people_[c].last_transfer_in_conference, t);
  } else {
    const auto [it, first] = conferences_.try_emplace(c);
    if (first || it->second.at <= e.at.date) it->second = ConferenceInfo{e.at.date, e.id, e.line};
  }
}

void EngineFacts::update_plan_started(const Event& e) {
  const auto& b = e.as<PlanStartedEvent>();
  const PersonId c = name_child(b.child);
  const AgencyId a = agency(b.agency);
  const std::uint32_t r = ids_.ref(e.id);
  plans_[r] = PlanInfo{c, b.kind, a};
  // Every active plan is open involvement (Terms); a looked_after plan is kept
  // apart because it sets no child-not-seen interval (R44).
  InvolvementKind kind = InvolvementKind::kCinPlan;
  if (b.kind == PlanKind::kChildProtection) kind = InvolvementKind::kCpPlan;
  if (b.kind == PlanKind::kLookedAfter) kind = InvolvementKind::kLookedAfterPlan;
  add_involvement(c, Involvement{a, kind, {}, r, e.at.date});
  touch(c);
}

void EngineFacts::update_plan_ended(const Event& e) {
  const std::uint32_t r = ids_.find_ref(e.as<PlanEndedEvent>().plan);
  if (const auto it = plans_.find(r); it != plans_.end()) {
    const PersonId c = it->second.child;
    remove_involvement(c, kNone, InvolvementKind::kCpPlan, r);
    remove_involvement(c, kNone, InvolvementKind::kCinPlan, r);
    remove_involvement(c, kNone, InvolvementKind::kLookedAfterPlan, r);
    children_named_.push_back(c);
    touch(c);
  }
}

void EngineFacts::update_transfer(const Event& e) {
  const std::int64_t t = e.at.instant();
  const auto& b = e.as<TransferEvent>();
  const PersonId c = name_child(b.child);
  const AgencyId from = agency(b.from), to = agency(b.to);
  const std::uint32_t r = ids_.ref(e.id);
  transfers_[r] = TransferInfo{c, from, to, b.status, e.at.date, false, false, false, t};
  people_[c].transfers.push_back(r);
  mark(Fact::kTransfers);
  // The receiving HV may have seen the child already (learnt late): handed over.
  if (agencies_[to].kind == AgencyKind::kHealthVisiting && people_[c].seen_by_agency(to) >= t) {
    note_handover_seen(c, to, people_[c].seen_by_agency(to));
  }
  // A transfer to an agency of another area reports a move from the
  // sender's area (R7), for an unborn child too (C1).
  const AreaId dest = agencies_[to].area;
  const AreaId sender_area = agencies_[from].area;
  if (people_[c].is_child && dest != kNone && dest != sender_area) {
    note_move(c, sender_area, dest, t);
  }
  touch(c);
}

void EngineFacts::update_transfer_accepted(const Event& e) {
  const auto& b = e.as<TransferAcceptedEvent>();
  const std::uint32_t r = ids_.find_ref(b.transfer);
  if (const auto it = transfers_.find(r); it != transfers_.end()) {
    TransferInfo& tr = it->second;
    tr.accepted = true;
    tr.seen = tr.seen || b.child_seen;
    mark(Fact::kTransfers);
    children_named_.push_back(tr.child);
    add_involvement(
        tr.child, Involvement{tr.to, InvolvementKind::kAcceptedTransfer, tr.status, r, e.at.date});
    if (agencies_[tr.to].kind == AgencyKind::kHealthVisiting) {
      people_[tr.child].hv_known_by = tr.to;
      mark(Fact::kHealthVisiting);
    }
    touch(tr.child);
  }
}

void EngineFacts::update_transfer_declined(const Event& e) {
  const std::uint32_t r = ids_.find_ref(e.as<TransferDeclinedEvent>().transfer);
  if (const auto it = transfers_.find(r); it != transfers_.end()) {
    it->second.declined = true;
    mark(Fact::kTransfers);
    children_named_.push_back(it->second.child);
  }
}

void EngineFacts::update_case_closed(const Event& e) {
  const auto& b = e.as<CaseClosedEvent>();
  const PersonId c = name_child(b.child);
  const AgencyId a = agency(b.agency);
  // C8: closing ends accepted-transfer involvement and an enhanced HV level
  // of the closing agency, nothing else.
  remove_involvement(c, a, InvolvementKind::kAcceptedTransfer, kNone);
  remove_involvement(c, a, InvolvementKind::kHvEnhanced, kNone);
  if (people_[c].hv_level_by == a && people_[c].enhanced()) {
    people_[c].hv_level.reset();
    mark(Fact::kHealthVisiting);
  }
  touch(c);
}

void EngineFacts::update_options_review(const Event& e) {
  touch(person(e.as<OptionsReviewEvent>().person));
}

}  // namespace sightline::safeguards
