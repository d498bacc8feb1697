#include "chronology/closure_blockers.h"

#include <map>

#include "chronology/involvement.h"
#include "chronology/replay_order.h"
#include "chronology/whereabouts.h"

namespace sightline {

std::vector<std::string> ClosureBlockers::reasons() const {
  std::vector<std::string> out;
  if (whereabouts_unknown_since) out.emplace_back("the child's whereabouts are unknown");
  if (transfer) {
    out.push_back("transfer " + std::string(transfer->to_it ? "from " : "to ") + transfer->other +
                  " not accepted with the child seen");
  }
  if (assessment) out.emplace_back("the closing agency's assessment is still open");
  return out;
}

ClosureBlockers closure_blockers(const std::vector<Event>& chronology, std::string_view child,
                                 std::string_view closer, const AgencyFacts& agencies) {
  ClosureBlockers out;
  out.whereabouts_unknown_since = whereabouts_unknown_since(chronology, child);

  struct Transfer {
    const Event* event;
    bool accepted_seen = false;
  };
  std::vector<Transfer> transfers;  // of the child, in the order learnt
  std::map<std::string_view, std::size_t> index;
  for (const Event* e : in_replay_order(chronology)) {
    if (e->type == EventType::kTransfer && e->as<TransferEvent>().child == child) {
      index.emplace(e->id, transfers.size());
      transfers.push_back({e});
    } else if (e->type == EventType::kTransferAccepted) {
      const auto& b = e->as<TransferAcceptedEvent>();
      const auto it = index.find(b.transfer);
      if (it != index.end() && b.child_seen) transfers[it->second].accepted_seen = true;
    }
  }
  for (const Transfer& t : transfers) {
    const auto& b = t.event->as<TransferEvent>();
    if ((b.from != closer && b.to != closer) || t.accepted_seen) continue;
    const bool to_it = b.from != closer;
    out.transfer =
        ClosureBlockers::Transfer{t.event->id, to_it ? b.from : b.to, to_it, t.event->at};
    break;
  }

  for (const OpenInvolvement& i : open_involvement(chronology, child, agencies)) {
    if (i.agency != closer ||
        (i.kind != InvolvementKind::kAssessment && i.kind != InvolvementKind::kS47)) {
      continue;
    }
    out.assessment = ClosureBlockers::Assessment{i.ref, i.detail, i.since};
    break;
  }
  return out;
}

}  // namespace sightline
