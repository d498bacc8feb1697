#include "web/stored_sightings.h"

#include "chronology/sightings.h"

namespace sightline::web {

// The subject is the child asked about; a transfer is read from the store.
class StoredSightings::Context final : public SightingContext {
 public:
  Context(StoredSightings& owner, const Id& child) : owner_(owner), child_(child) {}
  Childhood childhood(std::string_view person) const override {
    return person == child_ ? Childhood::kBorn : Childhood::kNotAChild;
  }
  std::optional<TransferParties> transfer(std::string_view id) const override {
    auto it = owner_.transfers_.find(id);
    if (it == owner_.transfers_.end()) {
      const std::optional<StoredEvent> stored = owner_.store_.transfer(id);
      if (!stored) return std::nullopt;
      const Event e = owner_.parse(stored->json, stored->seq);
      const auto& t = e.as<TransferEvent>();
      it = owner_.transfers_.emplace(Id(id), std::make_pair(t.child, t.to)).first;
    }
    return TransferParties{it->second.first, it->second.second};
  }

 private:
  StoredSightings& owner_;
  const Id& child_;
};

StoredSightings::StoredSightings(SightingStore& store, Timestamp as_of)
    : store_(store), as_of_(as_of) {}

StoredSightings::~StoredSightings() = default;

Event StoredSightings::parse(const std::string& json, std::int64_t seq) {
  return reader_.read(json, seq);
}

std::vector<StoredSighting> StoredSightings::of(const Id& child, std::int64_t since_s) {
  std::vector<std::pair<std::int64_t, Event>> events;  // at_s, event
  for (const DatedStoredEvent& stored : store_.sighting_candidates(child, since_s)) {
    events.emplace_back(stored.at_s, parse(stored.json, stored.seq));
  }
  const Context known(*this, child);
  std::vector<StoredSighting> out;
  std::vector<Sighting> seen;
  for (const auto& [at_s, e] : events) {
    if (!happened_by(e, as_of_)) continue;
    seen.clear();
    append_sightings(e, known, seen);
    for (const Sighting& s : seen) {
      if (s.child == child) out.push_back({at_s, Id(s.by)});
    }
  }
  return out;
}

}  // namespace sightline::web
