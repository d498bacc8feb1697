#include "store/sqlite/background_writeback.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>

namespace sightline::sqlite {

BackgroundWriteback::BackgroundWriteback(const std::vector<std::string>& paths, int interval_ms)
    : interval_ms_(interval_ms) {
  for (const std::string& path : paths) {
    // Read-only is enough: writeback is of the file, whichever descriptor asks.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) files_.push_back(fd);
  }
  if (!files_.empty()) thread_ = std::thread(&BackgroundWriteback::run, this);
}

BackgroundWriteback::~BackgroundWriteback() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_.notify_all();
  if (thread_.joinable()) thread_.join();
  for (const int fd : files_) ::close(fd);
}

int BackgroundWriteback::rounds() const {
  std::lock_guard lock(mutex_);
  return rounds_;
}

void BackgroundWriteback::run() {
  std::unique_lock lock(mutex_);
  while (
      !stop_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [&] { return stopping_; })) {
    lock.unlock();
    for (const int fd : files_) {
#ifdef __linux__
      // Starts writing what is dirty and returns; the kernel does the rest.
      // A failure here only leaves the pages to the commit's sync.
      (void)::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
      (void)fd;
#endif
    }
    lock.lock();
    ++rounds_;
  }
}

}  // namespace sightline::sqlite
