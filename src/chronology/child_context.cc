#include "chronology/child_context.h"

namespace sightline {

ChildChronologyContext::ChildChronologyContext(const std::vector<Event>& chronology,
                                               std::string_view child)
    : child_(child) {
  for (const Event& e : chronology) {
    if (e.type != EventType::kTransfer) continue;
    const auto& t = e.as<TransferEvent>();
    transfers_.try_emplace(e.id, TransferParties{t.child, t.to});
  }
}

Childhood ChildChronologyContext::childhood(std::string_view person) const {
  return person == child_ ? Childhood::kBorn : Childhood::kNotAChild;
}

std::optional<TransferParties> ChildChronologyContext::transfer(std::string_view id) const {
  const auto it = transfers_.find(id);
  if (it == transfers_.end()) return std::nullopt;
  return it->second;
}

}  // namespace sightline
