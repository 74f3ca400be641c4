/// @file
/// @brief ByteSource: the bytes of one input (file or standard input), zstd-decompressed when compressed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

struct ZSTD_DCtx_s;

namespace gazette {

/// Reads one input a chunk at a time. A `.zst` name or the zstd magic number at the start of the input
/// selects streaming decompression (ZSTD_decompressStream), so compressed standard input works too.
/// Move-only; not thread-safe.
class ByteSource {
 public:
  /// Opens path ("-" is standard input); chunk_bytes is the size of each read from the file.
  /// @throws Error(not_found) when the file does not exist, Error(bad_input) when it cannot be read.
  ByteSource(const std::filesystem::path& path, std::size_t chunk_bytes);
  ByteSource(ByteSource&& other) noexcept;
  ByteSource& operator=(ByteSource&& other) noexcept;
  ~ByteSource();

  /// Reads up to size (> 0) bytes of (decompressed) input into out; returns 0 only at the end of input.
  /// @throws Error(bad_input) on a read error or a corrupt or truncated zstd stream.
  std::size_t read(char* out, std::size_t size);

  /// The name used in messages and origins: the path as given, or "<stdin>" for "-".
  const std::string& name() const noexcept { return name_; }
  /// True when the input is zstd-compressed.
  bool compressed() const noexcept { return dctx_ != nullptr; }

 private:
  std::size_t read_raw(char* out, std::size_t size);  // from the file descriptor, retrying on EINTR
  std::size_t read_zstd(char* out, std::size_t size);
  void close() noexcept;

  std::string name_;
  int fd_ = -1;
  bool owns_fd_ = false;
  std::vector<char> in_;    // bytes read from the file but not yet consumed (compressed when dctx_)
  std::size_t in_pos_ = 0;  // first unconsumed byte of in_
  std::size_t in_end_ = 0;  // end of valid bytes in in_
  bool eof_ = false;        // the file has no more bytes
  ZSTD_DCtx_s* dctx_ = nullptr;
  std::size_t frame_left_ = 0;  // ZSTD_decompressStream's last hint: 0 when a frame ended cleanly
};

}  // namespace gazette
