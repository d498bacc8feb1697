#include "safeguards/engine_core.h"

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "safeguards/catalogue.h"
#include "safeguards/rule_context.h"

namespace sightline::safeguards {
namespace {

Timestamp at_instant(std::int64_t instant) {
  std::int64_t days = instant / 86400;
  std::int64_t secs = instant % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  return Timestamp{Date::from_days(static_cast<std::int32_t>(days)),
                   static_cast<std::int32_t>(secs), true};
}

// The first instant after a due date: its deadline (Terms: "time of day").
std::int64_t deadline_of(Date due) { return std::int64_t{due.days() + 1} * 86400; }

std::uint64_t fnv(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

constexpr std::uint32_t bit(Indicator i) { return 1u << static_cast<int>(i); }

}  // namespace

void set_rule_index(Rule& rule, std::uint16_t index) { rule.index_ = index; }

void Rule::on_due(RuleContext& ctx, DutyId duty) const { ctx.raise(duty); }

EngineCore::EngineCore(const SafeguardsConfig& config, const WorkingDayCalendar& calendar,
                       std::span<const Rule* const> rules)
    : config_(config), calendar_(calendar), now_(at_instant(-100000LL * 86400)) {
  static std::atomic<std::uint64_t> engines{0};
  token_ = ++engines;
  for (const Rule* rule : rules) {
    if (rule->index() != rules_.size()) {
      throw std::logic_error(std::string(rule->info().id) + " is rule " +
                             std::to_string(rules_.size()) + " of the engine but has index " +
                             std::to_string(rule->index()));
    }
    rules_.push_back(rule);
    contexts_.emplace_back(*this, *rule);
    for (EventType t : rule->events()) by_type_[static_cast<std::size_t>(t)].push_back(rule);
    state_bits_.push_back(0);
    if (const FactSet watches = rule->watches(); !watches.empty()) {
      // Each state rule keeps its last value per child in a bit of its own.
      if (state_rules_.size() == 8 * sizeof(PersonState::rule_state)) {
        throw std::logic_error("more state rules than bits in PersonState::rule_state");
      }
      state_bits_.back() = static_cast<std::uint8_t>(1u << state_rules_.size());
      state_rules_.push_back(rule);
      state_watches_.push_back(watches);
      watched_ = watched_ | watches;
    }
  }
  ledger_.reset(rules_.size());
}

EngineCore::~EngineCore() = default;

// ----- configuration -----

const std::vector<int>& EngineCore::table_for(AreaId area) const {
  if (area == kNone || area >= area_tables_.size()) return config_.defaults();
  return *area_tables_[area];
}

int EngineCore::param(const Rule& rule, std::size_t p, AreaId area) const {
  return section_param(kFirstRuleSection + rule.index(), p, area);
}

int EngineCore::section_param(std::size_t section, std::size_t p, AreaId area) const {
  return table_for(area)[config_.offset(section) + p];
}

// ----- people, agencies, areas -----

std::uint32_t EngineCore::resolve(IdSpace space, std::string_view id, Interner& interner,
                                  std::vector<std::uint32_t>& map) {
  const ResolvedId* r = resolved_.find(space, id);
  if (r == nullptr) return interner.intern(id);
  if (words_mine_ && r->word != nullptr) {  // our own number, kept beside the parser's (+1)
    if (*r->word == 0) *r->word = interner.intern(id) + 1;
    return *r->word - 1;
  }
  if (r->number >= map.size()) map.resize(std::size_t{r->number} + 1, kNone);
  std::uint32_t& known = map[r->number];
  if (known == kNone) known = interner.intern(id);
  return known;
}

PersonId EngineCore::person(std::string_view id) {
  if (const PersonId p = recall(recent_persons_, id); p != kNone) return p;
  const PersonId p = resolve(IdSpace::kPerson, id, persons_, person_of_);
  if (p >= people_.size()) people_.resize(p + 1);
  recent_persons_[recent_person_next_++ % recent_persons_.size()] = {id.data(), id.size(), p};
  return p;
}

AgencyId EngineCore::agency(std::string_view id) {
  if (const AgencyId a = recall(recent_agencies_, id); a != kNone) return a;
  const AgencyId a = resolve(IdSpace::kAgency, id, agency_ids_, agency_of_);
  if (a >= agencies_.size()) agencies_.resize(a + 1);
  recent_agencies_[recent_agency_next_++ % recent_agencies_.size()] = {id.data(), id.size(), a};
  return a;
}

AreaId EngineCore::area(std::string_view gss) {
  if (gss.empty()) return kNone;
  const AreaId a = area_ids_.intern(gss);
  if (a >= area_tables_.size()) area_tables_.push_back(&config_.table(gss));
  return a;
}

AgencyId EngineCore::serving(AgencyKind kind, AreaId where) {
  if (where == kNone) return kNone;
  const std::uint64_t key = (std::uint64_t{static_cast<std::uint8_t>(kind)} << 32) | where;
  if (const auto it = serving_.find(key); it != serving_.end()) return it->second;
  // No agency of that kind serves the area (C1): the owner is written KIND:AREA.
  std::string name(to_string(kind));
  name += ':';
  name += area_name(where);
  // Not through agency(): `name` is a local, so its address must not be cached.
  const AgencyId a = agency_ids_.intern(name);
  if (a >= agencies_.size()) agencies_.resize(a + 1);
  agencies_[a] = AgencyInfo{kind, where, true};
  return a;
}

const AddressState& EngineCore::address_of(PersonId p) const {
  const PersonState& s = people_[p];
  if (s.unborn && s.mother != kNone) return people_[s.mother].address;
  return s.address;
}

AreaId EngineCore::child_area(PersonId child) const {
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

AgencyId EngineCore::area_owner(AgencyKind kind, PersonId child) {
  if (const AreaId where = child_area(child); where != kNone) return serving(kind, where);
  if (event_ != nullptr && !event_->by.empty()) return agency(event_->by);
  return kNone;
}

std::uint64_t EngineCore::address_hash(const Address& a) {
  if (a.kind == AddressKind::kUnknown || a.kind == AddressKind::kNoFixedAbode ||
      (a.line1.empty() && a.postcode.empty())) {
    return fnv(a.area, fnv(to_string(a.kind))) | 1u;
  }
  return fnv(a.normalised_key()) | 1u;
}

std::optional<PremisesKind> EngineCore::premises_at(const Address& a) const {
  if (a.line1.empty() && a.postcode.empty()) return std::nullopt;
  const auto it = premises_.find(fnv(a.normalised_key()) | 1u);
  if (it == premises_.end()) return std::nullopt;
  return it->second;
}

const ReferralInfo* EngineCore::referral(std::string_view id) const {
  const std::uint32_t r = refs_.find(id);
  const auto it = referrals_.find(r);
  return it == referrals_.end() ? nullptr : &it->second;
}
const AssessmentInfo* EngineCore::assessment(std::string_view id) const {
  const auto it = assessments_.find(refs_.find(id));
  return it == assessments_.end() ? nullptr : &it->second;
}
const TransferInfo* EngineCore::transfer(std::string_view id) const {
  const auto it = transfers_.find(refs_.find(id));
  return it == transfers_.end() ? nullptr : &it->second;
}
const TransferInfo* EngineCore::transfer_by_ref(std::uint32_t r) const {
  const auto it = transfers_.find(r);
  return it == transfers_.end() ? nullptr : &it->second;
}
const PlanInfo* EngineCore::plan(std::string_view id) const {
  const auto it = plans_.find(refs_.find(id));
  return it == plans_.end() ? nullptr : &it->second;
}
const ConferenceInfo* EngineCore::last_conference(PersonId child) const {
  const auto it = conferences_.find(child);
  return it == conferences_.end() ? nullptr : &it->second;
}
const ReferralInfo* EngineCore::latest_referral(PersonId child) const {
  const auto it = referrals_of_.find(child);
  if (it == referrals_of_.end()) return nullptr;
  return &referrals_.at(it->second.back());
}

bool EngineCore::known_to_services(PersonId child) const {
  const PersonState& s = people_[child];
  if (s.known_to_services) return true;
  for (PersonId c : s.carers) {
    if (people_[c].known_to_services) return true;
  }
  return false;
}

AgencyId EngineCore::last_in_contact(PersonId child) const {
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

void EngineCore::note_known_to_services(const Event& e) {
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

// ----- derived indicators -----

std::uint32_t EngineCore::active_indicators(PersonId child) const {
  const PersonState& s = people_[child];
  std::uint32_t mask = s.recorded;
  const std::int64_t now = now_instant();
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
  const int transience_days = section_param(kIndicatorSection, kTransienceDays, where);
  const AddressState& a = address_of(child);
  const std::int64_t window = std::int64_t{transience_days} * 86400;
  derive(Indicator::kTransience,
         a.changes.both_within(now, transience_days) ||
             (a.without_notice_change != kNever && now - a.without_notice_change <= window),
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
  derive(Indicator::kNonCooperation,
         refusals.both_within(now, section_param(kIndicatorSection, kNonCooperationDays, where)),
         refusals.latest);
  derive(Indicator::kMissedHealthAppointments,
         s.not_brought.both_within(
             now, section_param(kIndicatorSection, kMissedAppointmentsDays, where)),
         s.not_brought.latest);
  return mask;
}

int EngineCore::domain_count(std::uint32_t mask, std::optional<Domain> except) {
  std::uint32_t domains = 0;
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (!((mask >> i) & 1u)) continue;
    const Domain d = domain_of(static_cast<Indicator>(i));
    if (d == Domain::kOther || (except && d == *except)) continue;
    domains |= 1u << static_cast<int>(d);
  }
  return __builtin_popcount(domains);
}

// ----- duties and alerts -----

std::string EngineCore::occurrence_of(const Event& e) {
  return e.id.empty() ? "line " + std::to_string(e.line) : e.id;
}

DutyId EngineCore::open(const Rule& rule, DutySpec spec) {
  if (spec.child == kNone || spec.owner == kNone) return kNone;
  if (people_[spec.child].dead) {
    ledger_.settled_without_duty(rule.index(), spec.child, NoDutyReason::kChildDead);
    return kNone;
  }
  ledger_.settled_by_duty(rule.index(), spec.child);
  DutyId id;
  if (!free_duties_.empty()) {
    id = free_duties_.back();
    free_duties_.pop_back();
  } else {
    id = static_cast<DutyId>(duties_.size());
    duties_.emplace_back();
  }
  Duty& d = duties_[id];
  d.rule = rule.index();
  d.state = DutyState::kPending;
  d.start_level = spec.start_level;
  d.has_due = spec.due.has_value();
  d.child = spec.child;
  d.owner = spec.owner;
  d.subject = spec.subject;
  d.extra = spec.extra;
  d.trigger = spec.trigger;
  d.due = spec.due.value_or(Date{});
  ++d.generation;
  d.alert = kNone;
  d.occurrence = std::move(spec.occurrence);
  d.extras = std::move(spec.extras);
  people_[spec.child].duties.push_back(PersonState::HeldDuty{id, rule.index()});
  if (!spec.due) {
    raise(id);
  } else if (deadline_of(*spec.due) <= now_instant()) {
    // Already overdue when learnt (C3).
    if (catching_up_ > 0) {
      held_overdue_.emplace_back(id, d.generation);
    } else {
      call_due(rule, id);
    }
  } else {
    queue_.push(QueueEntry{deadline_of(*spec.due), 0, EntryKind::kDue, 0, 0, id, d.generation});
  }
  return id;
}

void EngineCore::call_due(const Rule& rule, DutyId d) { rule.on_due(contexts_[rule.index()], d); }

void EngineCore::call_timer(const Rule& rule, PersonId child, std::uint32_t payload) {
  rule.on_timer(contexts_[rule.index()], child, payload);
}

Duty& EngineCore::own_duty(const Rule& rule, DutyId d) {
  if (d >= duties_.size() || duties_[d].rule != rule.index()) {
    throw std::logic_error(std::string(rule.info().id) + ": duty " + std::to_string(d) +
                           " is not one of the rule's own");
  }
  return duties_[d];
}

void EngineCore::set_owner(const Rule& rule, DutyId d, AgencyId owner) {
  own_duty(rule, d).owner = owner;
}
void EngineCore::set_subject(const Rule& rule, DutyId d, std::uint32_t subject) {
  own_duty(rule, d).subject = subject;
}
void EngineCore::set_extra(const Rule& rule, DutyId d, std::uint32_t extra) {
  own_duty(rule, d).extra = extra;
}

bool EngineCore::occurrence_starts(const Rule& rule, PersonId child, bool state) {
  const std::uint8_t bit = state_bits_[rule.index()];
  if (bit == 0) {
    throw std::logic_error(std::string(rule.info().id) +
                           ": occurrence_starts is for rules that watch a state");
  }
  PersonState& s = people_[child];
  const bool was = (s.rule_state & bit) != 0;
  if (state) {
    s.rule_state |= bit;
  } else {
    s.rule_state &= static_cast<std::uint8_t>(~bit);
  }
  if (!state || was) return false;
  triggered(rule, child);
  if (any_open(child, rule)) {
    no_duty(rule, child, NoDutyReason::kOccurrenceOpen);
    return false;
  }
  return true;
}

void EngineCore::raise(DutyId id) {
  Duty& d = duties_[id];
  if (d.state != DutyState::kPending) return;
  ledger_.settled_by_duty(d.rule, d.child);
  AlertRecord a;
  a.rule = d.rule;
  a.child = d.child;
  a.owner = d.owner;
  a.raised = today();
  a.has_due = d.has_due;
  a.due = d.due;
  a.level = d.start_level;
  a.occurrence = d.occurrence;
  a.extras = std::move(d.extras);
  // Exactly once per occurrence: a second alert with the same key is dropped.
  const std::uint64_t h = key_hash(a);
  if (alert_keys_.find(h, [&](std::uint32_t i) { return same_key(alerts_[i], a); }) !=
      HashIndex::kMissing) {
    close(id);
    return;
  }
  d.state = DutyState::kAlerted;
  d.alert = static_cast<std::uint32_t>(alerts_.size());
  alert_keys_.insert(h, d.alert);
  alerts_.push_back(std::move(a));
  schedule_escalations(id, alerts_.back(), agencies_[d.owner].area);
  if (listener_) listener_->on_raised(materialize(alerts_.back()));
}

std::uint64_t EngineCore::key_hash(const AlertRecord& a) const {
  std::uint64_t h = fnv(a.occurrence);
  for (const std::uint64_t v :
       {std::uint64_t{a.rule}, std::uint64_t{a.child}, std::uint64_t{a.owner}}) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  }
  return h;
}

Alert EngineCore::materialize(const AlertRecord& r) const {
  const Rule& rule = *rules_[r.rule];
  Alert a;
  a.rule = std::string(rule.info().id);
  a.child = std::string(person_name(r.child));
  a.owner = std::string(agency_name(r.owner));
  a.raised = r.raised;
  if (r.has_due) a.due = r.due;
  a.level = r.level;
  a.escalations.assign(r.escalations.begin(), r.escalations.begin() + r.escalation_count);
  if (r.resolved) a.resolved = r.resolved_on;
  if (r.resolved_by_id != kNone) {
    a.resolved_by = std::string(resolver_ids_.name(r.resolved_by_id));
  } else if (r.resolved_by_line >= 0) {
    a.resolved_by = r.resolved_by_line;
  }
  a.finding = std::string(rule.info().finding);
  a.source = std::string(rule.info().source);
  a.occurrence = r.occurrence;
  if (r.extras) {
    a.missing = r.extras->missing;
    a.routes = r.extras->routes;
    a.reasons = r.extras->reasons;
    a.severity = r.extras->severity;
  }
  return a;
}

std::vector<std::uint32_t> EngineCore::alert_order() const {
  std::vector<std::uint32_t> order(alerts_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const AlertRecord& a = alerts_[x];
    const AlertRecord& b = alerts_[y];
    if (a.raised != b.raised) return a.raised < b.raised;
    if (a.rule != b.rule) return rules_[a.rule]->info().id < rules_[b.rule]->info().id;
    if (a.child != b.child) return person_name(a.child) < person_name(b.child);
    if (a.owner != b.owner) return agency_name(a.owner) < agency_name(b.owner);
    return a.occurrence < b.occurrence;
  });
  return order;
}

void EngineCore::schedule_escalations(DutyId id, const AlertRecord& a, AreaId where) {
  static constexpr std::array<std::pair<Level, EscalationParam>, 3> kSteps{{
      {Level::kManager, kManagerWd},
      {Level::kSafeguardingLead, kSafeguardingLeadWd},
      {Level::kPartnership, kPartnershipWd},
  }};
  for (const auto& [level, p] : kSteps) {
    if (level <= a.level) continue;
    const Date at = add_wd(a.raised, section_param(kEscalationSection, p, where));
    queue_.push(QueueEntry{std::int64_t{at.days()} * 86400, 0, EntryKind::kEscalation,
                           static_cast<std::uint8_t>(level), 0, id, duties_[id].generation});
  }
}

void EngineCore::resolve(DutyId id) {
  if (event_ != nullptr) {
    resolve_by(id, event_->id, event_->line);
  } else {
    resolve_by(id, {}, -1);
  }
}

void EngineCore::resolve_by(DutyId id, std::string_view event_id, std::int64_t line) {
  Duty& d = duties_[id];
  if (d.state == DutyState::kClosed) return;
  if (d.state == DutyState::kAlerted) {
    AlertRecord& a = alerts_[d.alert];
    a.resolved = true;
    a.resolved_on = today();
    if (!event_id.empty()) {
      a.resolved_by_id = resolver_ids_.intern(event_id);
    } else {
      a.resolved_by_line = line;
    }
    if (listener_) listener_->on_resolved(materialize(a));
  }
  close(id);
}

void EngineCore::resolve_by(DutyId id, const Location& by) {
  resolve_by(id, by.event != kNone ? resolver_ids_.name(by.event) : std::string_view{}, by.line);
}

void EngineCore::end(DutyId id) {
  if (duties_[id].state == DutyState::kPending) close(id);
}

void EngineCore::reschedule(DutyId id, Date due) {
  Duty& d = duties_[id];
  if (d.state != DutyState::kPending || !d.has_due) return;
  if (d.due == due) return;
  d.due = due;
  ++d.generation;
  if (deadline_of(due) <= now_instant()) {
    if (catching_up_ > 0) {
      held_overdue_.emplace_back(id, d.generation);
    } else {
      call_due(*rules_[d.rule], id);
    }
  } else {
    queue_.push(QueueEntry{deadline_of(due), 0, EntryKind::kDue, 0, 0, id, d.generation});
  }
}

bool EngineCore::any_open(PersonId child, const Rule& rule) const {
  for (const PersonState::HeldDuty held : people_[child].duties) {
    if (held.rule == rule.index() && duties_[held.id].state != DutyState::kClosed) return true;
  }
  return false;
}

void EngineCore::close(DutyId id) {
  Duty& d = duties_[id];
  d.state = DutyState::kClosed;
  ++d.generation;
  d.extras.reset();
  dirty_.push_back(d.child);
}

void EngineCore::compact() {
  for (PersonId p : dirty_) {
    auto& list = people_[p].duties;
    std::size_t out = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (duties_[list[i].id].state == DutyState::kClosed) {
        free_duties_.push_back(list[i].id);
      } else {
        list[out++] = list[i];
      }
    }
    list.resize(out);
  }
  dirty_.clear();
}

void EngineCore::schedule(const Rule& rule, PersonId child, std::int64_t instant,
                          std::uint32_t payload) {
  if (instant <= now_instant()) {
    call_timer(rule, child, payload);
    return;
  }
  queue_.push(QueueEntry{instant, 0, EntryKind::kTimer, 0, rule.index(), child, payload});
}

void EngineCore::notice(const Rule& rule, PersonId child, AgencyId to, AgencyId about, Date on,
                        std::string occurrence) {
  notices_.push_back(
      NoticeRecord{rule.index(), child, to, about, today(), on, std::move(occurrence)});
  if (listener_) listener_->on_notice(materialize_notice(notices_.size() - 1));
}

Notice EngineCore::materialize_notice(std::size_t i) const {
  const NoticeRecord& n = notices_[i];
  const Rule& rule = *rules_[n.rule];
  return Notice{std::string(rule.info().id),
                std::string(person_name(n.child)),
                std::string(agency_name(n.to)),
                n.at,
                rule.notice_text(agency_name(n.about), n.on),
                n.occurrence};
}

// ----- the clock -----

void EngineCore::advance_to(Timestamp t) {
  while (!queue_.empty() && queue_.next_instant() <= t.instant()) {
    const QueueEntry e = queue_.pop();
    // The duty of the entry after this one is read next, and among millions
    // it is not in cache: start loading it while this one is processed.
    if (!queue_.empty()) {
      const QueueEntry& after = queue_.next();
      if (after.kind != EntryKind::kTimer && after.target < duties_.size()) {
        __builtin_prefetch(&duties_[after.target]);
      }
    }
    if (e.instant > now_instant()) now_ = at_instant(e.instant);
    process(e);
    compact();
  }
  if (t.instant() > now_instant()) now_ = t;
}

void EngineCore::process(const QueueEntry& e) {
  switch (e.kind) {
    case EntryKind::kDue: {
      const Duty& d = duties_[e.target];
      if (d.generation != e.generation || d.state != DutyState::kPending) return;
      // A duty falling due undone must become an alert: one that a rule's
      // on_due lets go unraised is a silent trigger.
      const Rule& rule = *rules_[d.rule];
      const PersonId child = d.child;  // on_due may open duties, moving `d`
      const Date due = d.due;
      call_due(rule, e.target);
      const Duty& after = duties_[e.target];
      const bool moved = after.state == DutyState::kPending && after.generation != e.generation;
      if (after.state != DutyState::kAlerted && !moved) {
        ledger_.unraised_due(rule.index(), child,
                             [&] { return "the due date " + due.to_string(); });
      }
      ledger_.end_step([&] { return "the due date " + due.to_string() + " of a duty"; });
      return;
    }
    case EntryKind::kEscalation: {
      const Duty& d = duties_[e.target];
      if (d.generation != e.generation || d.state != DutyState::kAlerted) return;
      AlertRecord& a = alerts_[d.alert];
      const auto level = static_cast<Level>(e.level);
      if (a.resolved || a.level >= level || a.escalation_count == a.escalations.size()) return;
      a.level = level;
      a.escalations[a.escalation_count++] = Escalation{level, at_instant(e.instant).date};
      if (listener_) listener_->on_escalated(materialize(a), a.escalations[a.escalation_count - 1]);
      return;
    }
    case EntryKind::kTimer:
      if (!people_[e.target].dead) call_timer(*rules_[e.rule], e.target, e.generation);
      ledger_.end_step([&] { return "a timer on " + today().to_string(); });
      return;
  }
}

// ----- events -----

std::string_view EngineCore::unknown_reference(const Event& e) const {
  const auto unknown = [&](const auto& known, const Id& id) -> std::string_view {
    return known.contains(refs_.find(id)) ? std::string_view{} : std::string_view{id};
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

void EngineCore::raise_held_overdue() {
  const std::vector<std::pair<DutyId, std::uint32_t>> held = std::move(held_overdue_);
  held_overdue_.clear();
  for (const auto& [d, generation] : held) {
    if (duties_[d].generation == generation && duties_[d].state == DutyState::kPending) {
      call_due(*rules_[duties_[d].rule], d);
    }
  }
  compact();
}

void EngineCore::apply(const Event& e, const ResolvedIds& ids) {
  // The state of the people the event names is read next, and in a replay of
  // millions it is not in cache: start loading it (where the parser's numbers
  // tell it) while the clock moves on.
  words_mine_ = ids.claim(token_);
  for (const ResolvedId& r : ids.ids) {
    if (r.space != IdSpace::kPerson) continue;
    PersonId p = kNone;
    if (words_mine_ && r.word != nullptr) {
      p = *r.word - 1;  // kNone when not yet ours
    } else if (ids.source == resolved_source_ && r.number < person_of_.size()) {
      p = person_of_[r.number];
    }
    if (p == kNone || p >= people_.size()) continue;
    const char* state = reinterpret_cast<const char*>(&people_[p]);
    for (std::size_t line = 0; line < sizeof(PersonState); line += 64) {
      __builtin_prefetch(state + line);
    }
  }
  advance_to(e.recorded);
  if (const std::string_view r = unknown_reference(e); !r.empty()) {
    waiting_[std::string(r)].push_back(e);  // applied after the event it refers to (R45)
    return;
  }
  const bool releases = !waiting_.empty() && !e.id.empty() && waiting_.contains(e.id);
  if (releases) ++catching_up_;
  event_ = &e;
  if (ids.source != resolved_source_ && ids.source != nullptr) {
    // Another parser numbers its ids afresh.
    person_of_.clear();
    agency_of_.clear();
    resolved_source_ = ids.source;
  }
  resolved_ = ids;
  recent_persons_.fill(RecentId{});
  recent_agencies_.fill(RecentId{});
  sightings_.clear();
  located_.clear();
  children_named_.clear();
  touched_.clear();
  moves_.clear();
  changed_.clear();
  update_state(e);
  if (!e.by.empty()) {
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
  for (const Rule* rule : by_type_[static_cast<std::size_t>(e.type)]) {
    rule->on_event(contexts_[rule->index()], e);
  }
  if (changed_.intersects(watched_) && !touched_.empty()) {
    std::sort(touched_.begin(), touched_.end());
    touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
    for (PersonId p : touched_) {
      const PersonState& s = people_[p];
      if (!s.is_child || s.dead) continue;
      for (std::size_t i = 0; i < state_rules_.size(); ++i) {
        if (!changed_.intersects(state_watches_[i])) continue;
        state_rules_[i]->on_state(contexts_[state_rules_[i]->index()], p);
      }
    }
  }
  ledger_.end_step([&] { return "the event " + occurrence_of(e); });
  event_ = nullptr;
  resolved_ = {};
  recent_persons_.fill(RecentId{});
  recent_agencies_.fill(RecentId{});
  compact();
  if (releases) {
    // The events that waited for this one take effect now, in their order, as
    // learnt today (C3).
    const std::vector<Event> ready = std::move(waiting_.extract(e.id).mapped());
    for (const Event& w : ready) apply(w);
    if (--catching_up_ == 0) raise_held_overdue();
  }
}

}  // namespace sightline::safeguards
