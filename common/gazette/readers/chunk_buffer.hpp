/// @file
/// @brief ChunkBuffer: a sliding window over a ByteSource, filled a chunk at a time and consumed from the
/// front.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "gazette/readers/byte_source.hpp"

namespace gazette {

/// Holds the unconsumed bytes of an input. Readers find a record in window(), use it, then consume() it.
/// The buffer starts at two chunks and grows only while a record is incomplete, so its resident memory
/// stays near the largest record a reader keeps plus one chunk.
class ChunkBuffer {
 public:
  /// Reads from source in chunks of chunk_bytes; max_kept is the most the caller keeps unconsumed when it
  /// calls fill() (its record bound), which caps the allocation at max_kept + chunk_bytes.
  ChunkBuffer(ByteSource source, std::size_t chunk_bytes, std::size_t max_kept);

  /// The unconsumed bytes; valid until the next fill() or consume().
  std::string_view window() const noexcept { return {data_.get() + begin_, end_ - begin_}; }
  /// Appends the next chunk of input to the window; false (and nothing appended) at the end of input.
  /// Either way the window may move: views into it are invalid afterwards.
  /// @throws Error(bad_input) as ByteSource::read.
  bool fill();
  /// Drops the first n bytes of the window (n <= window().size()).
  void consume(std::size_t n) noexcept { begin_ += n; }
  /// True once fill() has seen the end of input.
  bool at_end() const noexcept { return at_end_; }
  /// Bytes of (decompressed) input read so far.
  std::size_t bytes_read() const noexcept { return bytes_read_; }
  /// The input's name for messages ("<stdin>" for standard input).
  const std::string& name() const noexcept { return source_.name(); }

 private:
  ByteSource source_;
  std::size_t chunk_bytes_;
  std::size_t max_capacity_;
  std::unique_ptr<char[]> data_;  // not a vector: growing must not zero-fill
  std::size_t capacity_ = 0, begin_ = 0, end_ = 0;
  std::size_t bytes_read_ = 0;
  bool at_end_ = false;
};

}  // namespace gazette
