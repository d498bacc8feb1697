// WalCheckpointer asks the store for a checkpoint every interval on its own
// thread, reports a failure and goes on, and stops when asked; over a store
// that counts and fails on demand.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "store/store.h"
#include "web/wal_checkpointer.h"

namespace sightline {
namespace {

using namespace std::chrono_literals;

class CountingMaintenance final : public MaintenanceStore {
 public:
  void checkpoint() override {
    const int n = ++calls;
    if (n <= failures) throw StoreError("s.db: checkpoint: disk I/O error");
  }
  std::atomic<int> calls{0};
  int failures = 0;  // the first this many fail
};

// Waits up to five seconds for `done`.
template <class Done>
bool eventually(Done done) {
  for (int i = 0; i < 500 && !done(); ++i) std::this_thread::sleep_for(10ms);
  return done();
}

TEST(WalCheckpointer, AsksTheStoreForACheckpointEveryIntervalUntilStopped) {
  CountingMaintenance store;
  web::WalCheckpointer checkpointer(store, 5ms);
  EXPECT_EQ(store.calls, 0);
  checkpointer.start();
  EXPECT_TRUE(eventually([&] { return store.calls >= 3; })) << store.calls;
  checkpointer.stop();
  const int after_stop = store.calls;
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(store.calls, after_stop);
  checkpointer.checkpoint();  // one more, on this thread
  EXPECT_EQ(store.calls, after_stop + 1);
}

TEST(WalCheckpointer, AFailedCheckpointIsReportedAndTheNextTriesAgain) {
  CountingMaintenance store;
  store.failures = 2;
  std::mutex mutex;
  std::vector<std::string> errors;
  web::WalCheckpointer checkpointer(store, 5ms);
  checkpointer.start([&](const std::string& line) {
    std::lock_guard lock(mutex);
    errors.push_back(line);
  });
  EXPECT_TRUE(eventually([&] { return store.calls >= 4; })) << store.calls;
  checkpointer.stop();
  std::lock_guard lock(mutex);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "checkpoint failed: s.db: checkpoint: disk I/O error");
}

TEST(WalCheckpointer, StopsWhenDestroyed) {
  CountingMaintenance store;
  {
    web::WalCheckpointer checkpointer(store, 5ms);
    checkpointer.start();
    EXPECT_TRUE(eventually([&] { return store.calls >= 1; }));
  }
  const int after = store.calls;
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(store.calls, after);
}

}  // namespace
}  // namespace sightline
