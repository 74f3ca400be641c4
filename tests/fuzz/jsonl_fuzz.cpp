/// @file
/// @brief Fuzz target: the JSON Lines reader (one article object per line), read in small chunks.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "reader_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  gazette::fuzz::read_all(input, gazette::InputFormat::jsonl, gazette::fuzz::small_reader_options());
  return 0;
}
