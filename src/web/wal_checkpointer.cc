#include "web/wal_checkpointer.h"

#include "store/sqlite/sqlite_handle.h"

namespace sightline::web {

WalCheckpointer::WalCheckpointer(const std::string& db_path, std::chrono::milliseconds interval)
    : db_(std::make_unique<sqlite::Connection>(db_path)), interval_(interval) {}

WalCheckpointer::~WalCheckpointer() { stop(); }

void WalCheckpointer::checkpoint() {
  std::lock_guard lock(mutex_);
  int log_frames = 0, copied = 0;
  if (sqlite3_wal_checkpoint_v2(db_->get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log_frames,
                                &copied) != SQLITE_OK) {
    db_->fail("checkpoint");
  }
}

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
