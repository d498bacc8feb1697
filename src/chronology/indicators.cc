#include "chronology/indicators.h"

#include <algorithm>
#include <optional>

#include "chronology/child_household.h"
#include "chronology/child_identity.h"
#include "chronology/replay_order.h"

namespace sightline {
namespace {

// The two latest instants of something, and who reported the latest.
struct LastTwo {
  std::int64_t latest = kNoInstant, previous = kNoInstant;
  const Event* latest_event = nullptr;
  void add(std::int64_t t, const Event* e) {
    previous = latest;
    latest = t;
    latest_event = e;
  }
  bool both_within(std::int64_t now, int days) const { return within_days(now, previous, days); }
};

std::string address_key(const Address& a) {
  if (a.kind == AddressKind::kUnknown || a.kind == AddressKind::kNoFixedAbode ||
      (a.line1.empty() && a.postcode.empty())) {
    return std::string(to_string(a.kind)) + "|" + a.area;
  }
  return a.normalised_key();
}

struct AddressHistory {
  std::string key;
  bool known = false;
  LastTwo changes;
  std::int64_t without_notice = kNoInstant;
  const Event* without_notice_event = nullptr;
};

// What a carer's circumstances say, with the event that said it.
template <class T>
struct Latest {
  std::optional<T> value;
  const Event* event = nullptr;
};

struct Person {
  AddressHistory address;
  LastTwo refusals;
  Latest<Housing> housing;
  Latest<Income> income;
  Latest<Immigration> immigration;
};

}  // namespace

std::map<Domain, std::vector<ActiveIndicator>> active_indicators(
    const std::vector<Event>& chronology, std::string_view child, Timestamp now_at,
    const IndicatorWindows& windows) {
  std::map<Id, Person, std::less<>> people;
  ChildHousehold household(child);
  std::map<Indicator, ActiveIndicator> recorded;
  std::map<Indicator, std::int64_t> resolved_at;
  LastTwo not_brought;
  const auto note_recorded = [&](Indicator i, const Event& e) {
    recorded.try_emplace(i, ActiveIndicator{i, e.at, e.by});
  };

  for (const Event* e : in_replay_order(chronology)) {
    const std::int64_t t = e->at.instant();
    const bool was_unborn = household.unborn();
    household.note(*e);
    switch (e->type) {
      case EventType::kPregnancy:
        if (e->as<PregnancyEvent>().child == child) note_recorded(Indicator::kPregnancy, *e);
        break;
      case EventType::kBirth: {
        const auto& b = e->as<BirthEvent>();
        if (b.child != child) break;
        recorded.erase(Indicator::kPregnancy);  // C7: a pregnancy concern ends at the birth
        AddressHistory& own = people[Id(child)].address;
        const AddressHistory& hers = people[b.mother].address;
        if (!own.known && (was_unborn || hers.known)) {
          // A newborn lives where the mother lives; her moves are not its changes.
          own = AddressHistory{hers.key, hers.known, {}, kNoInstant, nullptr};
        }
        break;
      }
      case EventType::kCircumstances: {
        const auto& b = e->as<CircumstancesEvent>();
        Person& p = people[b.person];
        if (b.housing) p.housing = {b.housing, e};
        if (b.income) p.income = {b.income, e};
        if (b.immigration) p.immigration = {b.immigration, e};
        break;
      }
      case EventType::kAddress: {
        const auto& b = e->as<AddressEvent>();
        const std::string key = address_key(b.address);
        for (const Id& id : b.persons) {
          AddressHistory& a = people[id].address;
          if (a.known && key != a.key) {  // C6: the first known address is not a change
            a.changes.add(t, e);
            if (b.notice == AddressNotice::kWithoutNotice) {
              a.without_notice = t;
              a.without_notice_event = e;
            }
          }
          a.known = true;
          a.key = key;
        }
        break;
      }
      case EventType::kContact: {
        const auto& b = e->as<ContactEvent>();
        if (b.outcome != ContactOutcome::kDeclined && b.outcome != ContactOutcome::kNoAccess) break;
        for (const Id& id : b.persons) {
          LastTwo& r = people[id].refusals;
          if (r.latest != t) r.add(t, e);
        }
        break;
      }
      case EventType::kAppointment: {
        const auto& b = e->as<AppointmentEvent>();
        if (b.child == child && b.outcome == AppointmentOutcome::kWasNotBrought)
          not_brought.add(t, e);
        break;
      }
      case EventType::kReferral: {
        const auto& b = e->as<ReferralEvent>();
        if (b.child != child) break;
        for (Indicator i : b.concerns) note_recorded(i, *e);
        break;
      }
      case EventType::kIndicator: {
        const auto& b = e->as<IndicatorEvent>();
        if (b.child != child) break;
        if (b.status == IndicatorStatus::kPresent) {
          note_recorded(b.indicator, *e);
        } else {
          recorded.erase(b.indicator);
          resolved_at[b.indicator] = t;
        }
        break;
      }
      default:
        break;
    }
  }

  const std::int64_t now = now_at.instant();
  std::map<Indicator, ActiveIndicator> active = recorded;
  const auto derive = [&](Indicator i, bool condition, std::int64_t fact, const Event* because) {
    if (!condition || because == nullptr) return;
    if (const auto r = resolved_at.find(i); r != resolved_at.end() && r->second >= fact) return;
    if (active.contains(i)) return;
    active.emplace(i, ActiveIndicator{i, because->at, because->by});
  };

  const AddressHistory& a = household.unborn() && !household.mother().empty()
                                ? people[household.mother()].address
                                : people[Id(child)].address;
  const std::int64_t fact = std::max(a.changes.latest, a.without_notice);
  derive(Indicator::kTransience,
         transient(now, a.changes.previous, a.without_notice, windows.transience_days), fact,
         fact == a.changes.latest ? a.changes.latest_event : a.without_notice_event);

  // R16: refusals naming the child or a carer; at one instant they are one occasion.
  LastTwo refusals;
  const auto add_refusals = [&](const LastTwo& r) {
    const std::pair<std::int64_t, const Event*> both[] = {{r.previous, nullptr},
                                                          {r.latest, r.latest_event}};
    for (const auto& [when, event] : both) {
      if (when == kNoInstant || when == refusals.latest || when == refusals.previous) continue;
      if (when > refusals.latest) {
        refusals.add(when, event);
      } else if (when > refusals.previous) {
        refusals.previous = when;
      }
    }
  };
  add_refusals(people[Id(child)].refusals);
  for (const Id& c : household.carers()) {
    const Person& carer = people[c];
    add_refusals(carer.refusals);
    if (carer.housing.value) {
      const Housing h = *carer.housing.value;
      const std::int64_t at = carer.housing.event->at.instant();
      derive(Indicator::kHomelessness, h == Housing::kSofaSurfing || h == Housing::kTemporary, at,
             carer.housing.event);
      derive(Indicator::kStreetHomeless, h == Housing::kStreetHomeless, at, carer.housing.event);
    }
    if (carer.income.value) {
      derive(Indicator::kDestitution, *carer.income.value == Income::kNone,
             carer.income.event->at.instant(), carer.income.event);
    }
    if (carer.immigration.value) {
      const Immigration m = *carer.immigration.value;
      derive(Indicator::kNoRecourseToPublicFunds,
             m == Immigration::kNrpf || m == Immigration::kEeaNoWorkHistory ||
                 m == Immigration::kOverstayer,
             carer.immigration.event->at.instant(), carer.immigration.event);
    }
  }
  derive(Indicator::kNonCooperation, refusals.both_within(now, windows.non_cooperation_days),
         refusals.latest, refusals.latest_event);
  derive(Indicator::kMissedHealthAppointments,
         not_brought.both_within(now, windows.missed_appointments_days), not_brought.latest,
         not_brought.latest_event);

  std::map<Domain, std::vector<ActiveIndicator>> out;
  for (const auto& [i, indicator] : active) out[domain_of(i)].push_back(indicator);
  for (auto& [domain, list] : out) {
    std::stable_sort(list.begin(), list.end(),
                     [](const ActiveIndicator& x, const ActiveIndicator& y) {
                       return x.since.instant() < y.since.instant();
                     });
  }
  return out;
}

std::map<Domain, std::vector<ActiveIndicator>> indicators_while_alive(
    const std::vector<Event>& chronology, std::string_view child, Timestamp now,
    const IndicatorWindows& windows) {
  if (date_of_death(chronology, child)) return {};
  return active_indicators(chronology, child, now, windows);
}

int domains_spanned(const std::map<Domain, std::vector<ActiveIndicator>>& indicators) {
  int n = 0;
  for (const auto& [domain, list] : indicators) {
    if (domain != Domain::kOther && !list.empty()) ++n;
  }
  return n;
}

}  // namespace sightline
