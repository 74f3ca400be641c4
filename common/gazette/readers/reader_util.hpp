/// @file
/// @brief Small text helpers the readers share: trimming, blank tests, locations and rejection reasons.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette {

/// Bytes of an oversized record kept in its Rejection::raw.
inline constexpr std::size_t max_raw_bytes = 4096;

/// True for the ASCII white-space bytes (space, \t, \n, \v, \f, \r).
constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/// text without leading and trailing ASCII white space.
std::string_view trim(std::string_view text) noexcept;

/// Removes leading and trailing ASCII white space from text.
void trim_in_place(std::string& text);

/// True when text holds nothing but white space: ASCII, Unicode White_Space (no-break, em, ideographic
/// spaces...), zero-width space and byte-order marks. text must be valid UTF-8.
bool is_blank(std::string_view text) noexcept;

/// text trimmed, with every run of ASCII white space replaced by one space.
std::string collapse_spaces(std::string_view text);

/// Case-insensitive ASCII equality.
bool iequals_ascii(std::string_view a, std::string_view b) noexcept;

/// "name:line".
std::string located(std::string_view name, std::size_t line);

/// "64 MiB", "4 KiB" or "100 bytes".
std::string describe_size(std::size_t bytes);

/// The reason for a record over the limit: "record larger than 64 MiB".
std::string oversized_reason(std::size_t max_record_bytes);

/// The first max_raw_bytes of an oversized record, cut at a UTF-8 character boundary.
std::string truncate_raw(std::string_view record);

/// A language tag as an ISO 639-1 code: "en", "EN", "en-US" and "en_GB" give "en"; "" when the tag does not
/// start with a two-letter code.
std::string normalize_language(std::string_view tag);

}  // namespace gazette
