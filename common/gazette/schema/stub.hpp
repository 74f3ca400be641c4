/// @file
/// @brief Xapian stub files: the list of databases a sharded archive (or a front end's configuration) opens
/// as one, in the format Xapian's own tools read.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::schema {

/// Where one database of a set lives: a local directory, or a remote one served by xapian-tcpsrv.
struct DatabaseLocation {
  std::string path;  ///< local database directory ("" when remote)
  std::string host;  ///< remote host ("" when local)
  unsigned port = 0;

  bool remote() const noexcept { return !host.empty(); }
  /// How messages name it: the path, or "tcp://HOST:PORT".
  std::string name() const;
};

/// Reads "tcp://HOST:PORT" (a remote database) or a local path. @throws gazette::Error(usage) naming `spec`
/// for a tcp:// address without a valid port.
DatabaseLocation parse_database_location(std::string_view spec);

/// The stub file of a sharded archive directory ("ARCHIVE/XAPIANDB").
std::filesystem::path stub_path(const std::filesystem::path& archive);

/// True when `path` is a stub file, or a directory holding one (a sharded archive).
bool is_stub(const std::filesystem::path& path);

/// The databases a stub lists, in order: "auto|glass PATH" (relative paths are relative to the stub's
/// directory) and "remote HOST:PORT". `path` is the stub file or its directory.
/// @throws gazette::Error(not_found) when unreadable, (corrupt) naming the line for anything else (other
/// backends, "remote :PROGRAM").
std::vector<DatabaseLocation> read_stub(const std::filesystem::path& path);

/// Writes ARCHIVE/XAPIANDB listing these databases (directories relative to the archive), replacing the
/// old one atomically, so a reader never sees half a list. @throws gazette::Error(unavailable).
void write_stub(const std::filesystem::path& archive, const std::vector<std::string>& databases);

}  // namespace gazette::schema
