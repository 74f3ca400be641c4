/// @file
/// @brief Entity tokenizer: words with case flags and folded keys, punctuation, sentence and headline marks.
#include "gazette/entities/text_scan.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <limits>

namespace gazette::entities {
namespace {

constexpr UChar32 right_single_quote = 0x2019;

/// Lower-case abbreviations that keep their trailing dot ("Mr.", "Inc.", "Jan.").
constexpr std::array<std::string_view, 40> abbreviations = {
    "mr",  "mrs",  "ms",  "dr",  "st",  "jr",   "sr",  "inc", "corp", "co",  "ltd", "gen", "gov", "sen",
    "rep", "prof", "rev", "col", "lt",  "capt", "adm", "sgt", "mt",   "ft",  "no",  "vs",  "cos", "bros",
    "jan", "feb",  "mar", "apr", "jun", "jul",  "aug", "sep", "sept", "oct", "nov", "dec"};

bool is_abbreviation(std::string_view key) {
  for (std::string_view a : abbreviations)
    if (a == key) return true;
  return false;
}

struct CodePoint {
  UChar32 c;  ///< the code point, or -1 for an invalid sequence
  int size;   ///< bytes it takes
};

CodePoint decode(std::string_view text, std::size_t pos) {
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return {b, 1};
  std::int32_t i = static_cast<std::int32_t>(pos);
  const auto length = static_cast<std::int32_t>(
      std::min<std::size_t>(text.size(), static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())));
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), i, length, c);
  return {c, static_cast<int>(i - static_cast<std::int32_t>(pos))};
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c < 0) return false;
  if (u_isUAlphabetic(c) || u_isdigit(c)) return true;
  const auto type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool is_upper(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c) || u_istitle(c);
}

bool is_lower(UChar32 c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(c);
}

bool is_letter(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return c > 0 && u_isUAlphabetic(c);
}

bool is_space(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) return c <= 0x20 || c == 0x7F;
  return c == 0xA0 || u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR || u_charType(c) == U_FORMAT_CHAR;
}

TokenKind punct_kind(UChar32 c) {
  switch (c) {
    case ',':
      return TokenKind::comma;
    case '.':
    case '!':
    case '?':
    case 0x2026:
      return TokenKind::period;
    case ':':
    case ';':
      return TokenKind::colon;
    case '-':
    case 0x2013:
    case 0x2014:
    case 0x2012:
    case 0x2015:
      return TokenKind::dash;
    case '(':
    case '[':
    case '{':
      return TokenKind::open_paren;
    case ')':
    case ']':
    case '}':
      return TokenKind::close_paren;
    case '"':
    case '\'':
    case 0x201C:
    case 0x201D:
    case 0x2018:
    case right_single_quote:
    case 0xAB:
    case 0xBB:
      return TokenKind::quote;
    default:
      return TokenKind::other;
  }
}

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<ScanToken>& tokens, std::string& keys)
      : text_(text), tokens_(tokens), keys_(keys), first_(tokens.size()) {}

  void run() {
    std::size_t pos = 0;
    while (pos < text_.size()) {
      const CodePoint cp = decode(text_, pos);
      if (cp.c == '\n' || cp.c == 0x2028 || cp.c == 0x2029) {
        // A newline followed by a blank line or an indent breaks the line; one followed directly by text is
        // a wrapped line (newswire text is wrapped at about 70 columns) and counts as a space.
        pos += static_cast<std::size_t>(cp.size);
        const char next = pos < text_.size() ? text_[pos] : '\n';
        if (cp.c != '\n' || next == '\n' || next == '\r' || next == ' ' || next == '\t') line_start_ = true;
        space_ = true;
      } else if (is_space(cp.c) || cp.c < 0) {
        space_ = true;
        pos += static_cast<std::size_t>(cp.size);
      } else if (is_word_char(cp.c)) {
        pos = scan_word(pos);
      } else {
        pos = scan_punct(pos, cp);
      }
    }
    mark_headlines();
  }

 private:
  std::uint16_t take_position_flags() {
    std::uint16_t flags = 0;
    if (line_start_) flags |= tf_line_start;
    if (space_) flags |= tf_space_before;
    line_start_ = false;
    space_ = false;
    return flags;
  }

  void push(std::size_t begin, std::size_t end, TokenKind kind, std::uint16_t flags) {
    ScanToken t;
    t.begin = static_cast<std::uint32_t>(begin);
    t.end = static_cast<std::uint32_t>(end);
    t.kind = kind;
    t.flags = flags;
    t.key_begin = static_cast<std::uint32_t>(keys_.size());
    tokens_.push_back(t);
  }

  std::size_t scan_punct(std::size_t pos, CodePoint cp) {
    TokenKind kind = punct_kind(cp.c);
    const std::size_t end = pos + static_cast<std::size_t>(cp.size);
    const bool after_word = !space_ && tokens_.size() > first_ && tokens_.back().kind == TokenKind::word;
    if (kind == TokenKind::dash && cp.c == '-' && after_word && end < text_.size() &&
        is_word_char(decode(text_, end).c)) {
      kind = TokenKind::hyphen;
    } else if ((cp.c == '\'' || cp.c == right_single_quote) && after_word) {
      // "Francis' ..." : a bare apostrophe after a word ending in s is a possessive.
      const char last = text_[tokens_.back().end - 1];
      if ((last == 's' || last == 'S') && (end >= text_.size() || !is_word_char(decode(text_, end).c)))
        kind = TokenKind::possessive;
    }
    std::uint16_t flags = take_position_flags();
    push(pos, end, kind, flags);
    if (kind == TokenKind::period || kind == TokenKind::colon) sentence_pending_ = true;
    return end;
  }

  std::size_t scan_word(std::size_t begin) {
    std::uint16_t flags = take_position_flags();
    if (flags & tf_line_start) sentence_pending_ = true;
    std::size_t pos = begin;
    int letters = 0, uppers = 0, segment_letters = 0;
    bool dotted = false, first = true;
    while (pos < text_.size()) {
      const CodePoint cp = decode(text_, pos);
      if (is_word_char(cp.c)) {
        if (first) {
          if (is_upper(cp.c))
            flags |= tf_cap;
          else if (is_lower(cp.c))
            flags |= tf_lower;
          else if (!is_letter(cp.c))
            flags |= tf_digit_start;
          first = false;
        }
        if (is_letter(cp.c)) {
          ++letters;
          ++segment_letters;
          if (is_upper(cp.c)) ++uppers;
        }
        pos += static_cast<std::size_t>(cp.size);
        continue;
      }
      if ((cp.c == '\'' || cp.c == right_single_quote) &&
          pos + static_cast<std::size_t>(cp.size) < text_.size()) {
        const std::size_t next = pos + static_cast<std::size_t>(cp.size);
        const CodePoint after = decode(text_, next);
        if (!is_word_char(after.c)) break;
        const bool s_end = (after.c == 's' || after.c == 'S') &&
                           (next + 1 >= text_.size() || !is_word_char(decode(text_, next + 1).c));
        if (s_end) break;  // possessive 's: a token of its own
        pos = next;        // O'Brien, d'Ivoire
        continue;
      }
      if (cp.c == '.' && segment_letters == 1 && pos + 1 < text_.size() &&
          is_letter(decode(text_, pos + 1).c) &&
          (pos + 2 >= text_.size() || !is_word_char(decode(text_, pos + 2).c) || text_[pos + 2] == '.')) {
        dotted = true;  // U.S., N.Y.: single letters joined by dots
        segment_letters = 0;
        ++pos;
        continue;
      }
      break;
    }
    std::size_t end = pos;
    const std::size_t key_begin = keys_.size();
    fold_word(text_.substr(begin, end - begin), keys_);
    if (end < text_.size() && text_[end] == '.') {
      const std::string_view key(keys_.data() + key_begin, keys_.size() - key_begin);
      const bool initial = letters == 1 && uppers == 1 && end - begin == 1;
      const bool short_cap_before_comma =
          (flags & tf_cap) && letters <= 5 && end + 1 < text_.size() && text_[end + 1] == ',';
      if (dotted || initial || is_abbreviation(key) || short_cap_before_comma) {
        dotted = true;
        ++end;
      }
    }
    if (dotted) flags |= tf_dotted;
    if (letters >= 2 && uppers == letters) flags |= tf_upper;
    if (dotted && uppers == letters && letters >= 2) flags |= tf_upper;
    if (sentence_pending_) flags |= tf_sentence_start;
    sentence_pending_ = false;
    ScanToken t;
    t.begin = static_cast<std::uint32_t>(begin);
    t.end = static_cast<std::uint32_t>(end);
    t.kind = TokenKind::word;
    t.flags = flags;
    t.key_begin = static_cast<std::uint32_t>(key_begin);
    t.key_size = static_cast<std::uint32_t>(keys_.size() - key_begin);
    tokens_.push_back(t);
    return end;
  }

  /// Lines in capitals, or in title case without a closing full stop, are headlines: capitals mean nothing.
  void mark_headlines() {
    std::size_t line = first_;
    while (line < tokens_.size()) {
      std::size_t next = line + 1;
      while (next < tokens_.size() && !tokens_[next].has(tf_line_start)) ++next;
      int words = 0, upper = 0, cap = 0, lower = 0;
      for (std::size_t i = line; i < next; ++i) {
        const ScanToken& t = tokens_[i];
        if (t.kind != TokenKind::word || t.has(tf_digit_start)) continue;
        ++words;
        if (t.has(tf_upper)) ++upper;
        if (t.has(tf_cap)) ++cap;
        if (t.has(tf_lower)) ++lower;
      }
      const bool ends_sentence = tokens_[next - 1].kind == TokenKind::period;
      const bool capitals = words >= 2 && lower == 0 && upper * 4 >= words * 3;
      const bool title_case = words >= 3 && !ends_sentence && cap * 5 >= words * 4;
      if (capitals || title_case)
        for (std::size_t i = line; i < next; ++i) tokens_[i].flags |= tf_headline;
      line = next;
    }
  }

  std::string_view text_;
  std::vector<ScanToken>& tokens_;
  std::string& keys_;
  std::size_t first_;
  bool line_start_ = true;
  bool space_ = true;
  bool sentence_pending_ = true;
};

}  // namespace

void fold_word(std::string_view word, std::string& out) {
  bool ascii = true;
  for (char ch : word) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    for (char ch : word) {
      if (ch == '.') continue;
      out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
    }
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<std::int32_t>(word.size())));
  icu::UnicodeString decomposed;
  if (nfd != nullptr && U_SUCCESS(status)) decomposed = nfd->normalize(source, status);
  if (U_FAILURE(status)) decomposed = source;
  icu::UnicodeString kept;
  for (std::int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (c == '.' || u_charType(c) == U_NON_SPACING_MARK) continue;
    kept.append(c == right_single_quote ? UChar32{'\''} : c);
  }
  kept.foldCase();
  kept.toUTF8String(out);
}

void scan_text(std::string_view text, std::vector<ScanToken>& tokens, std::string& keys) {
  // Offsets are 32-bit: text beyond 4 GiB is not scanned.
  if (text.size() > std::numeric_limits<std::uint32_t>::max())
    text = text.substr(0, std::numeric_limits<std::uint32_t>::max());
  Scanner(text, tokens, keys).run();
}

}  // namespace gazette::entities
