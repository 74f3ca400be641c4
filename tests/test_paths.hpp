/// @file
/// @brief Where tests find their data: tests/data, and ../shared (overridable by GAZETTE_SHARED).
#pragma once

#include <cstdlib>
#include <filesystem>

namespace gazette::test {

/// tests/data in the source tree.
inline std::filesystem::path data_dir() {
  return GAZETTE_TEST_DATA;
}

/// The shared folder beside the repository, or $GAZETTE_SHARED when set.
inline std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("GAZETTE_SHARED")) return env;
  return GAZETTE_SHARED_DIR;
}

/// ../shared/seeds, or $GAZETTE_SEEDS.
inline std::filesystem::path seeds_dir() {
  if (const char* env = std::getenv("GAZETTE_SEEDS")) return env;
  return shared_dir() / "seeds";
}

/// The Reuters-21578 folder, or $GAZETTE_CORPUS.
inline std::filesystem::path reuters_dir() {
  if (const char* env = std::getenv("GAZETTE_CORPUS")) return env;
  return shared_dir() / "corpora" / "reuters21578";
}

}  // namespace gazette::test
