/// @file
/// @brief Stable content hashes (xxHash XXH3), used for derived ids and over-long terms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gazette {

/// XXH3 64-bit hash; stable across runs and machines.
std::uint64_t hash64(std::string_view data) noexcept;
/// hash64 as 16 lower-case hex digits.
std::string hash_hex64(std::string_view data);
/// XXH3 128-bit hash as 32 lower-case hex digits.
std::string hash_hex128(std::string_view data);

}  // namespace gazette
