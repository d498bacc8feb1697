#include "service/store_safeguards.h"

#include <string>
#include <vector>

#include "safeguards/alert_json.h"
#include "store/stored_event_reader.h"

namespace sightline::service {

StoreReplay replay_store(Store& store, const safeguards::SafeguardsConfig& config,
                         Timestamp until) {
  StoreReplay result;
  result.engine = std::make_unique<safeguards::SafeguardsEngine>(config);
  // One parser for the whole replay: its own table of ids only ever adds what
  // the store already holds, and `ids` answers for the rest.
  std::unique_ptr<StoredEventReader> reader;
  store.for_each_event_in_replay_order(until, [&](const StoredEvent& stored, const KnownIds& ids) {
    if (!reader) reader = std::make_unique<StoredEventReader>(ids);
    result.engine->apply(reader->read(stored.json, stored.seq));
    ++result.applied;
  });
  if (result.engine->now() < until) result.engine->advance_to(until);
  return result;
}

AlertRecord to_record(const safeguards::Alert& alert) {
  return AlertRecord{alert.key().to_string(),
                     alert.rule,
                     alert.child,
                     alert.owner,
                     alert.raised.to_string(),
                     alert.due ? alert.due->to_string() : std::string(),
                     std::string(safeguards::to_string(alert.level)),
                     alert.resolved ? alert.resolved->to_string() : std::string(),
                     safeguards::alert_json(alert)};
}

NoticeRecord to_record(const safeguards::Notice& notice) {
  return NoticeRecord{notice.rule + "|" + notice.child + "|" + notice.to + "|" + notice.occurrence,
                      notice.child,
                      notice.to,
                      notice.at.to_string(),
                      notice.rule,
                      notice.text};
}

std::vector<safeguards::Alert> refresh_alerts(Store& store,
                                              const safeguards::SafeguardsConfig& config,
                                              Timestamp now) {
  const StoreReplay replay = replay_store(store, config, now);
  std::vector<safeguards::Alert> alerts = replay.engine->alerts();
  std::vector<AlertRecord> records;
  records.reserve(alerts.size());
  for (const auto& a : alerts) records.push_back(to_record(a));
  store.save_alerts(records);
  std::vector<NoticeRecord> notices;
  for (const auto& n : replay.engine->notices()) notices.push_back(to_record(n));
  store.save_notices(notices);
  return alerts;
}

}  // namespace sightline::service
