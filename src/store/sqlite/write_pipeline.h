// Writes WriteSets on a background thread, in the order they are submitted,
// so that one thread can read and validate a feed while another writes what
// was read before into SQLite.
//
// Contract:
// - Sets are written one at a time, whole, in submission order, by one
//   thread: the result is the same as writing them in turn on the caller's.
// - At most `depth` sets wait or are being written; submit() blocks while
//   that many are, so memory stays bounded however long the feed.
// - A failure of the writer is kept, and rethrown by the next submit() or by
//   finish(); nothing more is written after it.
// - The thread starts with the first submit() and has ended when finish()
//   returns, or cancel() returns, or the pipeline is destroyed (which, like
//   cancel(), drops the sets not yet written).
//   While it runs, the caller must not use the connection the writer uses.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store/sqlite/row_writer.h"
#include "store/sqlite/write_set.h"

namespace sightline::sqlite {

class WritePipeline {
 public:
  WritePipeline(RowWriter& writer, std::size_t depth);
  ~WritePipeline();
  WritePipeline(const WritePipeline&) = delete;
  WritePipeline& operator=(const WritePipeline&) = delete;

  // An empty set to fill: one already written, when there is one.
  std::unique_ptr<WriteSet> empty_set();
  void submit(std::unique_ptr<WriteSet> set);
  // Waits until every submitted set is written and stops the thread; throws
  // what the writer threw, if it failed.
  void finish();
  // Stops the thread after the set it is writing, dropping the others (for a
  // rollback, which must not begin while the writer still writes).
  void cancel();

 private:
  void run();

  RowWriter& writer_;
  const std::size_t depth_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<WriteSet>> waiting_;
  std::vector<std::unique_ptr<WriteSet>> written_;  // cleared, to be filled again
  bool writing_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace sightline::sqlite
