// Observer of an engine's output, so that a store or a server can persist and
// publish alerts as they happen rather than by polling. Callbacks run on the
// thread that drives the engine, in the order things happen on the replay
// clock; the Alert passed is the engine's current view of it.
#pragma once

#include "safeguards/alert.h"
#include "safeguards/notice.h"

namespace sightline::safeguards {

class EngineListener {
 public:
  virtual ~EngineListener() = default;
  virtual void on_raised(const Alert& /*alert*/) {}
  virtual void on_escalated(const Alert& /*alert*/, const Escalation& /*step*/) {}
  virtual void on_resolved(const Alert& /*alert*/) {}
  virtual void on_notice(const Notice& /*notice*/) {}
};

}  // namespace sightline::safeguards
