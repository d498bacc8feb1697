#include "safeguards/duties.h"

#include <algorithm>
#include <stdexcept>

#include "safeguards/rule_context.h"

namespace sightline::safeguards {
namespace {

// The first instant after a due date: its deadline (Terms: "time of day").
std::int64_t deadline_of(Date due) { return due.plus_days(1).start_instant(); }

std::uint64_t fnv(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

void Duties::close_for_death(PersonId child) {
  for (const PersonState::HeldDuty held : facts_.held_duties(child)) {
    const DutyId d = held.id;
    if (duties_[d].state == DutyState::kAlerted) {
      resolve(d);
    } else if (duties_[d].state == DutyState::kPending) {
      close(d);
    }
  }
}

std::string Duties::occurrence_of(const Event& e) {
  return e.id.empty() ? "line " + std::to_string(e.line) : e.id;
}

DutyId Duties::open(const Rule& rule, DutySpec spec) {
  if (spec.child == kNone || spec.owner == kNone) return kNone;
  if (facts_.state(spec.child).dead) {
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
  facts_.held_duties(spec.child).push_back(PersonState::HeldDuty{id, rule.index()});
  if (!spec.due) {
    raise(id);
  } else if (deadline_of(*spec.due) <= clock_.now_instant()) {
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

void Duties::call_due(const Rule& rule, DutyId d) { rule.on_due(contexts_[rule.index()], d); }

void Duties::call_timer(const Rule& rule, PersonId child, std::uint32_t payload) {
  rule.on_timer(contexts_[rule.index()], child, payload);
}

Duty& Duties::own_duty(const Rule& rule, DutyId d) {
  if (d >= duties_.size() || duties_[d].rule != rule.index()) {
    throw std::logic_error(std::string(rule.info().id) + ": duty " + std::to_string(d) +
                           " is not one of the rule's own");
  }
  return duties_[d];
}

void Duties::set_owner(const Rule& rule, DutyId d, AgencyId owner) {
  own_duty(rule, d).owner = owner;
}
void Duties::set_subject(const Rule& rule, DutyId d, std::uint32_t subject) {
  own_duty(rule, d).subject = subject;
}
void Duties::set_extra(const Rule& rule, DutyId d, std::uint32_t extra) {
  own_duty(rule, d).extra = extra;
}

bool Duties::occurrence_starts(const Rule& rule, PersonId child, bool state) {
  const std::uint8_t bit = state_bits_[rule.index()];
  if (bit == 0) {
    throw std::logic_error(std::string(rule.info().id) +
                           ": occurrence_starts is for rules that watch a state");
  }
  std::uint8_t& rule_state = facts_.rule_state(child);
  const bool was = (rule_state & bit) != 0;
  if (state) {
    rule_state |= bit;
  } else {
    rule_state &= static_cast<std::uint8_t>(~bit);
  }
  if (!state || was) return false;
  triggered(rule, child);
  if (any_open(child, rule)) {
    no_duty(rule, child, NoDutyReason::kOccurrenceOpen);
    return false;
  }
  return true;
}

void Duties::raise(DutyId id) {
  Duty& d = duties_[id];
  if (d.state != DutyState::kPending) return;
  ledger_.settled_by_duty(d.rule, d.child);
  AlertRecord a;
  a.rule = d.rule;
  a.child = d.child;
  a.owner = d.owner;
  a.raised = clock_.today();
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
  schedule_escalations(id, alerts_.back(), facts_.agency_info(d.owner).area);
  if (listener_) listener_->on_raised(materialize(alerts_.back()));
}

std::uint64_t Duties::key_hash(const AlertRecord& a) const {
  std::uint64_t h = fnv(a.occurrence);
  for (const std::uint64_t v :
       {std::uint64_t{a.rule}, std::uint64_t{a.child}, std::uint64_t{a.owner}}) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  }
  return h;
}

Alert Duties::materialize(const AlertRecord& r) const {
  const Rule& rule = *rules_[r.rule];
  Alert a;
  a.rule = std::string(rule.info().id);
  a.child = std::string(ids_.person_name(r.child));
  a.owner = std::string(ids_.agency_name(r.owner));
  a.raised = r.raised;
  if (r.has_due) a.due = r.due;
  a.level = r.level;
  a.escalations.assign(r.escalations.begin(), r.escalations.begin() + r.escalation_count);
  if (r.resolved) a.resolved = r.resolved_on;
  if (r.resolved_by_id != kNone) {
    a.resolved_by = std::string(ids_.event_name(r.resolved_by_id));
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

std::vector<std::uint32_t> Duties::alert_order() const {
  std::vector<std::uint32_t> order(alerts_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const AlertRecord& a = alerts_[x];
    const AlertRecord& b = alerts_[y];
    if (a.raised != b.raised) return a.raised < b.raised;
    if (a.rule != b.rule) return rules_[a.rule]->info().id < rules_[b.rule]->info().id;
    if (a.child != b.child) return ids_.person_name(a.child) < ids_.person_name(b.child);
    if (a.owner != b.owner) return ids_.agency_name(a.owner) < ids_.agency_name(b.owner);
    return a.occurrence < b.occurrence;
  });
  return order;
}

void Duties::schedule_escalations(DutyId id, const AlertRecord& a, AreaId where) {
  static constexpr std::array<std::pair<Level, EscalationParam>, 3> kSteps{{
      {Level::kManager, kManagerWd},
      {Level::kSafeguardingLead, kSafeguardingLeadWd},
      {Level::kPartnership, kPartnershipWd},
  }};
  for (const auto& [level, p] : kSteps) {
    if (level <= a.level) continue;
    const Date at = clock_.add_wd(a.raised, ids_.section_param(kEscalationSection, p, where));
    queue_.push(QueueEntry{at.start_instant(), 0, EntryKind::kEscalation,
                           static_cast<std::uint8_t>(level), 0, id, duties_[id].generation});
  }
}

void Duties::resolve(DutyId id) {
  if (clock_.event != nullptr) {
    resolve_by(id, clock_.event->id, clock_.event->line);
  } else {
    resolve_by(id, {}, -1);
  }
}

void Duties::resolve_by(DutyId id, std::string_view event_id, std::int64_t line) {
  Duty& d = duties_[id];
  if (d.state == DutyState::kClosed) return;
  if (d.state == DutyState::kAlerted) {
    AlertRecord& a = alerts_[d.alert];
    a.resolved = true;
    a.resolved_on = clock_.today();
    if (!event_id.empty()) {
      a.resolved_by_id = ids_.event_id(event_id);
    } else {
      a.resolved_by_line = line;
    }
    if (listener_) listener_->on_resolved(materialize(a));
  }
  close(id);
}

void Duties::resolve_by(DutyId id, const Location& by) {
  resolve_by(id, by.event != kNone ? ids_.event_name(by.event) : std::string_view{}, by.line);
}

void Duties::end(DutyId id) {
  if (duties_[id].state == DutyState::kPending) close(id);
}

void Duties::reschedule(DutyId id, Date due) {
  Duty& d = duties_[id];
  if (d.state != DutyState::kPending || !d.has_due) return;
  if (d.due == due) return;
  d.due = due;
  ++d.generation;
  if (deadline_of(due) <= clock_.now_instant()) {
    if (catching_up_ > 0) {
      held_overdue_.emplace_back(id, d.generation);
    } else {
      call_due(*rules_[d.rule], id);
    }
  } else {
    queue_.push(QueueEntry{deadline_of(due), 0, EntryKind::kDue, 0, 0, id, d.generation});
  }
}

bool Duties::any_open(PersonId child, const Rule& rule) const {
  for (const PersonState::HeldDuty held : facts_.held_duties(child)) {
    if (held.rule == rule.index() && duties_[held.id].state != DutyState::kClosed) return true;
  }
  return false;
}

void Duties::close(DutyId id) {
  Duty& d = duties_[id];
  d.state = DutyState::kClosed;
  ++d.generation;
  d.extras.reset();
  dirty_.push_back(d.child);
}

void Duties::compact() {
  for (PersonId p : dirty_) {
    auto& list = facts_.held_duties(p);
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

void Duties::schedule(const Rule& rule, PersonId child, std::int64_t instant,
                      std::uint32_t payload) {
  if (instant <= clock_.now_instant()) {
    call_timer(rule, child, payload);
    return;
  }
  queue_.push(QueueEntry{instant, 0, EntryKind::kTimer, 0, rule.index(), child, payload});
}

void Duties::notice(const Rule& rule, PersonId child, AgencyId to, AgencyId about, Date on,
                    std::string occurrence) {
  notices_.push_back(
      NoticeRecord{rule.index(), child, to, about, clock_.today(), on, std::move(occurrence)});
  if (listener_) listener_->on_notice(materialize_notice(notices_.size() - 1));
}

Notice Duties::materialize_notice(std::size_t i) const {
  const NoticeRecord& n = notices_[i];
  const Rule& rule = *rules_[n.rule];
  return Notice{std::string(rule.info().id),
                std::string(ids_.person_name(n.child)),
                std::string(ids_.agency_name(n.to)),
                n.at,
                rule.notice_text(ids_.agency_name(n.about), n.on),
                n.occurrence};
}

void Duties::process(const QueueEntry& e) {
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
      a.escalations[a.escalation_count++] = Escalation{level, Date::of_instant(e.instant)};
      if (listener_) listener_->on_escalated(materialize(a), a.escalations[a.escalation_count - 1]);
      return;
    }
    case EntryKind::kTimer:
      if (!facts_.state(e.target).dead) call_timer(*rules_[e.rule], e.target, e.generation);
      ledger_.end_step([&] { return "a timer on " + clock_.today().to_string(); });
      return;
  }
}

void Duties::end_catch_up() {
  if (--catching_up_ != 0) return;
  const std::vector<std::pair<DutyId, std::uint32_t>> held = std::move(held_overdue_);
  held_overdue_.clear();
  for (const auto& [d, generation] : held) {
    if (duties_[d].generation == generation && duties_[d].state == DutyState::kPending) {
      call_due(*rules_[duties_[d].rule], d);
    }
  }
  compact();
}

}  // namespace sightline::safeguards
