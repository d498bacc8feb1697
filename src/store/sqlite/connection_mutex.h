// The mutex a SQLite store keeps over its connection (SQLite connections are
// not to be used by two threads at once). A write transaction the store
// begins holds it until the transaction ends, so a thread that asks the same
// store for anything meanwhile would wait for itself for ever: this mutex
// refuses that with std::logic_error instead.
#pragma once

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace sightline::sqlite {

class ConnectionMutex {
 public:
  void lock() {
    if (owner_.load(std::memory_order_relaxed) == std::this_thread::get_id()) {
      throw std::logic_error(
          "a SQLite store was used by the thread that holds its transaction open; end the "
          "transaction first");
    }
    mutex_.lock();
    owner_.store(std::this_thread::get_id(), std::memory_order_relaxed);
  }
  void unlock() {
    owner_.store(std::thread::id(), std::memory_order_relaxed);
    mutex_.unlock();
  }

 private:
  std::mutex mutex_;
  // Only ever equal to this thread's id when this thread holds the mutex.
  std::atomic<std::thread::id> owner_;
};

}  // namespace sightline::sqlite
