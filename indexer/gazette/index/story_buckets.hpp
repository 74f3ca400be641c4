/// @file
/// @brief Upkeep of the LSH buckets (story detection's index in user metadata) when articles go.
#pragma once

#include <cstddef>

#include <xapian.h>

namespace gazette {

/// Takes out of every LSH bucket in `buckets` the stories of which no article is left in `articles` (the
/// same database, or a sharded archive's shards read as one), so a purge leaves no trace of a deleted
/// story's id. Returns how many entries went; the caller commits. Never throws except Xapian::Error.
std::size_t purge_stale_stories(Xapian::WritableDatabase& buckets, const Xapian::Database& articles);

}  // namespace gazette
