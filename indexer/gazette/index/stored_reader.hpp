/// @file
/// @brief Reads the articles stored in a Gazette database back as input, for --rebuild.
#pragma once

#include <memory>

#include <xapian.h>

#include "gazette/readers/reader.hpp"

namespace gazette {

/// A reader over every stored article of a database, in docid order (roughly the order they were indexed).
/// Works on databases of older schema versions as long as their stored record format is readable.
std::unique_ptr<ArticleReader> make_stored_reader(Xapian::Database db);

}  // namespace gazette
