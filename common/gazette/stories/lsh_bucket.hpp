/// @file
/// @brief LSH buckets as Xapian user metadata: the key of a band key, and the list of stories a bucket
/// holds (each story id as a varint length and its bytes, oldest first).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// The metadata key of a band key: schema::meta::lsh_bucket + its 6 bytes, big-endian (10 bytes: there
/// are 40 an article, so their length counts in the database's size).
std::string bucket_key(std::uint64_t band_key);

/// The story ids a bucket value holds, oldest first. A malformed tail (a database written by another
/// program) is ignored. Never throws except std::bad_alloc.
std::vector<std::string> decode_bucket(std::string_view value);

/// Appends a story id to a bucket value.
void append_to_bucket(std::string& value, std::string_view story);

}  // namespace gazette
