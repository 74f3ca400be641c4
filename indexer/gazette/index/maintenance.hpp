/// @file
/// @brief Archive maintenance: deleting articles by id, and the purge (compaction) that removes their traces.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// What a deletion did.
struct DeleteSummary {
  std::size_t deleted = 0;
  std::size_t unknown = 0;  ///< ids that are not in the database
};

/// Deletes the articles with these ids in one commit, logging a line per id ("deleted ID" or "unknown id").
/// Other versions of a story keep their story id (it is stored on each version).
/// @throws gazette::Error as open_existing_database does.
/// With dry_run nothing is deleted and each line says "would delete".
DeleteSummary delete_articles(const std::filesystem::path& db, const std::vector<std::string>& ids,
                              std::ostream& log, bool dry_run = false);

/// Reads ids to delete from a file, one per line (blank lines and lines starting with # are skipped).
/// @throws gazette::Error(not_found) when the file cannot be read.
std::vector<std::string> read_id_list(const std::filesystem::path& file);

/// Puts the database at `fresh` in place of the one at `target`: target moves to `retired`, fresh to
/// target, and retired is removed; when the second move fails the original goes back. `what` names the
/// new database in the error ("compacted", "rebuilt").
/// @throws gazette::Error(unavailable) when the swap fails (the original is then still at target).
void replace_database(const std::filesystem::path& target, const std::filesystem::path& fresh,
                      const std::filesystem::path& retired, std::string_view what);

/// Rewrites the database with Xapian's compactor into a new folder and swaps it in place. Deleted articles
/// leave old blocks behind until this runs: it is the purge step after a takedown, and it makes the
/// database smaller and faster. The old database stays in place until the new one is complete. With
/// purge_own_stories, the story buckets first lose the stories none of its articles carry any more (a
/// sharded archive's control database, whose articles are in the shards, is purged by compact_archive).
/// @throws gazette::Error as open_existing_database does, or (unavailable) when the compaction fails.
void compact_database(const std::filesystem::path& db, std::ostream& log, bool purge_own_stories = true);

}  // namespace gazette
