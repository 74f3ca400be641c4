/// @file
/// @brief A linear pre-scan of HTML tag nesting, so that Gumbo never sees an element tree deeper than a
/// bound.
///
/// Gumbo 0.10.1 has no depth limit and its cost grows faster than the input with nesting (10,000 nested
/// divs: 1.9 s and 788 MB; 100,000: 24 GB). Real pages nest a few dozen levels, so the reader parses only the
/// prefix of a page before the first tag that would open level max_html_depth + 1. It also stops before a tag
/// with more than max_html_attributes attributes: Gumbo checks each attribute against the tag's earlier ones
/// (100,000 attributes in one tag: 18 s).
#pragma once

#include <cstddef>
#include <string_view>

namespace gazette {

/// Nesting depth at which the HTML reader cuts a page.
inline constexpr std::size_t max_html_depth = 512;

/// Attributes of one tag at which the HTML reader cuts a page (real pages use a few dozen at most).
inline constexpr std::size_t max_html_attributes = 256;

/// The length of the longest prefix of `html` whose elements nest at most max_depth deep, cut just before the
/// start tag that would go deeper, or before a tag with more than max_html_attributes attributes
/// (html.size() when none does). Counts start and end tags outside comments,
/// doctypes and raw-text elements (script, style, textarea, title...); void elements (br, img, meta...),
/// self-closing tags and elements whose end tag is optional (p, li, td...) do not count, so the depth is an
/// upper bound of Gumbo's for well-formed nesting. Linear time, no allocation; never throws.
std::size_t html_depth_cut(std::string_view html, std::size_t max_depth = max_html_depth) noexcept;

}  // namespace gazette
