/// @file
/// @brief Escaping and highlight markup shared by the renderers.
#pragma once

#include <string>
#include <string_view>

#include "gazette/search/response.hpp"

namespace gazette {

/// text with & < > " ' escaped for HTML element content and attribute values.
std::string escape_html(std::string_view text);

/// The highlighted text as HTML: escaped, marked words in <mark>...</mark>, an ellipsis where the passage
/// is cut.
std::string highlighted_html(const HighlightedText& text);

/// The highlighted text for a terminal: marked words between `on` and `off` (ANSI bold, or nothing).
std::string highlighted_plain(const HighlightedText& text, std::string_view on, std::string_view off);

}  // namespace gazette
