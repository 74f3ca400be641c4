/// @file
/// @brief A reader for formats with one article per file (text, HTML): reads the file whole, within the
/// record bound, and hands it to the format's parse function.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "gazette/readers/byte_source.hpp"
#include "gazette/readers/reader.hpp"

namespace gazette {

/// Parses one whole file's content; `name` is the file's name for locations.
using WholeFileParser = std::function<ReadItem(std::string_view content, std::string name)>;

/// A reader that yields exactly one item: the parsed file, or a Rejection when it exceeds
/// options.max_record_bytes (without reading past the bound).
std::unique_ptr<ArticleReader> make_whole_file_reader(ByteSource source, const ReaderOptions& options,
                                                      WholeFileParser parse);

}  // namespace gazette
