#include "safeguards/engine.h"

#include <algorithm>

#include "safeguards/engine_core.h"

namespace sightline::safeguards {

SafeguardsEngine::SafeguardsEngine(SafeguardsConfig config, const WorkingDayCalendar& calendar)
    : config_(std::make_unique<SafeguardsConfig>(std::move(config))),
      core_(std::make_unique<EngineCore>(*config_, calendar)) {}

SafeguardsEngine::~SafeguardsEngine() = default;

void SafeguardsEngine::apply(const Event& event) { core_->apply(event); }
void SafeguardsEngine::advance_to(Timestamp t) { core_->advance_to(t); }
Timestamp SafeguardsEngine::now() const { return core_->now(); }

std::vector<Alert> SafeguardsEngine::alerts() const {
  std::vector<Alert> out = core_->alerts();
  std::stable_sort(out.begin(), out.end(), alert_order);
  return out;
}

const std::vector<Notice>& SafeguardsEngine::notices() const { return core_->notices(); }
void SafeguardsEngine::set_listener(EngineListener* listener) { core_->set_listener(listener); }

}  // namespace sightline::safeguards
