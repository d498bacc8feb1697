#include "web/transfers_view.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "web/stored_sightings.h"

namespace sightline::web {
namespace {

using nlohmann::json;

std::string text_of(const json& j, const char* field, const char* fallback = "") {
  const auto it = j.find(field);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
}

}  // namespace

TransfersView::TransfersView(TransferStore& transfers, SightingStore& sightings)
    : transfers_(transfers), sightings_(sightings) {}

TransfersView::~TransfersView() = default;

std::vector<PendingTransfer> TransfersView::awaiting(const std::string& agency, Timestamp as_of) {
  return list(&TransferStore::unanswered_transfers, agency, as_of);
}

std::vector<PendingTransfer> TransfersView::accepted_unseen(const std::string& agency,
                                                            Timestamp as_of) {
  return list(&TransferStore::accepted_unseen_transfers, agency, as_of);
}

std::vector<PendingTransfer> TransfersView::list(Query query, const std::string& agency,
                                                 Timestamp as_of) {
  std::vector<PendingTransfer> out;
  StoredSightings seen(sightings_, as_of);
  for (const char* direction : {"incoming", "outgoing"}) {
    const bool incoming = direction[0] == 'i';
    std::vector<std::pair<PendingTransfer, std::int64_t>> found;  // with at_s
    for (const StoredTransfer& row : (transfers_.*query)(
             incoming ? TransferSide::kReceiving : TransferSide::kSending, agency)) {
      const json event = json::parse(row.json, nullptr, false);
      if (!event.is_object()) continue;
      PendingTransfer t;
      t.seq = row.seq;
      t.direction = direction;
      t.id = text_of(event, "id");
      t.child = text_of(event, "child");
      t.from = text_of(event, "from");
      t.to = text_of(event, "to");
      t.status = text_of(event, "status");
      t.summary = text_of(event, "summary");
      t.mode = text_of(event, "mode", "written");
      if (const auto it = event.find("risks"); it != event.end() && it->is_array()) {
        for (const auto& r : *it) {
          if (r.is_string()) t.risks.push_back(r.get<std::string>());
        }
      }
      t.sent = row.at;
      t.recorded = row.recorded;
      t.accepted = row.accepted;
      found.emplace_back(std::move(t), row.at_s);
    }
    for (auto& [t, at_s] : found) {
      // A later transfer between the same agencies about the same child
      // (answered or not) supersedes this one.
      if (transfers_.later_transfer_exists(t.from, t.to, t.child, at_s, t.seq)) continue;
      const std::vector<StoredSighting> since =
          seen.of(t.child, Date::of_instant(at_s).start_instant());
      t.child_seen_by_receiver = std::any_of(since.begin(), since.end(),
                                             [&](const StoredSighting& s) { return s.by == t.to; });
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace sightline::web
