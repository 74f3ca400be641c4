/// @file
/// @brief The manifest of indexed files, kept in the database's metadata, so a re-run skips unchanged files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace gazette {

/// One input file's recorded state.
struct FileState {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;  ///< XXH3 of the content, hex; "" until needed

  /// The metadata key and value that record this file in a database with this uuid.
  static std::string key(const std::filesystem::path& path);
  std::string value(const std::string& uuid) const;
};

/// The files a database says it has indexed (path, size, modification time, content hash).
class Manifest {
 public:
  /// The entries recorded in db; none when it has none, or when they were recorded for another database
  /// (`foreign()` then says so: a copied manifest must not make a run skip files this database lacks).
  explicit Manifest(const Xapian::Database& db);

  /// True when the file is as recorded: same size and modification time, or same size and content hash
  /// (a touched but unchanged file). `now` receives the file's current state for recording afterwards.
  /// A file that cannot be read is never "unchanged".
  bool unchanged(const std::filesystem::path& path, FileState& now) const;

  /// True when entries exist but belong to another database.
  bool foreign() const noexcept { return foreign_; }
  /// The uuid entries of this run must carry (the database's own).
  const std::string& uuid() const noexcept { return uuid_; }

 private:
  std::unordered_map<std::string, std::string> entries_;  // read once: the database changes during the run
  std::string uuid_;
  bool foreign_ = false;
};

/// Records a file's state in a database being written (the change is committed with the next commit).
void record_file(Xapian::WritableDatabase& db, const std::filesystem::path& path, const FileState& state);

/// Marks the database's manifest as its own after its uuid changed (compaction, a partitioned bulk load).
void adopt_manifest(Xapian::WritableDatabase& db);

}  // namespace gazette
