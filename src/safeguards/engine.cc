#include "safeguards/engine.h"

#include <algorithm>

#include "safeguards/engine_core.h"

namespace sightline::safeguards {

SafeguardsEngine::SafeguardsEngine(SafeguardsConfig config, const WorkingDayCalendar& calendar,
                                   std::span<const Rule* const> rules)
    : config_(std::make_unique<SafeguardsConfig>(std::move(config))),
      core_(std::make_unique<EngineCore>(*config_, calendar, rules)) {}

SafeguardsEngine::~SafeguardsEngine() = default;

void SafeguardsEngine::apply(const Event& event, const ResolvedIds& ids) {
  core_->apply(event, ids);
}
void SafeguardsEngine::advance_to(Timestamp t) { core_->advance_to(t); }
Timestamp SafeguardsEngine::now() const { return core_->now(); }

std::vector<Alert> SafeguardsEngine::alerts() const {
  std::vector<Alert> out;
  out.reserve(core_->alert_count());
  for_each_alert([&](const Alert& a) { out.push_back(a); });
  return out;
}

void SafeguardsEngine::for_each_alert(const std::function<void(const Alert&)>& f) const {
  for (const std::uint32_t i : core_->alert_order()) f(core_->materialize(core_->alert_record(i)));
}

std::size_t SafeguardsEngine::alert_count() const { return core_->alert_count(); }

const TriggerLedger& SafeguardsEngine::triggers() const { return core_->ledger(); }

std::vector<Notice> SafeguardsEngine::notices() const {
  std::vector<Notice> out;
  out.reserve(core_->notice_count());
  for (std::size_t i = 0; i < core_->notice_count(); ++i)
    out.push_back(core_->materialize_notice(i));
  return out;
}
std::optional<SafeguardsEngine::LastSeen> SafeguardsEngine::last_seen(
    std::string_view child) const {
  const PersonId p = core_->known_person(child);
  if (p == kNone) return std::nullopt;
  const PersonState& s = core_->state(p);
  if (s.last_seen == kNever) return std::nullopt;
  LastSeen out{s.last_seen, {}};
  for (const auto& [agency, when] : s.seen_by) {
    if (when == s.last_seen) out.by.emplace_back(core_->agency_name(agency));
  }
  return out;
}

void SafeguardsEngine::set_listener(EngineListener* listener) { core_->set_listener(listener); }

}  // namespace sightline::safeguards
