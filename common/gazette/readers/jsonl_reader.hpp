/// @file
/// @brief JSON Lines input (schemas/article.schema.json): one article object per line.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "gazette/readers/byte_source.hpp"
#include "gazette/readers/reader.hpp"

namespace gazette {

/// Parses one JSON Lines record (the line without its newline) into an Article whose origin is `where`
/// ("path:line"), or a Rejection located there. Pure and thread-safe; never throws Error.
ReadItem parse_jsonl_record(std::string_view line, std::string where);

/// A reader yielding one item per non-blank line of source.
std::unique_ptr<ArticleReader> make_jsonl_reader(ByteSource source, const ReaderOptions& options);

}  // namespace gazette
