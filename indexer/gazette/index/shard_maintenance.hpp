/// @file
/// @brief Maintenance of a sharded archive: compaction of every shard with Xapian's compactor, and
/// deletion by id across shards.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "gazette/index/maintenance.hpp"

namespace gazette {

/// Compacts every shard of the archive in place (compact_database on each, so deleted articles' traces go
/// and each shard becomes smaller and faster), holding the archive's lock (its control database) so no
/// indexer writes meanwhile. @throws gazette::Error as compact_database does, naming the shard.
void compact_archive(const std::filesystem::path& archive, std::ostream& log);

/// Deletes the articles with these ids from whichever shards hold them, logging a line per id.
/// @throws gazette::Error as open_existing_database does, naming the shard.
DeleteSummary delete_from_archive(const std::filesystem::path& archive, const std::vector<std::string>& ids,
                                  std::ostream& log, bool dry_run);

}  // namespace gazette
