// Starts the kernel writing a file's dirty pages to disk while a long
// transaction is still filling it, so that the sync at its commit waits only
// for what was written last rather than for the whole file.
//
// Durability is unchanged: the commit still syncs the file, and a page
// written early is one the transaction had already written into it (through
// SQLite, which keeps the journal the rollback needs); this only moves disk
// writes earlier, onto time the disk was idle. A file that cannot be opened,
// or a system without the call, leaves everything to the commit.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sightline::sqlite {

class BackgroundWriteback {
 public:
  // Every `interval_ms`, asks for each of `paths` that exists to be written out.
  explicit BackgroundWriteback(const std::vector<std::string>& paths, int interval_ms = 100);
  ~BackgroundWriteback();
  BackgroundWriteback(const BackgroundWriteback&) = delete;
  BackgroundWriteback& operator=(const BackgroundWriteback&) = delete;

  // How many times the files were asked to be written out so far.
  int rounds() const;

 private:
  void run();

  std::vector<int> files_;
  int interval_ms_;
  mutable std::mutex mutex_;
  std::condition_variable stop_;
  bool stopping_ = false;
  int rounds_ = 0;
  std::thread thread_;
};

}  // namespace sightline::sqlite
