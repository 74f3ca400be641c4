/// @file
/// @brief Text helpers shared by the readers.
#include "gazette/readers/reader_util.hpp"

namespace gazette {

namespace {

constexpr char lower_ascii(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}
constexpr bool is_alpha_ascii(char c) noexcept {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
constexpr bool is_alnum_ascii(char c) noexcept {
  return is_alpha_ascii(c) || (c >= '0' && c <= '9');
}

// Length of the Unicode space character (White_Space, U+200B or U+FEFF) at text[i], 0 when there is none.
std::size_t unicode_space_length(std::string_view text, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  const unsigned b0 = byte(i), b1 = byte(i + 1), b2 = byte(i + 2);
  if (b0 == 0xC2 && (b1 == 0x85 || b1 == 0xA0)) return 2;  // U+0085, U+00A0
  if (b0 == 0xE1 && b1 == 0x9A && b2 == 0x80) return 3;    // U+1680
  if (b0 == 0xE2 && b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8B) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF))
    return 3;                                            // U+2000..200B, 2028/9, 202F
  if (b0 == 0xE2 && b1 == 0x81 && b2 == 0x9F) return 3;  // U+205F
  if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3;  // U+3000
  if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return 3;  // U+FEFF
  return 0;
}

}  // namespace

std::string_view trim(std::string_view text) noexcept {
  std::size_t b = 0, e = text.size();
  while (b < e && is_ascii_space(text[b])) ++b;
  while (e > b && is_ascii_space(text[e - 1])) --e;
  return text.substr(b, e - b);
}

void trim_in_place(std::string& text) {
  const std::string_view kept = trim(text);
  if (kept.size() == text.size()) return;
  const std::size_t offset = std::size_t(kept.data() - text.data());
  text.erase(offset + kept.size());
  text.erase(0, offset);
}

bool is_blank(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    if (is_ascii_space(text[i])) {
      ++i;
    } else if (const std::size_t n = unicode_space_length(text, i)) {
      i += n;
    } else {
      return false;
    }
  }
  return true;
}

bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  return true;
}

std::string located(std::string_view name, std::size_t line) {
  std::string out(name);
  out += ':';
  out += std::to_string(line);
  return out;
}

std::string describe_size(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string oversized_reason(std::size_t max_record_bytes) {
  return "record larger than " + describe_size(max_record_bytes);
}

std::string truncate_raw(std::string_view record) {
  if (record.size() <= max_raw_bytes) return std::string(record);
  std::size_t n = max_raw_bytes;
  // Step back over at most three continuation bytes so a multi-byte character is not split.
  for (int k = 0; k < 3 && n > 0 && (static_cast<unsigned char>(record[n]) & 0xC0) == 0x80; ++k) --n;
  return std::string(record.substr(0, n));
}

std::string normalize_language(std::string_view tag) {
  tag = trim(tag);
  if (tag.size() < 2 || !is_alpha_ascii(tag[0]) || !is_alpha_ascii(tag[1])) return {};
  // Subtags after the code: [-_] then 1..8 letters or digits, as in BCP 47.
  for (std::size_t i = 2; i < tag.size();) {
    if (tag[i] != '-' && tag[i] != '_') return {};
    std::size_t j = i + 1;
    while (j < tag.size() && is_alnum_ascii(tag[j])) ++j;
    if (j == i + 1 || j - i - 1 > 8) return {};
    i = j;
  }
  return {lower_ascii(tag[0]), lower_ascii(tag[1])};
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : trim(text)) {
    if (is_ascii_space(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace gazette
