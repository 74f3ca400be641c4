/// @file
/// @brief HTML escaping and highlight markup.
#include "gazette/search/markup.hpp"

namespace gazette {

namespace {
constexpr std::string_view ellipsis = "\u2026";

/// Writes text with its highlights wrapped, each piece passed through `escape`.
template <typename Escape>
std::string wrap(const HighlightedText& t, std::string_view on, std::string_view off, Escape escape) {
  std::string out;
  out.reserve(t.text.size() + t.highlights.size() * (on.size() + off.size()) + 8);
  if (t.starts_inside) out.append(ellipsis);
  std::size_t at = 0;
  for (const Span& span : t.highlights) {
    out.append(escape(std::string_view(t.text).substr(at, span.begin - at)));
    out.append(on)
        .append(escape(std::string_view(t.text).substr(span.begin, span.end - span.begin)))
        .append(off);
    at = span.end;
  }
  out.append(escape(std::string_view(t.text).substr(at)));
  if (t.ends_inside) out.append(ellipsis);
  return out;
}
}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string highlighted_html(const HighlightedText& text) {
  return wrap(text, "<mark>", "</mark>", escape_html);
}

std::string highlighted_plain(const HighlightedText& text, std::string_view on, std::string_view off) {
  return wrap(text, on, off, [](std::string_view s) { return std::string(s); });
}

}  // namespace gazette
