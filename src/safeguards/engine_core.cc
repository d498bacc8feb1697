#include "safeguards/engine_core.h"

#include <stdexcept>

#include "safeguards/rule_context.h"

namespace sightline::safeguards {

void set_rule_index(Rule& rule, std::uint16_t index) { rule.index_ = index; }

void Rule::on_due(RuleContext& ctx, DutyId duty) const { ctx.raise(duty); }

EngineCore::EngineCore(const SafeguardsConfig& config, const WorkingDayCalendar& calendar,
                       std::span<const Rule* const> rules)
    : config_(config),
      clock_(calendar),
      ids_(config),
      facts_(ids_, clock_),
      duties_(ids_, facts_, clock_, queue_, rules_, contexts_) {
  for (const Rule* rule : rules) {
    if (rule->index() != rules_.size()) {
      throw std::logic_error(std::string(rule->info().id) + " is rule " +
                             std::to_string(rules_.size()) + " of the engine but has index " +
                             std::to_string(rule->index()));
    }
    rules_.push_back(rule);
    contexts_.emplace_back(RuleContext::Parts{clock_, ids_, facts_, duties_}, *rule);
    for (EventType t : rule->events()) by_type_[static_cast<std::size_t>(t)].push_back(rule);
  }
  duties_.set_rule_count(rules_.size());
  for (const Rule* rule : rules_) {
    if (const FactSet watches = rule->watches(); !watches.empty()) {
      // Each state rule keeps its last value per child in a bit of its own.
      if (state_rules_.size() == 8 * sizeof(PersonState::rule_state)) {
        throw std::logic_error("more state rules than bits in PersonState::rule_state");
      }
      duties_.set_state_bit(*rule, static_cast<std::uint8_t>(1u << state_rules_.size()));
      state_rules_.push_back(rule);
      state_watches_.push_back(watches);
      watched_ = watched_ | watches;
    }
  }
}

EngineCore::~EngineCore() = default;

void EngineCore::advance_to(Timestamp t) {
  while (!queue_.empty() && queue_.next_instant() <= t.instant()) {
    const QueueEntry e = queue_.pop();
    // The duty of the entry after this one is read next, and among millions
    // it is not in cache: start loading it while this one is processed.
    if (!queue_.empty()) {
      const QueueEntry& after = queue_.next();
      if (after.kind != EntryKind::kTimer && after.target < duties_.duty_count()) {
        prefetch_start(duties_.duty(after.target));
      }
    }
    if (e.instant > clock_.now_instant()) clock_.now = Timestamp::of_instant(e.instant);
    duties_.process(e);
    duties_.compact();
  }
  if (t.instant() > clock_.now_instant()) clock_.now = t;
}

void EngineCore::apply(const Event& e, const ResolvedIds& ids) {
  // The state of the people the event names is read next, and in a replay of
  // millions it is not in cache: start loading it while the clock moves on.
  ids_.claim(ids);
  ids_.prefetch_people(ids, facts_.people());
  advance_to(e.recorded);
  if (const std::string_view r = facts_.unknown_reference(e); !r.empty()) {
    waiting_[std::string(r)].push_back(e);  // applied after the event it refers to (R45)
    return;
  }
  const bool releases = !waiting_.empty() && !e.id.empty() && waiting_.contains(e.id);
  if (releases) duties_.begin_catch_up();
  clock_.event = &e;
  ids_.begin_event(ids);
  facts_.begin_event();
  facts_.update(e);
  if (e.type == EventType::kDeath) {
    duties_.close_for_death(facts_.person(e.as<DeathEvent>().person));
  }
  facts_.note_reporter(e);
  for (const Rule* rule : by_type_[static_cast<std::size_t>(e.type)]) {
    rule->on_event(contexts_[rule->index()], e);
  }
  if (facts_.changed().intersects(watched_)) {
    const FactSet changed = facts_.changed();
    for (PersonId p : facts_.touched()) {
      const PersonState& s = facts_.state(p);
      if (!s.is_child || s.dead) continue;
      for (std::size_t i = 0; i < state_rules_.size(); ++i) {
        if (!changed.intersects(state_watches_[i])) continue;
        state_rules_[i]->on_state(contexts_[state_rules_[i]->index()], p);
      }
    }
  }
  duties_.ledger().end_step([&] { return "the event " + Duties::occurrence_of(e); });
  clock_.event = nullptr;
  ids_.end_event();
  duties_.compact();
  if (releases) {
    // The events that waited for this one take effect now, in their order, as
    // learnt today (C3).
    const std::vector<Event> ready = std::move(waiting_.extract(e.id).mapped());
    for (const Event& w : ready) apply(w);
    duties_.end_catch_up();
  }
}

}  // namespace sightline::safeguards
