/// @file
/// @brief Reuters-21578 SGML input: one Article per <REUTERS> element.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

#include "gazette/core/time.hpp"
#include "gazette/readers/byte_source.hpp"
#include "gazette/readers/reader.hpp"

namespace gazette {

/// Parses one <REUTERS> element (from "<REUTERS" through "</REUTERS>") that starts on line `line` of the
/// input `name`: id "reuters-NEWID", source "Reuters", title, dateline, author, body (reflowed into
/// paragraphs, the closing "Reuter" sign-off removed), date and gold labels. Bytes that are not UTF-8 are
/// read as ISO-8859-1. Rejected when unbalanced, or when it has neither a NEWID nor any text. Pure and
/// thread-safe; never throws Error.
ReadItem parse_reuters_element(std::string_view element, std::string_view name, std::size_t line);

/// Parses a Reuters <DATE> ("26-FEB-1987 15:01:01.79"; leading space and trailing text are allowed) as
/// UTC, truncated to the second; a day without a readable time gives midnight; nullopt when the day
/// itself is not readable.
std::optional<Instant> parse_reuters_date(std::string_view text);

/// A reader yielding one item per <REUTERS> element of source; text between elements is ignored.
std::unique_ptr<ArticleReader> make_sgml_reader(ByteSource source, const ReaderOptions& options);

}  // namespace gazette
