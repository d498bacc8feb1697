// The Store, shared by the service's threads. SQLite connections are not to be
// shared between threads, so this holds a small pool of them (one Store each,
// on the same file in WAL mode): a thread borrows one for the length of a call
// to with(), and waits when all are lent. Readers therefore never queue behind
// one another; writers are serialised by SQLite itself.
//
// A call to with() must not call with() again (it could wait for itself).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/store.h"

namespace sightline::web {

class SharedStore {
 public:
  explicit SharedStore(std::unique_ptr<Store> store) {
    all_.push_back(std::move(store));
    idle_.push_back(all_.back().get());
  }
  explicit SharedStore(std::vector<std::unique_ptr<Store>> stores) : all_(std::move(stores)) {
    for (const auto& s : all_) idle_.push_back(s.get());
  }
  SharedStore(const SharedStore&) = delete;
  SharedStore& operator=(const SharedStore&) = delete;

  template <class F>
  auto with(F&& f) {
    Lease lease(*this);
    return f(*lease.store);
  }

 private:
  struct Lease {
    explicit Lease(SharedStore& pool) : owner(pool) {
      std::unique_lock lock(owner.mutex_);
      owner.returned_.wait(lock, [&] { return !owner.idle_.empty(); });
      store = owner.idle_.back();
      owner.idle_.pop_back();
    }
    ~Lease() {
      {
        std::lock_guard lock(owner.mutex_);
        owner.idle_.push_back(store);
      }
      owner.returned_.notify_one();
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    SharedStore& owner;
    Store* store = nullptr;
  };

  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Store>> all_;
  std::vector<Store*> idle_;
};

}  // namespace sightline::web
