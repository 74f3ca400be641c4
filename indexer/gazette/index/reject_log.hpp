/// @file
/// @brief The reject file: every record the indexer could not use, one JSON object per line.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>

#include "gazette/readers/reader.hpp"

namespace gazette {

/// Appends rejections to a JSON Lines file ({"time","where","reason","record"}), created on first use.
class RejectLog {
 public:
  explicit RejectLog(std::filesystem::path path) : path_(std::move(path)) {}

  /// Writes one rejection. @throws gazette::Error(unavailable) when the file cannot be written.
  void write(const Rejection& rejection);

  std::size_t count() const noexcept { return count_; }
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
  std::ofstream out_;
  std::size_t count_ = 0;
};

}  // namespace gazette
