/// @file
/// @brief Opening a Gazette archive for search: one database, a stub file or sharded archive, remote
/// shards served by xapian-tcpsrv, or several of these searched as one; each shard checked alone.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/schema/stub.hpp"

namespace gazette {

/// How shards are opened.
struct ArchiveOptions {
  /// Seconds a remote shard may take to connect, and to answer each request (0: Xapian's default, 10 s).
  double remote_timeout = 10;
  /// Search the shards that answer and flag the result partial, instead of failing when one does not.
  bool partial = false;
};

/// A Gazette archive opened for reading, with the analyzer settings it was indexed with.
struct Archive {
  Xapian::Database database;  ///< every shard that answered, searched as one
  AnalyzerSettings analyzer;
  std::string path;                ///< what was opened, for messages
  std::vector<std::string> specs;  ///< the --db values, to open the set again
  ArchiveOptions options;
  std::vector<schema::DatabaseLocation> shards;   ///< the databases in `database`, in order
  std::vector<Xapian::Database> shard_databases;  ///< each of them alone
  std::vector<std::string> missing;               ///< shards that did not answer (options.partial)

  /// True when a shard is remote: then only Xapian's own match spies and posting sources can run.
  bool has_remote() const noexcept;
};

/// Opens the database at path (a database directory, a stub file, or a sharded archive's directory).
/// @throws gazette::Error(not_found) when nothing is there, (unavailable) when it cannot be opened,
/// (corrupt) when it is not a Gazette database or has another schema version (the message names
/// gazette-index --rebuild).
Archive open_archive(const std::filesystem::path& path);

/// Opens every database the specs name (each a directory, a stub file, or tcp://HOST:PORT) as one archive.
/// Each shard is opened and checked alone (schema version, analyzer settings equal to the first shard's),
/// and errors name the shard. A shard that cannot be reached fails the open with Error(unavailable), or,
/// with options.partial, is skipped and listed in Archive::missing (all failing is still an error).
Archive open_archive(const std::vector<std::string>& specs, const ArchiveOptions& options);

/// The shards of the archive that do not answer a keep-alive now (remote ones; local ones always answer).
std::vector<std::string> unreachable_shards(const Archive& archive);

/// After a remote shard failed during a search (`failure`, Xapian's message): the archive without the
/// shards that no longer answer, with them added to `missing`.
/// @throws gazette::Error(unavailable) naming those shards unless archive.options.partial, or when none is
/// left (or none can be blamed).
Archive without_unreachable_shards(const Archive& archive, const std::string& failure);

}  // namespace gazette
