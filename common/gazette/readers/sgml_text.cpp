/// @file
/// @brief Hand-written SGML reference decoding (the set Reuters-21578 uses; no library decodes SGML
/// references without a full SGML parser) and paragraph reflow.
#include "gazette/readers/sgml_text.hpp"

#include <array>
#include <cstring>
#include <utility>

#include "gazette/core/utf8.hpp"
#include "gazette/readers/reader_util.hpp"

namespace gazette {

namespace {

constexpr std::array<std::pair<std::string_view, char>, 5> named_references{{
    {"lt", '<'},
    {"gt", '>'},
    {"amp", '&'},
    {"quot", '"'},
    {"apos", '\''},
}};

constexpr bool is_dropped_control(unsigned code) noexcept {
  return (code < 0x20 && code != '\t' && code != '\n') || (code >= 0x7F && code <= 0x9F);
}

// A raw control byte (bytes >= 0x80 belong to UTF-8 sequences and are kept).
constexpr bool is_dropped_byte(unsigned char byte) noexcept {
  return (byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F;
}

void append_utf8(unsigned code, std::string& out) {
  if (code < 0x80) {
    out += char(code);
  } else if (code < 0x800) {
    out += char(0xC0 | (code >> 6));
    out += char(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += char(0xE0 | (code >> 12));
    out += char(0x80 | ((code >> 6) & 0x3F));
    out += char(0x80 | (code & 0x3F));
  } else {
    out += char(0xF0 | (code >> 18));
    out += char(0x80 | ((code >> 12) & 0x3F));
    out += char(0x80 | ((code >> 6) & 0x3F));
    out += char(0x80 | (code & 0x3F));
  }
}

// Decodes the reference at in[0] == '&' into out; returns its length, or 0 when it is not a reference.
std::size_t decode_reference(std::string_view in, std::string& out) {
  const std::size_t semicolon = in.find(';', 1);
  if (semicolon == std::string_view::npos || semicolon > 12) return 0;
  const std::string_view name = in.substr(1, semicolon - 1);
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    unsigned code = 0;
    for (const char c : digits) {
      unsigned d;
      if (c >= '0' && c <= '9')
        d = unsigned(c - '0');
      else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        d = unsigned((c | 0x20) - 'a' + 10);
      else
        return 0;
      code = code * (hex ? 16 : 10) + d;
      if (code > 0x10FFFF) return semicolon + 1;  // not a character: dropped
    }
    if (!is_dropped_control(code) && !(code >= 0xD800 && code <= 0xDFFF)) append_utf8(code, out);
    return semicolon + 1;
  }
  for (const auto& [entity, c] : named_references) {
    if (name == entity) {
      out += c;
      return semicolon + 1;
    }
  }
  return 0;
}

}  // namespace

void append_sgml_text(std::string_view in, std::string& out) {
  out.reserve(out.size() + in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    // Copy the run of ordinary bytes up to the next reference or control byte in one append.
    std::size_t j = i;
    while (j < in.size() && in[j] != '&' && !is_dropped_byte(static_cast<unsigned char>(in[j]))) ++j;
    out.append(in.data() + i, j - i);
    if (j == in.size()) break;
    if (in[j] != '&') {  // a control byte: dropped
      i = j + 1;
      continue;
    }
    const std::size_t length = decode_reference(in.substr(j), out);
    if (length == 0) out += '&';
    i = j + (length == 0 ? 1 : length);
  }
}

std::string latin1_fallback(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  while (!text.empty()) {
    const std::size_t bad = find_invalid_utf8(text);
    out.append(text.data(), bad);
    if (bad == text.size()) break;
    if (const auto byte = static_cast<unsigned char>(text[bad]); !is_dropped_control(byte))
      append_utf8(byte, out);
    text.remove_prefix(bad + 1);
  }
  return out;
}

void append_paragraphs(std::string_view text, std::string& out) {
  bool blank_before = true;  // the previous line was blank (or there was none)
  bool have_text = !out.empty();
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view raw = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    const std::string_view line = trim(raw);
    if (line.empty()) {
      blank_before = true;
      continue;
    }
    if (have_text) out += (blank_before || is_ascii_space(raw[0])) ? "\n\n" : " ";
    out += line;
    have_text = true;
    blank_before = false;
  }
}

}  // namespace gazette
