/// @file
/// @brief The token rules inside one word segment, shared by the ASCII fast path and the ICU path.
///
/// One template runs the rules (apostrophes, acronym dots, decimals, thousands separators, joiners); the
/// two paths differ only in how they read characters (bytes or UTF-8 code points), so they cannot drift.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gazette/analysis/analyzer.hpp"

namespace gazette::detail {

/// What a character does inside a word segment (see analyzer.hpp for the rules).
enum class CharRole : std::uint8_t {
  content,     ///< part of a token: letters, digits, marks, connector punctuation, ignorables
  apostrophe,  ///< removed; a final 's after one is a possessive and dropped
  dot,         ///< kept between digits, removed between single letters, else a split
  thousands,   ///< removed after a digit before exactly three digits, else a split
  joiner,      ///< removed
  split,       ///< ends the current part
};

/// A maximal run of content characters inside a segment, with what the rules need to know about it.
struct Run {
  std::uint32_t begin = 0;         ///< byte offset of its first byte
  std::uint32_t end = 0;           ///< byte offset one past its last byte
  bool starts_with_digit = false;  ///< first character is a decimal digit
  bool ends_with_digit = false;    ///< last character is a decimal digit
  bool single_letter = false;      ///< one letter (plus marks or ignorables): an acronym letter
  bool thousands_group = false;    ///< starts with exactly three decimal digits
  bool is_s = false;               ///< exactly "s" or "S" (a possessive after an apostrophe)

  bool empty() const noexcept { return begin == end; }
};

/// Parts longer than this before normalisation are dropped unseen, so a 10 MB "word" costs no copy.
inline constexpr std::size_t max_raw_part_bytes = 16 * max_token_bytes;

/// Applies the token rules to the segment [begin, end) of text. Chars provides
/// `Run scan_run(text, pos, end)` (the content run starting at pos) and
/// `std::uint32_t role_at(text, pos, end, CharRole&)` (the role and byte length of the separator at pos).
/// Each part goes to sink(raw, part_begin, part_end): raw is its original bytes with removed separators
/// left out (and '.' for a kept decimal point), not yet normalised.
template <class Chars, class Sink>
void split_segment(std::string_view text, std::uint32_t begin, std::uint32_t end, const Chars& chars,
                   std::string& raw, Sink&& sink) {
  raw.clear();
  std::uint32_t part_begin = 0, part_end = 0;
  bool overlong = false;
  auto append = [&](std::string_view bytes, std::uint32_t first, std::uint32_t last) {
    if (bytes.empty()) return;
    if (raw.empty() && !overlong) part_begin = first;
    if (overlong || raw.size() + bytes.size() > max_raw_part_bytes)
      overlong = true;
    else
      raw.append(bytes);
    part_end = last;
  };
  auto append_run = [&](const Run& run) {
    append(text.substr(run.begin, run.end - run.begin), run.begin, run.end);
  };
  auto flush = [&] {
    if (!raw.empty() && !overlong) sink(std::string_view(raw), part_begin, part_end);
    raw.clear();
    overlong = false;
  };

  Run prev = chars.scan_run(text, begin, end);
  append_run(prev);
  std::uint32_t pos = prev.end;
  while (pos < end) {
    CharRole role = CharRole::split;
    const std::uint32_t length = chars.role_at(text, pos, end, role);
    const Run next = chars.scan_run(text, pos + length, end);
    pos = next.end;
    switch (role) {
      case CharRole::apostrophe:
        if (next.is_s && pos == end) break;  // possessive: drop the 's
        append_run(next);
        break;
      case CharRole::dot:
        if (prev.ends_with_digit && next.starts_with_digit) {
          append(".", next.begin, next.begin);  // a decimal point, kept as QueryParser keeps it
          append_run(next);
        } else if (prev.single_letter && next.single_letter) {
          append_run(next);  // acronym: U.S.A.
        } else {
          flush();
          append_run(next);
        }
        break;
      case CharRole::thousands:
        if (!(prev.ends_with_digit && next.thousands_group)) flush();
        append_run(next);
        break;
      case CharRole::joiner:
        append_run(next);
        break;
      case CharRole::content:  // role_at never reports content; treated as a split for safety
      case CharRole::split:
        flush();
        append_run(next);
        break;
    }
    prev = next;
  }
  flush();
}

}  // namespace gazette::detail
