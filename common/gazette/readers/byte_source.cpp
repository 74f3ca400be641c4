/// @file
/// @brief File and standard-input reading with transparent streaming zstd decompression.
#include "gazette/readers/byte_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <zstd.h>

#include "gazette/core/error.hpp"

namespace gazette {

namespace {

bool has_zst_extension(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return ext.size() == 4 && ext[0] == '.' && (ext[1] | 0x20) == 'z' && (ext[2] | 0x20) == 's' &&
         (ext[3] | 0x20) == 't';
}

bool starts_with_zstd_magic(const char* data, std::size_t size) {
  static constexpr unsigned char magic[4] = {0x28, 0xB5, 0x2F, 0xFD};  // ZSTD_MAGICNUMBER, little-endian
  return size >= 4 && std::memcmp(data, magic, 4) == 0;
}

}  // namespace

ByteSource::ByteSource(const std::filesystem::path& path, std::size_t chunk_bytes)
    : in_(std::max(chunk_bytes, ZSTD_DStreamInSize())) {
  if (path == "-") {
    name_ = "<stdin>";
    fd_ = STDIN_FILENO;
  } else {
    name_ = path.string();
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      const int err = errno;
      throw Error(err == ENOENT || err == ENOTDIR ? ErrorCode::not_found : ErrorCode::bad_input,
                  std::string("cannot open: ") + std::strerror(err), name_);
    }
    owns_fd_ = true;
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
      close();
      throw Error(ErrorCode::bad_input, "cannot open: is a directory", name_);
    }
  }
  try {
    // Fill the first chunk (at least the 4 magic bytes, unless the input is shorter) to sniff zstd.
    while (in_end_ < 4 && !eof_) {
      const std::size_t n = read_raw(in_.data() + in_end_, in_.size() - in_end_);
      if (n == 0) eof_ = true;
      in_end_ += n;
    }
    if (has_zst_extension(path) || starts_with_zstd_magic(in_.data(), in_end_)) {
      dctx_ = ZSTD_createDCtx();
      if (dctx_ == nullptr)
        throw Error(ErrorCode::internal, "cannot create a zstd decompression context", name_);
    }
  } catch (...) {
    close();
    throw;
  }
}

ByteSource::ByteSource(ByteSource&& other) noexcept
    : name_(std::move(other.name_)),
      fd_(std::exchange(other.fd_, -1)),
      owns_fd_(std::exchange(other.owns_fd_, false)),
      in_(std::move(other.in_)),
      in_pos_(other.in_pos_),
      in_end_(other.in_end_),
      eof_(other.eof_),
      dctx_(std::exchange(other.dctx_, nullptr)),
      frame_left_(other.frame_left_) {}

ByteSource& ByteSource::operator=(ByteSource&& other) noexcept {
  if (this != &other) {
    close();
    name_ = std::move(other.name_);
    fd_ = std::exchange(other.fd_, -1);
    owns_fd_ = std::exchange(other.owns_fd_, false);
    in_ = std::move(other.in_);
    in_pos_ = other.in_pos_;
    in_end_ = other.in_end_;
    eof_ = other.eof_;
    dctx_ = std::exchange(other.dctx_, nullptr);
    frame_left_ = other.frame_left_;
  }
  return *this;
}

ByteSource::~ByteSource() {
  close();
}

void ByteSource::close() noexcept {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
  fd_ = -1;
  owns_fd_ = false;
  ZSTD_freeDCtx(dctx_);  // accepts nullptr
  dctx_ = nullptr;
}

std::size_t ByteSource::read_raw(char* out, std::size_t size) {
  for (;;) {
    const ssize_t n = ::read(fd_, out, size);
    if (n >= 0) return std::size_t(n);
    if (errno != EINTR)
      throw Error(ErrorCode::bad_input, std::string("read error: ") + std::strerror(errno), name_);
  }
}

std::size_t ByteSource::read(char* out, std::size_t size) {
  if (dctx_ != nullptr) return read_zstd(out, size);
  if (in_pos_ < in_end_) {  // the sniffed first chunk
    const std::size_t n = std::min(size, in_end_ - in_pos_);
    std::memcpy(out, in_.data() + in_pos_, n);
    in_pos_ += n;
    return n;
  }
  if (eof_) return 0;
  const std::size_t n = read_raw(out, size);
  if (n == 0) eof_ = true;
  return n;
}

std::size_t ByteSource::read_zstd(char* out, std::size_t size) {
  for (;;) {
    if (in_pos_ == in_end_ && !eof_) {
      in_pos_ = 0;
      in_end_ = read_raw(in_.data(), in_.size());
      if (in_end_ == 0) eof_ = true;
    }
    const bool input_left = in_pos_ < in_end_;
    if (!input_left && eof_ && frame_left_ == 0) return 0;  // the input ends cleanly after a frame
    ZSTD_inBuffer input{in_.data(), in_end_, in_pos_};
    ZSTD_outBuffer output{out, size, 0};
    const std::size_t ret = ZSTD_decompressStream(dctx_, &output, &input);
    in_pos_ = input.pos;
    if (ZSTD_isError(ret))
      throw Error(ErrorCode::bad_input, std::string("corrupt zstd stream: ") + ZSTD_getErrorName(ret), name_);
    frame_left_ = ret;
    if (output.pos > 0) return output.pos;
    // No output although the frame is unfinished, and no input left to finish it with.
    if (!input_left && eof_ && frame_left_ != 0)
      throw Error(ErrorCode::bad_input, "truncated zstd stream", name_);
  }
}

}  // namespace gazette
