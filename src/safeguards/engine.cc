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

namespace {

sightline::InvolvementKind involvement_kind(safeguards::InvolvementKind kind) {
  switch (kind) {
    case safeguards::InvolvementKind::kAssessment:
      return sightline::InvolvementKind::kAssessment;
    case safeguards::InvolvementKind::kS47:
      return sightline::InvolvementKind::kS47;
    case safeguards::InvolvementKind::kCinPlan:
      return sightline::InvolvementKind::kChildInNeedPlan;
    case safeguards::InvolvementKind::kCpPlan:
      return sightline::InvolvementKind::kChildProtectionPlan;
    case safeguards::InvolvementKind::kLookedAfterPlan:
      return sightline::InvolvementKind::kLookedAfterPlan;
    case safeguards::InvolvementKind::kHvEnhanced:
      return sightline::InvolvementKind::kEnhancedHealthVisiting;
    case safeguards::InvolvementKind::kAcceptedTransfer:
      return sightline::InvolvementKind::kAcceptedTransfer;
  }
  return sightline::InvolvementKind::kAssessment;
}

}  // namespace

std::optional<SafeguardsEngine::ChildFacts> SafeguardsEngine::facts(std::string_view child) const {
  const PersonId p = core_->known_person(child);
  if (p == kNone) return std::nullopt;
  const PersonState& s = core_->state(p);
  ChildFacts out;
  for (const Involvement& i : s.involvements) {
    out.involvement.push_back(
        {std::string(core_->agency_name(i.agency)), involvement_kind(i.kind), i.since});
  }
  const std::uint32_t mask = core_->facts().active_indicators(p);
  for (std::size_t i = 0; i < names_of<Indicator>().size(); ++i) {
    if (EngineFacts::has(mask, static_cast<Indicator>(i)))
      out.indicators.push_back(static_cast<Indicator>(i));
  }
  const AreaId area = core_->facts().child_area(p);
  if (area != kNone) out.area = std::string(core_->ids().area_name(area));
  out.hv_level = s.hv_level;
  out.hv_enhanced = s.enhanced();
  if (s.whereabouts_unknown) out.whereabouts_unknown_since = s.whereabouts_unknown_since;
  out.date_of_birth = s.dob;
  out.last_seen = last_seen(child);
  return out;
}

void SafeguardsEngine::set_listener(EngineListener* listener) { core_->set_listener(listener); }

}  // namespace sightline::safeguards
