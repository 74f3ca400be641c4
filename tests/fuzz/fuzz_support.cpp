/// @file
/// @brief MemoryFile over memfd_create, field splitting and property failure reports.
#include "fuzz_support.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace gazette::fuzz {

MemoryFile::MemoryFile(std::string_view bytes) : fd_(memfd_create("gazette-fuzz", MFD_CLOEXEC)) {
  if (fd_ < 0) throw std::runtime_error("memfd_create failed");
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n <= 0) throw std::runtime_error("cannot write the fuzz input to a memfd");
    done += static_cast<std::size_t>(n);
  }
  path_ = "/proc/self/fd/" + std::to_string(fd_);
}

MemoryFile::~MemoryFile() {
  ::close(fd_);
}

std::vector<std::string_view> split_fields(std::string_view data, std::size_t parts) {
  std::vector<std::string_view> fields;
  while (fields.size() + 1 < parts) {
    const auto newline = data.find('\n');
    fields.push_back(data.substr(0, newline));
    data = newline == std::string_view::npos ? std::string_view() : data.substr(newline + 1);
  }
  fields.push_back(data);
  return fields;
}

void property_failed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: property failed: %s\n", file, line, condition);
  std::abort();
}

}  // namespace gazette::fuzz
