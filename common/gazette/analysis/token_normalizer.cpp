/// @file
/// @brief Unicode code-point roles for the token rules, and normalisation of a part into tokens.
#include "gazette/analysis/token_normalizer.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <xapian.h>

#include "gazette/core/error.hpp"
#include "gazette/core/utf8.hpp"

namespace gazette::detail {
namespace {

using Xapian::Unicode::category;

category category_of(UChar32 c) noexcept {
  return c < 0 ? Xapian::Unicode::UNASSIGNED : Xapian::Unicode::get_category(static_cast<unsigned>(c));
}

bool is_digit(UChar32 c) noexcept {
  return category_of(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

bool is_letter(category cat) noexcept {
  return cat >= Xapian::Unicode::UPPERCASE_LETTER && cat <= Xapian::Unicode::OTHER_LETTER;
}

bool is_letter_or_number(category cat) noexcept {
  return is_letter(cat) ||
         (cat >= Xapian::Unicode::DECIMAL_DIGIT_NUMBER && cat <= Xapian::Unicode::OTHER_NUMBER);
}

bool is_mark_or_ignorable(UChar32 c) noexcept {
  const category cat = category_of(c);
  return (cat >= Xapian::Unicode::NON_SPACING_MARK && cat <= Xapian::Unicode::COMBINING_SPACING_MARK) ||
         u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

/// The role of a code point, derived from Unicode properties (the ASCII path has its own table; the
/// equality tests compare the two).
CharRole role_of(UChar32 c) noexcept {
  if (c < 0) return CharRole::split;  // an ill-formed byte
  switch (c) {
    case 0x0027:
    case 0x2018:  // left single quotation mark
    case 0x2019:  // right single quotation mark, the typographic apostrophe
    case 0x02BC:  // modifier letter apostrophe
    case 0xFF07:  // full-width apostrophe
      return CharRole::apostrophe;
    case 0x002E:
    case 0x2024:  // one dot leader
    case 0xFE52:  // small full stop
    case 0xFF0E:  // full-width full stop
      return CharRole::dot;
    case 0x002C:
    case 0x066C:  // Arabic thousands separator
    case 0xFE50:  // small comma
    case 0xFF0C:  // full-width comma
    case 0x202F:  // narrow no-break space ("10 000")
      return CharRole::thousands;
    case 0x0022:  // only inside a segment between Hebrew letters (UAX #29 WB7b/c)
    case 0x00B7:  // middle dot (Catalan l·l)
    case 0x0387:  // Greek ano teleia
    case 0x055F:  // Armenian abbreviation mark
    case 0x05F4:  // Hebrew gershayim
    case 0x2027:  // hyphenation point
      return CharRole::joiner;
    default:
      break;
  }
  // Xapian's notion of a word character, so that what stays in a token is what QueryParser keeps in a
  // term; ignorables (soft hyphen, joiners) stay too and vanish in NFKC + case folding.
  if (Xapian::Unicode::is_wordchar(static_cast<unsigned>(c)) ||
      u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
    return CharRole::content;
  return CharRole::split;
}

}  // namespace

Run UnicodeChars::scan_run(std::string_view text, std::uint32_t pos, std::uint32_t end) const noexcept {
  Run run;
  run.begin = run.end = pos;
  int leading_digits = 0;  // counted up to 4: a thousands group is exactly 3
  bool counting_digits = true, first = true, letter_then_marks = false;
  UChar32 last = -1;
  while (pos < end) {
    std::uint32_t next = pos;
    const UChar32 c = next_code_point(text, next, end);
    if (role_of(c) != CharRole::content) break;
    if (first) {
      run.starts_with_digit = is_digit(c);
      letter_then_marks = is_letter(category_of(c));
      first = false;
    } else if (letter_then_marks && !is_mark_or_ignorable(c)) {
      letter_then_marks = false;
    }
    if (counting_digits) {
      if (is_digit(c) && leading_digits < 4)
        ++leading_digits;
      else
        counting_digits = false;
    }
    last = c;
    pos = next;
  }
  run.end = pos;
  if (first) return run;
  run.ends_with_digit = is_digit(last);
  run.single_letter = letter_then_marks;
  run.thousands_group = leading_digits == 3;
  run.is_s = run.end - run.begin == 1 && (text[run.begin] | 0x20) == 's';
  return run;
}

std::uint32_t UnicodeChars::role_at(std::string_view text, std::uint32_t pos, std::uint32_t end,
                                    CharRole& role) const noexcept {
  std::uint32_t next = pos;
  role = role_of(next_code_point(text, next, end));
  return next - pos;
}

TokenNormalizer::TokenNormalizer(bool fold_diacritics) : fold_diacritics_(fold_diacritics) {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  nfd_ = icu::Normalizer2::getNFDInstance(status);
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status))
    throw Error(ErrorCode::internal,
                std::string("ICU normalisation data unavailable: ") + u_errorName(status));
}

void TokenNormalizer::emit(std::string_view raw, std::uint32_t begin, std::uint32_t end,
                           std::vector<Token>& out) {
  normalized_.clear();
  UErrorCode status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&normalized_);
  nfkc_cf_->normalizeUTF8(0, icu::StringPiece(raw.data(), static_cast<std::int32_t>(raw.size())), sink,
                          nullptr, status);
  if (U_FAILURE(status)) return;
  if (fold_diacritics_) fold_diacritics();

  // Split where QueryParser would end a term, and lower-case with Xapian's table (ICU's case folding maps
  // a few letters, such as Cherokee, to upper case), so QueryParser reads each token back unchanged.
  piece_.clear();
  bool has_letter_or_number = false;
  auto finish_piece = [&] {
    if (has_letter_or_number && piece_.size() <= max_token_bytes) out.push_back(Token{piece_, begin, end});
    piece_.clear();
    has_letter_or_number = false;
  };
  const auto n = static_cast<std::uint32_t>(normalized_.size());
  UChar32 prev = -1;
  for (std::uint32_t i = 0; i < n;) {
    const UChar32 c = next_code_point(normalized_, i, n);
    const category cat = category_of(c);
    if (c >= 0 && Xapian::Unicode::is_wordchar(static_cast<unsigned>(c))) {
      Xapian::Unicode::append_utf8(piece_, Xapian::Unicode::tolower(static_cast<unsigned>(c)));
      has_letter_or_number |= is_letter_or_number(cat);
    } else if (c == '.' && is_digit(prev) && i < n) {
      std::uint32_t after = i;
      if (is_digit(next_code_point(normalized_, after, n)))
        piece_ += '.';
      else
        finish_piece();
    } else {
      finish_piece();
    }
    prev = c;
  }
  finish_piece();
}

void TokenNormalizer::fold_diacritics() {
  if (is_ascii(normalized_)) return;
  UErrorCode status = U_ZERO_ERROR;
  decomposed_.clear();
  icu::StringByteSink<std::string> decomposed_sink(&decomposed_);
  nfd_->normalizeUTF8(0, icu::StringPiece(normalized_.data(), static_cast<std::int32_t>(normalized_.size())),
                      decomposed_sink, nullptr, status);
  if (U_FAILURE(status)) return;

  // Drop nonspacing marks on Latin and Greek letters only: there they are accents ("São"); in Cyrillic,
  // Indic, Thai or Hebrew text the marks spell distinct letters or vowels.
  piece_.clear();
  bool removed = false;
  UScriptCode base = USCRIPT_COMMON;
  const auto n = static_cast<std::uint32_t>(decomposed_.size());
  for (std::uint32_t i = 0; i < n;) {
    const std::uint32_t start = i;
    const UChar32 c = next_code_point(decomposed_, i, n);
    const auto type = static_cast<UCharCategory>(u_charType(c));
    if (type == U_NON_SPACING_MARK) {
      if (base == USCRIPT_LATIN || base == USCRIPT_GREEK) {
        removed = true;
        continue;
      }
    } else if (type != U_COMBINING_SPACING_MARK && type != U_ENCLOSING_MARK) {
      UErrorCode script_status = U_ZERO_ERROR;
      base = uscript_getScript(c, &script_status);
    }
    piece_.append(decomposed_, start, i - start);
  }
  if (!removed) return;
  normalized_.clear();
  icu::StringByteSink<std::string> composed_sink(&normalized_);
  nfc_->normalizeUTF8(0, icu::StringPiece(piece_.data(), static_cast<std::int32_t>(piece_.size())),
                      composed_sink, nullptr, status);
  if (U_FAILURE(status)) normalized_.clear();
}

}  // namespace gazette::detail
