#include "web/wal_checkpointer.h"

namespace sightline::web {

WalCheckpointer::WalCheckpointer(MaintenanceStore& store, std::chrono::milliseconds interval)
    : store_(store), interval_(interval) {}

WalCheckpointer::~WalCheckpointer() { stop(); }

void WalCheckpointer::checkpoint() { store_.checkpoint(); }

void WalCheckpointer::start(std::function<void(const std::string&)> on_error) {
  thread_ = std::jthread([this, on_error = std::move(on_error)](std::stop_token stop) {
    std::mutex sleep_mutex;
    std::unique_lock sleep_lock(sleep_mutex);
    while (!wake_.wait_for(sleep_lock, stop, interval_, [] { return false; }) &&
           !stop.stop_requested()) {
      try {
        checkpoint();
      } catch (const std::exception& e) {
        if (on_error) on_error(std::string("checkpoint failed: ") + e.what());
      }
    }
  });
}

void WalCheckpointer::stop() {
  if (thread_.joinable()) {
    thread_.request_stop();
    thread_.join();
  }
}

}  // namespace sightline::web
