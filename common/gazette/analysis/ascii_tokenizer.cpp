/// @file
/// @brief The ASCII fast path: a byte scanner that mirrors ICU's word rules for ASCII, then the token rules.
#include "gazette/analysis/ascii_tokenizer.hpp"

#include <array>

namespace gazette::detail {
namespace {

/// Word_Break classes of ASCII characters as ICU 72's root word rules see them.
enum class Wb : std::uint8_t {
  other,
  letter,       ///< ALetter: A-Z, a-z and '@' (ICU's rules add '@', for e-mail addresses)
  numeric,      ///< Numeric: 0-9
  extend_num,   ///< ExtendNumLet: '_'
  mid_num_let,  ///< MidNumLet and Single_Quote: '.' and '\'' (between letters or between digits)
  mid_num,      ///< MidNum: ',' and ';' (between digits only)
};

constexpr std::array<Wb, 256> make_wb_table() {
  std::array<Wb, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = Wb::letter;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = Wb::letter;
  table['@'] = Wb::letter;
  for (int c = '0'; c <= '9'; ++c) table[c] = Wb::numeric;
  table['_'] = Wb::extend_num;
  table['.'] = Wb::mid_num_let;
  table['\''] = Wb::mid_num_let;
  table[','] = Wb::mid_num;
  table[';'] = Wb::mid_num;
  return table;
}

constexpr std::array<CharRole, 256> make_role_table() {
  std::array<CharRole, 256> table{};
  table.fill(CharRole::split);
  for (int c = 'a'; c <= 'z'; ++c) table[c] = CharRole::content;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = CharRole::content;
  for (int c = '0'; c <= '9'; ++c) table[c] = CharRole::content;
  table['_'] = CharRole::content;
  table['\''] = CharRole::apostrophe;
  table['.'] = CharRole::dot;
  table[','] = CharRole::thousands;
  table['"'] = CharRole::joiner;  // only ever inside a segment between Hebrew letters, never in ASCII
  return table;
}

constexpr auto wb_table = make_wb_table();
constexpr auto role_table = make_role_table();

Wb wb(char c) noexcept {
  return wb_table[static_cast<unsigned char>(c)];
}
bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) noexcept {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}
bool is_word(Wb w) noexcept {
  return w == Wb::letter || w == Wb::numeric || w == Wb::extend_num;
}

/// End of the word segment that starts at pos (a letter, digit or '_'): UAX #29 WB5-WB13b for ASCII.
std::size_t segment_end(std::string_view text, std::size_t pos) noexcept {
  const std::size_t n = text.size();
  std::size_t i = pos + 1;
  while (i < n) {
    const Wb here = wb(text[i]);
    if (is_word(here)) {  // WB5, WB8-WB10, WB13a/b: letters, digits and '_' never break among themselves
      ++i;
      continue;
    }
    if (i + 1 >= n) break;
    const Wb before = wb(text[i - 1]), after = wb(text[i + 1]);
    const bool between_letters = before == Wb::letter && after == Wb::letter;   // WB6/WB7
    const bool between_digits = before == Wb::numeric && after == Wb::numeric;  // WB11/WB12
    if ((here == Wb::mid_num_let && (between_letters || between_digits)) ||
        (here == Wb::mid_num && between_digits)) {
      i += 2;
      continue;
    }
    break;
  }
  return i;
}

}  // namespace

Run AsciiChars::scan_run(std::string_view text, std::uint32_t pos, std::uint32_t end) const noexcept {
  Run run;
  run.begin = pos;
  while (pos < end && role_table[static_cast<unsigned char>(text[pos])] == CharRole::content) ++pos;
  run.end = pos;
  const std::uint32_t length = run.end - run.begin;
  if (length == 0) return run;
  const char* s = text.data() + run.begin;
  run.starts_with_digit = is_digit(s[0]);
  run.ends_with_digit = is_digit(s[length - 1]);
  run.single_letter = length == 1 && is_alpha(s[0]);
  run.thousands_group =
      length >= 3 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && (length == 3 || !is_digit(s[3]));
  run.is_s = length == 1 && (s[0] | 0x20) == 's';
  return run;
}

std::uint32_t AsciiChars::role_at(std::string_view text, std::uint32_t pos, std::uint32_t,
                                  CharRole& role) const noexcept {
  role = role_table[static_cast<unsigned char>(text[pos])];
  return 1;
}

void emit_ascii_part(std::string_view raw, std::uint32_t begin, std::uint32_t end, std::vector<Token>& out) {
  if (raw.size() > max_token_bytes) return;
  bool has_alnum = false;
  for (const char c : raw) has_alnum |= is_digit(c) || is_alpha(c);
  if (!has_alnum) return;
  Token& token = out.emplace_back(Token{std::string(raw), begin, end});
  for (char& c : token.text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
}

void tokenize_ascii(std::string_view text, std::string& raw, std::vector<Token>& out) {
  const AsciiChars chars;
  auto sink = [&out](std::string_view part, std::uint32_t begin, std::uint32_t end) {
    emit_ascii_part(part, begin, end, out);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word(wb(text[i]))) {
      ++i;
      continue;
    }
    const std::size_t end = segment_end(text, i);
    split_segment(text, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end), chars, raw, sink);
    i = end;
  }
}

}  // namespace gazette::detail
