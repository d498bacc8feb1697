#include "service/live_safeguards.h"

#include <map>
#include <vector>

#include "core/date.h"
#include "service/store_safeguards.h"
#include "store/stored_event_reader.h"

namespace sightline::service {

// Collects what the engine changed during one catch-up, to be saved after it.
class LiveSafeguards::Recorder final : public safeguards::EngineListener {
 public:
  void on_raised(const safeguards::Alert& alert) override { keep(alert); }
  void on_escalated(const safeguards::Alert& alert, const safeguards::Escalation&) override {
    keep(alert);
  }
  void on_resolved(const safeguards::Alert& alert) override { keep(alert); }
  void on_notice(const safeguards::Notice& notice) override {
    notices.push_back(to_record(notice));
  }

  void clear() {
    alerts.clear();
    notices.clear();
  }

  std::map<std::string, AlertRecord> alerts;  // by key: the latest view of each
  std::vector<NoticeRecord> notices;

 private:
  void keep(const safeguards::Alert& alert) {
    AlertRecord record = to_record(alert);
    std::string key = record.key;
    alerts.insert_or_assign(std::move(key), std::move(record));
  }
};

LiveSafeguards::LiveSafeguards(std::unique_ptr<Store> store, const Clock& clock,
                               safeguards::SafeguardsConfig config, std::int64_t tick_seconds)
    : store_(std::move(store)),
      clock_(clock),
      config_(std::move(config)),
      tick_seconds_(tick_seconds < 1 ? 1 : tick_seconds),
      recorder_(std::make_unique<Recorder>()) {}

LiveSafeguards::~LiveSafeguards() { stop(); }

void LiveSafeguards::load() {
  std::lock_guard lock(mutex_);
  engine_ = std::make_unique<safeguards::SafeguardsEngine>(config_);
  seen_ = CatchUpWindow{};
  status_ = LiveStatus{};
  catch_up_locked();
  // The whole picture replaces whatever the store held (as `alerts` does).
  std::vector<AlertRecord> alerts;
  engine_->for_each_alert([&](const safeguards::Alert& a) { alerts.push_back(to_record(a)); });
  store_->save_alerts(alerts);
  std::vector<NoticeRecord> notices;
  for (const auto& n : engine_->notices()) notices.push_back(to_record(n));
  store_->save_notices(notices);
  engine_->set_listener(recorder_.get());
}

void LiveSafeguards::catch_up() {
  std::lock_guard lock(mutex_);
  if (!engine_) throw std::logic_error("LiveSafeguards::catch_up before load");
  catch_up_locked();
}

void LiveSafeguards::catch_up_locked() {
  CatchUpWindow window = seen_;
  window.upto_seq = store_->last_seq();
  const Timestamp now = clock_.now();
  // The engine's clock never goes back.
  const Timestamp until = engine_->now() < now ? now : engine_->now();
  window.until = until.instant();

  recorder_->clear();
  std::int64_t applied = 0;
  std::unique_ptr<StoredEventReader> reader;
  store_->for_each_event_to_catch_up(window, [&](const StoredEvent& stored, const KnownIds& ids) {
    if (!reader) reader = std::make_unique<StoredEventReader>(ids);
    engine_->apply(reader->read(stored.json, stored.seq));
    ++applied;
  });
  if (engine_->now() < until) engine_->advance_to(until);

  std::vector<AlertRecord> changed;
  changed.reserve(recorder_->alerts.size());
  for (auto& [key, record] : recorder_->alerts) changed.push_back(std::move(record));
  store_->update_alerts(changed);
  store_->add_notices(recorder_->notices);
  recorder_->clear();

  seen_ = CatchUpWindow{window.upto_seq, window.until, 0, 0};
  status_.clock = engine_->now();
  status_.applied += applied;
  status_.catch_ups += 1;
  status_.alerts = static_cast<std::int64_t>(engine_->alert_count());
  status_.last_seq = window.upto_seq;
  advanced_.notify_all();
}

void LiveSafeguards::start(std::function<void(const std::string&)> on_error) {
  on_error_ = std::move(on_error);
  timer_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void LiveSafeguards::stop() {
  if (timer_.joinable()) {
    timer_.request_stop();
    timer_.join();
  }
}

void LiveSafeguards::run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    // The next tick: `tick_seconds` after the last catch-up, or the midnight
    // after it if sooner, when the day's deadlines end. Counted from the last
    // catch-up, not from now, so a clock that jumps ahead is caught up at once.
    Timestamp next = status().clock;
    next.has_time = true;
    std::int64_t seconds = next.seconds + tick_seconds_;
    if (seconds >= kSecondsPerDay) {
      next.date = next.date.plus_days(1);
      seconds = 0;
    }
    next.seconds = static_cast<std::int32_t>(seconds);
    if (!clock_.wait_until(next, stop)) return;
    try {
      catch_up();
    } catch (const std::exception& e) {
      if (on_error_) on_error_(std::string("safeguards catch-up failed: ") + e.what());
    }
  }
}

LiveStatus LiveSafeguards::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

bool LiveSafeguards::wait_for_clock(Timestamp t, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return advanced_.wait_for(lock, timeout, [&] { return !(status_.clock < t); });
}

}  // namespace sightline::service
