// A growable array of large records, for one per person of a feed of
// millions: elements live in chunks of fixed size that never move, so growing
// never copies what is there (nor doubles the memory while it does), and
// finding an element is one index into a small table of chunks. (A std::deque
// of records this large keeps each in an allocation of its own, behind a map
// as long as the array: two cache misses to reach one.)
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace sightline::safeguards {

template <class T, std::size_t kChunkBits = 12>
class ChunkedVector {
 public:
  static constexpr std::size_t kChunk = std::size_t{1} << kChunkBits;

  T& operator[](std::size_t i) { return chunks_[i >> kChunkBits][i & (kChunk - 1)]; }
  const T& operator[](std::size_t i) const { return chunks_[i >> kChunkBits][i & (kChunk - 1)]; }
  std::size_t size() const { return size_; }
  // Grows to `n` elements, the new ones value-initialised; never shrinks.
  void resize(std::size_t n) {
    while (chunks_.size() * kChunk < n) chunks_.push_back(std::make_unique<T[]>(kChunk));
    if (n > size_) size_ = n;
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t size_ = 0;
};

}  // namespace sightline::safeguards
