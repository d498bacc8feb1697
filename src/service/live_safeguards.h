// The safeguards of a running service: one engine, kept in step with the
// store and with the clock for as long as the service runs, whose alerts and
// notices are saved to the store as they change.
//
// Contract:
// - load() replays every event recorded by now (as `alerts` would) and saves
//   the alerts and notices whole, replacing what the store held: the same
//   rows a replay of the store gives.
// - catch_up() applies what the store gained since (events stored by the API
//   or by `sightline import`, in replay order) and moves the engine's clock
//   on to the Clock's now, so that duties whose day has ended are raised and
//   escalations taken. Only the alerts and notices that changed are written.
//   An event recorded after now waits until its time comes.
// - start() runs catch_up() on a background thread each time the Clock
//   reaches the next tick (every `tick_seconds`, and each midnight), so
//   deadlines fall due with no request arriving. The thread waits on the
//   Clock itself (Clock::wait_until): on a SimulatedClock it fires when a test
//   moves the clock, through the same path as in production.
// - Thread-safe: catch_up() may be called from any thread (the API calls it
//   after each write commits); calls are applied one at a time.
// - If a catch-up fails (the store is busy or broken), nothing of it is
//   marked applied and the next one tries again; the failure is reported to
//   the `on_error` callback.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.h"
#include "safeguards/config.h"
#include "safeguards/engine.h"
#include "store/store.h"

namespace sightline::service {

struct LiveStatus {
  Timestamp clock;             // the engine's clock
  std::int64_t applied = 0;    // events applied since load()
  std::int64_t catch_ups = 0;  // catch-ups completed
  std::int64_t alerts = 0;     // alerts raised so far (open and resolved)
  std::int64_t last_seq = 0;   // the last event considered
};

class LiveSafeguards {
 public:
  // `store` is the engine's own connection (it writes alerts); `clock` must
  // outlive this object.
  LiveSafeguards(std::unique_ptr<Store> store, const Clock& clock,
                 safeguards::SafeguardsConfig config = {}, std::int64_t tick_seconds = 60);
  ~LiveSafeguards();  // stops the timer
  LiveSafeguards(const LiveSafeguards&) = delete;
  LiveSafeguards& operator=(const LiveSafeguards&) = delete;

  void load();
  void catch_up();
  // Starts the timer thread (after load()); stop() ends it and waits.
  void start(std::function<void(const std::string&)> on_error = {});
  void stop();

  LiveStatus status() const;
  // Blocks until a catch-up has brought the engine's clock to `t` or beyond,
  // or `timeout` has passed (false then). For callers that must know a tick
  // has happened, e.g. a test that moved a SimulatedClock.
  bool wait_for_clock(Timestamp t, std::chrono::milliseconds timeout) const;

 private:
  class Recorder;
  void catch_up_locked();
  void run(std::stop_token stop);

  std::unique_ptr<Store> store_;
  const Clock& clock_;
  safeguards::SafeguardsConfig config_;
  const std::int64_t tick_seconds_;
  std::unique_ptr<safeguards::SafeguardsEngine> engine_;
  std::unique_ptr<Recorder> recorder_;
  CatchUpWindow seen_;
  LiveStatus status_;
  std::function<void(const std::string&)> on_error_;

  mutable std::mutex mutex_;
  mutable std::condition_variable advanced_;
  std::jthread timer_;
};

}  // namespace sightline::service
