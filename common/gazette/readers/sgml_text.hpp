/// @file
/// @brief SGML character data: reference decoding and the whitespace layouts of Reuters-21578 text.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

/// Appends the character data in to out, decoding &lt; &gt; &amp; &quot; &apos; and numeric references
/// (&#N; &#xN;, as UTF-8) and dropping control characters (&#3;, &#127;, raw C0/C1 bytes except \t and
/// \n). Unknown named references are kept as written.
void append_sgml_text(std::string_view in, std::string& out);

/// text with every byte that is not part of a valid UTF-8 sequence read as ISO-8859-1 (the SGML default
/// character set), so a stray byte in old SGML yields a character instead of a rejection; C1 controls
/// (0x80-0x9F) are dropped.
std::string latin1_fallback(std::string_view text);

/// Appends wire-service text that is hard-wrapped at a fixed width as paragraphs: a line that is indented
/// or follows a blank line starts a paragraph, other lines continue the previous one. Lines are trimmed;
/// paragraphs are separated by "\n\n", lines inside one joined by a space.
void append_paragraphs(std::string_view text, std::string& out);

}  // namespace gazette
