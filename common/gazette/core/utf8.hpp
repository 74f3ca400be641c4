/// @file
/// @brief UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
#pragma once

#include <cstddef>
#include <string_view>

namespace gazette {

/// Byte offset of the first invalid UTF-8 sequence in text, or text.size() when all of it is valid.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

/// True when text is entirely valid UTF-8.
inline bool is_valid_utf8(std::string_view text) noexcept {
  return find_invalid_utf8(text) == text.size();
}

/// True when every byte is below 0x80 (the analyzer's fast path).
bool is_ascii(std::string_view text) noexcept;

}  // namespace gazette
