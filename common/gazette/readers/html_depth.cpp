/// @file
/// @brief The tag-nesting pre-scan: a tokenizer that knows only tags, comments and raw-text elements.
#include "gazette/readers/html_depth.hpp"

#include <algorithm>
#include <array>

namespace gazette {

namespace {

constexpr bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr char lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}

// Void elements and elements whose end tag is optional: neither deepens Gumbo's tree when repeated.
constexpr std::array<std::string_view, 30> flat_elements{
    "area", "base",  "br",     "caption", "col",  "colgroup", "dd",     "dt",    "embed", "hr",
    "img",  "input", "li",     "link",    "meta", "optgroup", "option", "p",     "param", "rb",
    "rp",   "rt",    "source", "tbody",   "td",   "tfoot",    "th",     "thead", "tr",    "wbr"};

// Elements whose content is text up to their own end tag.
constexpr std::array<std::string_view, 8> raw_text_elements{"iframe", "noembed",  "noframes", "script",
                                                            "style",  "textarea", "title",    "xmp"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view name) noexcept {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// The end of the tag starting at `from` (one past its '>', honouring quoted attribute values), or npos.
std::size_t tag_end(std::string_view html, std::size_t from) noexcept {
  char quote = 0;
  for (std::size_t i = from; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// The position of "</name" (any case) at or after `from`, or npos.
std::size_t find_end_tag(std::string_view html, std::size_t from, std::string_view name) noexcept {
  for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (html.size() - i - 2 < name.size()) return std::string_view::npos;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k) same = lower(html[i + 2 + k]) == name[k];
    if (same) return i;
  }
  return std::string_view::npos;
}

// Attributes in a tag after its name, counted up to limit + 1 as Gumbo's tokenizer sees them (also in end
// tags): a name starts after white space, a '/' or a closing quote; what follows '=' is a value.
std::size_t attribute_count(std::string_view tag, std::size_t limit) noexcept {
  std::size_t count = 0;
  char quote = 0;
  bool separated = false, value_next = false;
  for (std::size_t i = 0; i < tag.size() && count <= limit; ++i) {
    const char c = tag[i];
    const bool quote_mark = c == '"' || c == '\'';
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
        separated = true;
      }
    } else if (c == ' ' || (c >= '\t' && c <= '\r') || (c == '/' && !value_next)) {
      separated = true;
    } else if (c == '=') {
      value_next = true;
      separated = false;
    } else {
      if (!value_next && separated) ++count;
      if (quote_mark) quote = c;
      value_next = false;
      separated = false;
    }
  }
  return count;
}

}  // namespace

std::size_t html_depth_cut(std::string_view html, std::size_t max_depth) noexcept {
  std::size_t depth = 0;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const std::size_t start = i;
    if (html.substr(i, 4) == "<!--") {
      const std::size_t close = html.find("-->", i + 4);
      if (close == std::string_view::npos) break;
      i = close + 3;
      continue;
    }
    const bool end_tag = i + 1 < html.size() && html[i + 1] == '/';
    const std::size_t name_start = i + (end_tag ? 2 : 1);
    if (name_start >= html.size() || !is_alpha(html[name_start])) {
      i = name_start;  // "<!doctype", "<?xml", or a literal '<': skip the bracket
      if (name_start < html.size() && (html[name_start] == '!' || html[name_start] == '?')) {
        i = tag_end(html, name_start);
        if (i == std::string_view::npos) break;
      }
      continue;
    }
    char name_buffer[16];
    std::size_t length = 0, k = name_start;
    for (; k < html.size() && (is_alpha(html[k]) || (html[k] >= '0' && html[k] <= '9') || html[k] == '-');
         ++k)
      if (length < sizeof name_buffer) name_buffer[length++] = lower(html[k]);
    const std::string_view name(name_buffer, length);
    const std::size_t end = tag_end(html, k);
    if (end == std::string_view::npos) break;
    if (attribute_count(html.substr(k, end - 1 - k), max_html_attributes) > max_html_attributes) return start;
    i = end;
    if (contains(flat_elements, name)) continue;
    if (end_tag) {
      depth -= depth > 0 ? 1 : 0;
      continue;
    }
    if (html[end - 2] == '/') continue;  // self-closing
    if (contains(raw_text_elements, name)) {
      const std::size_t close = find_end_tag(html, end, name);
      if (close == std::string_view::npos) break;
      i = tag_end(html, close);  // past the end tag, which must not count
      if (i == std::string_view::npos) break;
      continue;
    }
    if (++depth > max_depth) return start;
  }
  return html.size();
}

}  // namespace gazette
