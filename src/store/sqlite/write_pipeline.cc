#include "store/sqlite/write_pipeline.h"

namespace sightline::sqlite {

WritePipeline::WritePipeline(RowWriter& writer, std::size_t depth)
    : writer_(writer), depth_(depth < 1 ? 1 : depth) {}

WritePipeline::~WritePipeline() { cancel(); }

std::unique_ptr<WriteSet> WritePipeline::empty_set() {
  std::lock_guard lock(mutex_);
  if (written_.empty()) return std::make_unique<WriteSet>();
  auto set = std::move(written_.back());
  written_.pop_back();
  return set;
}

void WritePipeline::submit(std::unique_ptr<WriteSet> set) {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return failure_ || waiting_.size() + writing_ < depth_; });
    if (failure_) std::rethrow_exception(failure_);
    waiting_.push_back(std::move(set));
  }
  changed_.notify_all();
  if (!thread_.joinable()) thread_ = std::thread(&WritePipeline::run, this);
}

void WritePipeline::finish() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return failure_ || (waiting_.empty() && !writing_); });
  }
  cancel();
  if (failure_) std::rethrow_exception(failure_);
}

void WritePipeline::cancel() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WritePipeline::run() {
  while (true) {
    std::unique_ptr<WriteSet> set;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
      if (stopping_) return;
      set = std::move(waiting_.front());
      waiting_.pop_front();
      writing_ = true;
    }
    try {
      writer_.write(*set);
      set->clear();
      std::lock_guard lock(mutex_);
      written_.push_back(std::move(set));
      writing_ = false;
    } catch (...) {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
      waiting_.clear();
      writing_ = false;
    }
    changed_.notify_all();
    if (failure_) return;
  }
}

}  // namespace sightline::sqlite
