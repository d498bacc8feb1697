// The safeguards engine: replays typed events on a simulated clock and keeps
// every alert of the catalogue (docs/safeguards-v1.md) as of that clock.
//
// Contract:
// - Deterministic given (events, clock moves, configuration, calendar).
// - apply(event) first advances the clock to event.recorded, raising every
//   duty whose due date has ended (in due order) and taking every escalation
//   step that has come, then applies the event. Events must come in replay
//   order (by `recorded`, ties in feed order); an event recorded before the
//   clock is applied at the clock's time.
// - advance_to(t) moves the clock on without an event (for `--until`, and for
//   a live server's timer). The clock never goes back.
// - alerts() are as of the clock, escalations included (C2).
// - Each alert has a stable OccurrenceKey; the engine never raises two alerts
//   with the same key.
// Not thread-safe; one engine per replay.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chronology/involvement.h"
#include "core/date.h"
#include "core/working_days.h"
#include "feed/event.h"
#include "feed/resolved_ids.h"
#include "safeguards/alert.h"
#include "safeguards/catalogue.h"
#include "safeguards/config.h"
#include "safeguards/listener.h"
#include "safeguards/notice.h"
#include "safeguards/trigger_ledger.h"

namespace sightline::safeguards {

class EngineCore;

class SafeguardsEngine {
 public:
  // `rules`: the catalogue (catalogue.h), or for a test the catalogue and
  // rules of its own, each at the position its index() gives.
  explicit SafeguardsEngine(
      SafeguardsConfig config = SafeguardsConfig(),
      const WorkingDayCalendar& calendar = WorkingDayCalendar::england_and_wales(),
      std::span<const Rule* const> rules = catalogue());
  ~SafeguardsEngine();
  SafeguardsEngine(const SafeguardsEngine&) = delete;
  SafeguardsEngine& operator=(const SafeguardsEngine&) = delete;

  // `ids` may give the numbers a parser gave the event's ids (a shortcut:
  // the result is the same without them).
  void apply(const Event& event, const ResolvedIds& ids = {});
  void advance_to(Timestamp t);
  Timestamp now() const;

  // Every alert raised so far, in the catalogue's order (alert_order).
  std::vector<Alert> alerts() const;
  // The same, one at a time, without holding them all as Alerts (a replay of a
  // million children may raise millions).
  void for_each_alert(const std::function<void(const Alert&)>& f) const;
  std::size_t alert_count() const;
  // Every notice sent so far, in the order sent.
  std::vector<Notice> notices() const;
  // How every trigger the rules saw ended: in a duty, in a documented reason
  // for none, or silent (trigger_ledger.h). Tallies are by the rule's index
  // in catalogue().
  const TriggerLedger& triggers() const;
  // A child's latest sighting as the engine holds it (catalogue "seen", C5):
  // when (Timestamp::instant()), and every agency that saw the child then, in
  // the order they first saw the child. nullopt when the engine knows of no
  // sighting. Read-only, so that what other views show can be checked
  // against the engine.
  struct LastSeen {
    std::int64_t instant = 0;
    std::vector<std::string> by;
  };
  std::optional<LastSeen> last_seen(std::string_view child) const;
  // The engine's own view of each catalogue term for a child, as of the
  // clock (read-only, so that the chronology's definitions, the pages, the API
  // and the dashboard can be proven equal to it; chronology/ defines each):
  // open involvement (C8) by agency and kind, the active indicators (C7), the
  // child's area (C1, R4), the health-visiting level, whether the whereabouts
  // are unknown (C5), the date of birth (R10) and the latest sighting (C5).
  struct ChildFacts {
    struct Involvement {
      std::string agency;
      sightline::InvolvementKind kind = sightline::InvolvementKind::kAssessment;
      Date since;
      friend bool operator==(const Involvement&, const Involvement&) = default;
    };
    std::vector<Involvement> involvement;  // in the order the engine opened them
    std::vector<Indicator> indicators;     // active now, in events-v1 order
    std::string area;                      // GSS code, "" when nothing places the child
    std::optional<HvLevel> hv_level;
    bool hv_enhanced = false;
    // The `at` instant from which the whereabouts are unknown; nullopt when known.
    std::optional<std::int64_t> whereabouts_unknown_since;
    std::optional<Date> date_of_birth;
    std::optional<LastSeen> last_seen;
  };
  // nullopt when no event named the child.
  std::optional<ChildFacts> facts(std::string_view child) const;
  // The listener (may be null) hears of every change from now on; it must
  // outlive the engine or be reset first.
  void set_listener(EngineListener* listener);

 private:
  std::unique_ptr<SafeguardsConfig> config_;
  std::unique_ptr<EngineCore> core_;
};

}  // namespace sightline::safeguards
