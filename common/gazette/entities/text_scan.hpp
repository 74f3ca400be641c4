/// @file
/// @brief Entity tokenizer (internal): words with case flags and folded lookup keys, and punctuation tokens.
///
/// Hand-written rather than the Analyzer's ICU BreakIterator: entity rules need what word segmentation drops
/// (capitalisation, sentence and line starts, commas, possessives, acronym dots) and must stay cheap per
/// token. Characters are classified with ICU's properties; non-ASCII keys are folded with ICU (NFD, marks
/// removed, case folded).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::entities {

/// What a token is.
enum class TokenKind : std::uint8_t {
  word,
  comma,
  period,      ///< a full stop, question or exclamation mark ending a sentence
  colon,       ///< ':' or ';'
  hyphen,      ///< '-' joining two words without spaces ("U.S.-Russia", "Jean-Claude")
  dash,        ///< a free-standing dash or hyphen
  possessive,  ///< "'s" or a bare "'" after an s
  open_paren,
  close_paren,
  quote,
  other,  ///< any other symbol (/, |, &, $, ...)
};

/// Flags of a token.
enum TokenFlag : std::uint16_t {
  tf_cap = 1 << 0,             ///< first letter upper or title case
  tf_upper = 1 << 1,           ///< every letter upper case (at least two letters, or one letter with dots)
  tf_lower = 1 << 2,           ///< first character a lower-case letter
  tf_digit_start = 1 << 3,     ///< starts with a digit
  tf_dotted = 1 << 4,          ///< contains or ends with an abbreviation dot ("U.S.", "Mr.")
  tf_sentence_start = 1 << 5,  ///< first word of a sentence
  tf_line_start = 1 << 6,    ///< first token of a line (after a blank line or an indent: wrapped lines join)
  tf_headline = 1 << 7,      ///< on a line written in capitals or title case: capitals say nothing
  tf_space_before = 1 << 8,  ///< white space precedes it
};

/// One token; key is the folded form used for lookups (words only).
struct ScanToken {
  std::uint32_t begin = 0, end = 0;           ///< byte range in the scanned text
  std::uint32_t key_begin = 0, key_size = 0;  ///< range of the folded key in the key arena
  TokenKind kind = TokenKind::word;
  std::uint16_t flags = 0;

  bool has(std::uint16_t f) const noexcept { return (flags & f) != 0; }
};

/// Appends the folded key of one word (lower case, accents and dots removed) to out.
void fold_word(std::string_view word, std::string& out);

/// Tokenizes text into tokens (appended) and folded keys (appended to keys). Marks sentence and line starts
/// and headline lines. Never throws on odd input beyond std::bad_alloc.
void scan_text(std::string_view text, std::vector<ScanToken>& tokens, std::string& keys);

}  // namespace gazette::entities
