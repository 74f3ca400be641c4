/// @file
/// @brief Opening a Gazette archive for search: checks that it is one, and of this schema version.
#pragma once

#include <filesystem>
#include <string>

#include <xapian.h>

#include "gazette/analysis/analyzer.hpp"

namespace gazette {

/// A Gazette database opened for reading, with the analyzer settings it was indexed with.
struct Archive {
  Xapian::Database database;
  AnalyzerSettings analyzer;
  std::string path;
};

/// Opens the database at path (a database directory or a Xapian stub file).
/// @throws gazette::Error(not_found) when nothing is there, (unavailable) when it cannot be opened,
/// (corrupt) when it is not a Gazette database or has another schema version (the message names
/// gazette-index --rebuild).
Archive open_archive(const std::filesystem::path& path);

}  // namespace gazette
