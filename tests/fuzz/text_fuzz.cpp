/// @file
/// @brief Fuzz target: the plain-text reader (header lines, headline, paragraphs).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "reader_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  gazette::fuzz::read_all(input, gazette::InputFormat::text, gazette::fuzz::small_reader_options());
  return 0;
}
