/// @file
/// @brief LSH bucket keys and the varint-framed list of story ids.
#include "gazette/stories/lsh_bucket.hpp"

#include "gazette/schema/schema.hpp"
#include "gazette/stories/fingerprint.hpp"

namespace gazette {

std::string bucket_key(std::uint64_t band_key) {
  std::string key(schema::meta::lsh_bucket);
  for (int shift = int(band_key_bits) - 8; shift >= 0; shift -= 8) key += char((band_key >> shift) & 0xFF);
  return key;
}

std::vector<std::string> decode_bucket(std::string_view value) {
  std::vector<std::string> stories;
  std::size_t at = 0;
  while (at < value.size()) {
    std::size_t length = 0;
    unsigned shift = 0;
    unsigned char byte = 0;
    do {
      byte = static_cast<unsigned char>(value[at++]);
      length |= std::size_t(byte & 0x7F) << shift;
      shift += 7;
    } while ((byte & 0x80) && at < value.size() && shift < 35);
    if ((byte & 0x80) || length > value.size() - at) break;
    stories.emplace_back(value.substr(at, length));
    at += length;
  }
  return stories;
}

void append_to_bucket(std::string& value, std::string_view story) {
  std::size_t length = story.size();
  for (; length >= 0x80; length >>= 7) value += char((length & 0x7F) | 0x80);
  value += char(length);
  value += story;
}

}  // namespace gazette
