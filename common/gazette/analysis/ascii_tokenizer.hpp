/// @file
/// @brief The analyzer's fast path for pure-ASCII text: UAX #29 word segmentation by a byte scanner.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/analysis/segment_rules.hpp"

namespace gazette::detail {

/// Reads a pure-ASCII segment byte by byte for split_segment().
struct AsciiChars {
  /// The content run starting at pos.
  Run scan_run(std::string_view text, std::uint32_t pos, std::uint32_t end) const noexcept;
  /// The role of the separator byte at pos; its length is always 1.
  std::uint32_t role_at(std::string_view text, std::uint32_t pos, std::uint32_t end,
                        CharRole& role) const noexcept;
};

/// Appends to out the token for an ASCII part (lower-cased), unless it has no letter or digit or is too
/// long.
void emit_ascii_part(std::string_view raw, std::uint32_t begin, std::uint32_t end, std::vector<Token>& out);

/// Appends the tokens of pure-ASCII text to out: the same tokens and offsets as the ICU path gives.
/// raw is scratch space, reused between calls.
void tokenize_ascii(std::string_view text, std::string& raw, std::vector<Token>& out);

}  // namespace gazette::detail
