/// @file
/// @brief What the fuzz targets share: inputs as files, inputs split into fields, property checks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::fuzz {

/// Bytes in an anonymous in-memory file (memfd), reachable by path, for the readers that open files.
class MemoryFile {
 public:
  explicit MemoryFile(std::string_view bytes);
  ~MemoryFile();
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  /// "/proc/self/fd/N": open() on it reads the bytes from the start.
  const std::string& path() const noexcept { return path_; }

 private:
  int fd_;
  std::string path_;
};

/// The input cut at its first `parts - 1` newlines; the last part keeps the rest (newlines included).
/// Always returns `parts` fields, empty ones when the input has fewer lines.
std::vector<std::string_view> split_fields(std::string_view data, std::size_t parts);

/// Reports a broken property and aborts, so libFuzzer saves the input as a crash.
[[noreturn]] void property_failed(const char* condition, const char* file, int line);

}  // namespace gazette::fuzz

/// Checks a property a target promises for every input.
#define FUZZ_CHECK(condition) \
  ((condition) ? void() : ::gazette::fuzz::property_failed(#condition, __FILE__, __LINE__))
