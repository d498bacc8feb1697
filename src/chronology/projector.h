// Turns one valid Event into the projection facts it implies.
#pragma once

#include "chronology/projection_sink.h"
#include "feed/event.h"

namespace sightline {

// Stateless: the same event always yields the same facts, in the same order,
// which is what makes projections rebuildable by replay.
void project(const Event& event, const FactSource& source, ProjectionSink& sink);

}  // namespace sightline
