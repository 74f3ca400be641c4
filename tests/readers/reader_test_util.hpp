/// @file
/// @brief Helpers for the reader tests: zstd compression, writing files, reading a whole input.
#pragma once

#include <stdlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "../temp_dir.hpp"
#include "gazette/readers/reader.hpp"

namespace gazette::test {

/// Writes bytes to path, creating or replacing the file.
inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

/// The bytes of a file.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// One zstd frame holding data.
inline std::string zstd_compress(std::string_view data, int level = 3) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const std::size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), level);
  if (ZSTD_isError(n)) throw std::runtime_error(ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

/// Everything a reader yields, in order, split by kind.
struct ReadAll {
  std::vector<ReadItem> items;
  std::vector<Article> articles;
  std::vector<Rejection> rejections;
};

/// Reads a whole input with open_reader.
inline ReadAll read_all(const std::filesystem::path& path, std::optional<InputFormat> format = std::nullopt,
                        const ReaderOptions& options = {}) {
  ReadAll all;
  auto reader = open_reader(path, format, options);
  while (auto item = reader->next()) {
    if (const auto* article = std::get_if<Article>(&*item))
      all.articles.push_back(*article);
    else
      all.rejections.push_back(std::get<Rejection>(*item));
    all.items.push_back(std::move(*item));
  }
  return all;
}

}  // namespace gazette::test
