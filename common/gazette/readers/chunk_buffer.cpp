/// @file
/// @brief The sliding input window shared by the line- and element-oriented readers.
#include "gazette/readers/chunk_buffer.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace gazette {

ChunkBuffer::ChunkBuffer(ByteSource source, std::size_t chunk_bytes, std::size_t max_kept)
    : source_(std::move(source)),
      chunk_bytes_(std::max<std::size_t>(chunk_bytes, 1)),
      max_capacity_(max_kept + chunk_bytes_) {}

bool ChunkBuffer::fill() {
  if (at_end_) return false;
  const std::size_t kept = end_ - begin_;
  if (kept + chunk_bytes_ > capacity_) {
    // Two chunks hold ordinary records. A larger one gets the whole bound at once: the pages are only
    // touched as they fill, and growing step by step would hold the old and the new copy together.
    const std::size_t capacity =
        capacity_ == 0 ? 2 * chunk_bytes_ : std::max(kept + chunk_bytes_, max_capacity_);
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (kept > 0) std::memcpy(bigger.get(), data_.get() + begin_, kept);
    data_ = std::move(bigger);
    capacity_ = capacity;
  } else if (begin_ > 0) {
    // Keep the window at the front, so only the pages of the largest record ever held are touched. Each
    // byte moves at most once: begin_ stays 0 until the caller consumes the record the byte belongs to.
    std::memmove(data_.get(), data_.get() + begin_, kept);
  }
  begin_ = 0;
  end_ = kept;
  const std::size_t n = source_.read(data_.get() + end_, chunk_bytes_);
  if (n == 0) {
    at_end_ = true;
    return false;
  }
  end_ += n;
  bytes_read_ += n;
  return true;
}

}  // namespace gazette
