/// @file
/// @brief Plain-text input: one article per file, optional header lines, headline, paragraphs.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "gazette/readers/byte_source.hpp"
#include "gazette/readers/reader.hpp"

namespace gazette {

/// Parses the whole content of one text file named `name` (the Article's origin). Layout: optional header
/// lines (`date 2025-03-03`, `Source: Reuters`; keys date, source, url, author, language, id), then the
/// headline (first non-empty line), then the body (paragraphs joined by "\n\n", lines inside a paragraph by
/// "\n", each line trimmed). A date header directly followed by text on the same line (" date 2025-03-03
/// The ...") starts the body: such an article has no headline. Pure and thread-safe; never throws Error.
ReadItem parse_text_article(std::string_view content, std::string name);

/// A reader yielding the one item of a text file.
std::unique_ptr<ArticleReader> make_text_reader(ByteSource source, const ReaderOptions& options);

}  // namespace gazette
