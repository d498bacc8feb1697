#include "safeguards/engine_facts.h"

#include <algorithm>

#include "chronology/indicators.h"
#include "safeguards/catalogue.h"

namespace sightline::safeguards {
namespace {

std::uint64_t fnv(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

constexpr std::uint32_t bit(Indicator i) { return 1u << static_cast<int>(i); }

}  // namespace

void EngineFacts::note_reporter(const Event& e) {
  if (e.by.empty()) return;
  // R4's stand-in for the child's area: the agency that last reported about
  // the child, or about a carer (whose children touch() lists): a carer's
  // circumstances may be what sets a duty of "the child's area".
  if (const AreaId reporter_area = agencies_[agency(e.by)].area; reporter_area != kNone) {
    for (PersonId p : children_named_) people_[p].reported_area = reporter_area;
    for (PersonId p : touched_) people_[p].reported_area = reporter_area;
  }
  const AgencyKind k = agencies_[agency(e.by)].kind;
  if (k == AgencyKind::kChildrensSocialCare || k == AgencyKind::kAdultSocialCare ||
      k == AgencyKind::kHousing) {
    note_known_to_services(e);
  }
}

const std::vector<PersonId>& EngineFacts::touched() {
  std::sort(touched_.begin(), touched_.end());
  touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
  return touched_;
}

AgencyId EngineFacts::serving(AgencyKind kind, AreaId where) {
  if (where == kNone) return kNone;
  const std::uint64_t key = (std::uint64_t{static_cast<std::uint8_t>(kind)} << 32) | where;
  if (const auto it = serving_.find(key); it != serving_.end()) return it->second;
  // No agency of that kind serves the area (C1): the owner is written KIND:AREA.
  std::string name(to_string(kind));
  name += ':';
  name += ids_.area_name(where);
  // Not through agency(): `name` is a local, so its address must not be cached.
  const AgencyId a = ids_.agency_named(name);
  if (a >= agencies_.size()) agencies_.resize(a + 1);
  agencies_[a] = AgencyInfo{kind, where, true};
  return a;
}

const AddressState& EngineFacts::address_of(PersonId p) const {
  const PersonState& s = people_[p];
  if (s.unborn && s.mother != kNone) return people_[s.mother].address;
  return s.address;
}

AreaId EngineFacts::child_area(PersonId child) const {
  const PersonState& s = people_[child];
  if (const AddressState& a = address_of(child); a.last_area != kNone) return a.last_area;
  for (PersonId c : s.carers) {
    if (people_[c].address.last_area != kNone) return people_[c].address.last_area;
  }
  if (s.birth_place_area != kNone) return s.birth_place_area;
  if (s.gp != kNone) return agencies_[s.gp].area;
  // Beyond C1: nothing locates the child, so the area of the agency that last
  // reported about it or a carer (else no safeguard owned by "the child's
  // area" could fire, R4).
  return s.reported_area;
}

AgencyId EngineFacts::area_owner(AgencyKind kind, PersonId child) {
  if (const AreaId where = child_area(child); where != kNone) return serving(kind, where);
  if (clock_.event != nullptr && !clock_.event->by.empty()) return agency(clock_.event->by);
  return kNone;
}

std::uint64_t EngineFacts::address_hash(const Address& a) {
  if (a.kind == AddressKind::kUnknown || a.kind == AddressKind::kNoFixedAbode ||
      (a.line1.empty() && a.postcode.empty())) {
    return fnv(a.area, fnv(to_string(a.kind))) | 1u;
  }
  return fnv(a.normalised_key()) | 1u;
}

std::optional<PremisesKind> EngineFacts::premises_at(const Address& a) const {
  if (a.line1.empty() && a.postcode.empty()) return std::nullopt;
  const auto it = premises_.find(fnv(a.normalised_key()) | 1u);
  if (it == premises_.end()) return std::nullopt;
  return it->second;
}

const ReferralInfo* EngineFacts::referral(std::string_view id) const {
  const std::uint32_t r = ids_.find_ref(id);
  const auto it = referrals_.find(r);
  return it == referrals_.end() ? nullptr : &it->second;
}
const AssessmentInfo* EngineFacts::assessment(std::string_view id) const {
  const auto it = assessments_.find(ids_.find_ref(id));
  return it == assessments_.end() ? nullptr : &it->second;
}
const TransferInfo* EngineFacts::transfer(std::string_view id) const {
  const auto it = transfers_.find(ids_.find_ref(id));
  return it == transfers_.end() ? nullptr : &it->second;
}
const TransferInfo* EngineFacts::transfer_by_ref(std::uint32_t r) const {
  const auto it = transfers_.find(r);
  return it == transfers_.end() ? nullptr : &it->second;
}
const PlanInfo* EngineFacts::plan(std::string_view id) const {
  const auto it = plans_.find(ids_.find_ref(id));
  return it == plans_.end() ? nullptr : &it->second;
}
const ConferenceInfo* EngineFacts::last_conference(PersonId child) const {
  const auto it = conferences_.find(child);
  return it == conferences_.end() ? nullptr : &it->second;
}

bool EngineFacts::known_to_services(PersonId child) const {
  const PersonState& s = people_[child];
  if (s.known_to_services) return true;
  for (PersonId c : s.carers) {
    if (people_[c].known_to_services) return true;
  }
  return false;
}

AgencyId EngineFacts::last_in_contact(PersonId child) const {
  const PersonState& s = people_[child];
  AgencyId by = s.in_contact_by;
  std::int64_t at = s.in_contact_at;
  for (PersonId c : s.carers) {
    if (people_[c].in_contact_at > at) {
      at = people_[c].in_contact_at;
      by = people_[c].in_contact_by;
    }
  }
  return by;
}

void EngineFacts::note_known_to_services(const Event& e) {
  // R30: any event of theirs naming the person, whatever its type: in a field
  // of its own (a strategy discussion's or a notification's persons, a claim's
  // child, ...) or through the referral, assessment, plan or transfer it is
  // about (children_named_ holds those).
  const auto known = [&](PersonId p) {
    if (people_[p].known_to_services) return;
    people_[p].known_to_services = true;
    touch(p);
    mark(Fact::kKnownToServices);
  };
  for (const PersonRef& ref : persons_named(e)) known(person(*ref.person));
  for (const PersonId p : children_named_) known(p);
}

std::uint32_t EngineFacts::active_indicators(PersonId child) const {
  const PersonState& s = people_[child];
  std::uint32_t mask = s.recorded;
  const std::int64_t now = clock_.now_instant();
  const AreaId where = child_area(child);
  const auto resolved_after = [&](Indicator i, std::int64_t fact) {
    for (const auto& [ind, t] : s.resolved_at) {
      if (ind == i && t >= fact) return true;
    }
    return false;
  };
  const auto derive = [&](Indicator i, bool condition, std::int64_t fact) {
    if (condition && !resolved_after(i, fact)) mask |= bit(i);
  };
  const int transience_days = ids_.section_param(kIndicatorSection, kTransienceDays, where);
  const AddressState& a = address_of(child);
  derive(Indicator::kTransience,
         transient(now, a.changes.previous, a.without_notice_change, transience_days),
         std::max(a.changes.latest, a.without_notice_change));
  // R16: contacts refused naming the child or a carer of the child, whether
  // or not the carer was linked yet; refusals at the same instant are one
  // occasion (a visit to the family recorded once per person).
  LastTwo refusals;
  const auto add_refusals = [&](const LastTwo& r) {
    for (const std::int64_t t : {r.previous, r.latest}) {
      if (t == kNever || t == refusals.latest || t == refusals.previous) continue;
      if (t > refusals.latest) {
        refusals.add(t);
      } else if (t > refusals.previous) {
        refusals.previous = t;
      }
    }
  };
  add_refusals(s.declined);
  for (PersonId c : s.carers) {
    const PersonState& carer = people_[c];
    add_refusals(carer.declined);
    if (carer.housing) {
      const Housing h = *carer.housing;
      derive(Indicator::kHomelessness, h == Housing::kSofaSurfing || h == Housing::kTemporary,
             carer.housing_at);
      derive(Indicator::kStreetHomeless, h == Housing::kStreetHomeless, carer.housing_at);
    }
    if (carer.income)
      derive(Indicator::kDestitution, *carer.income == Income::kNone, carer.income_at);
    if (carer.immigration) {
      const Immigration m = *carer.immigration;
      derive(Indicator::kNoRecourseToPublicFunds,
             m == Immigration::kNrpf || m == Immigration::kEeaNoWorkHistory ||
                 m == Immigration::kOverstayer,
             carer.immigration_at);
    }
  }
  derive(
      Indicator::kNonCooperation,
      refusals.both_within(now, ids_.section_param(kIndicatorSection, kNonCooperationDays, where)),
      refusals.latest);
  derive(Indicator::kMissedHealthAppointments,
         s.not_brought.both_within(
             now, ids_.section_param(kIndicatorSection, kMissedAppointmentsDays, where)),
         s.not_brought.latest);
  return mask;
}

int EngineFacts::domain_count(std::uint32_t mask, std::optional<Domain> except) {
  std::uint32_t domains = 0;
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (!((mask >> i) & 1u)) continue;
    const Domain d = domain_of(static_cast<Indicator>(i));
    if (d == Domain::kOther || (except && d == *except)) continue;
    domains |= 1u << static_cast<int>(d);
  }
  return __builtin_popcount(domains);
}

std::string_view EngineFacts::unknown_reference(const Event& e) const {
  const auto unknown = [&](const auto& known, const Id& id) -> std::string_view {
    return known.contains(ids_.find_ref(id)) ? std::string_view{} : std::string_view{id};
  };
  switch (e.type) {
    case EventType::kReferralOutcome:
      return unknown(referrals_, e.as<ReferralOutcomeEvent>().referral);
    case EventType::kAssessmentCompleted:
      return unknown(assessments_, e.as<AssessmentCompletedEvent>().assessment);
    case EventType::kS47Concluded:
      return unknown(assessments_, e.as<S47ConcludedEvent>().assessment);
    case EventType::kPlanEnded:
      return unknown(plans_, e.as<PlanEndedEvent>().plan);
    case EventType::kTransferAccepted:
      return unknown(transfers_, e.as<TransferAcceptedEvent>().transfer);
    case EventType::kTransferDeclined:
      return unknown(transfers_, e.as<TransferDeclinedEvent>().transfer);
    default:
      return {};
  }
}

}  // namespace sightline::safeguards
