/// @file
/// @brief xxHash wrappers.
#include "gazette/core/hash.hpp"

#include <cstdio>

#include <xxhash.h>

namespace gazette {

std::uint64_t hash64(std::string_view data) noexcept {
  return XXH3_64bits(data.data(), data.size());
}

std::string hash_hex64(std::string_view data) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash64(data)));
  return buf;
}

std::string hash_hex128(std::string_view data) {
  const XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

}  // namespace gazette
