/// @file
/// @brief schema::canonical_filter_value: the one canonical form of boolean filter values.
#include <string>
#include <string_view>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "gazette/schema/schema.hpp"

namespace gazette::schema {
namespace {

/// NFD, nonspacing marks on Latin and Greek letters dropped, NFC: the analyzer's diacritic folding, so a
/// place filter and the words of the text fold the same way ("São Paulo" -> "sao paulo").
std::string fold_diacritics(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string decomposed;
  icu::StringByteSink<std::string> decomposed_sink(&decomposed);
  if (U_SUCCESS(status)) nfd->normalizeUTF8(0, text, decomposed_sink, nullptr, status);
  if (U_FAILURE(status)) return text;

  std::string stripped;
  UScriptCode base = USCRIPT_COMMON;
  const auto* s = reinterpret_cast<const std::uint8_t*>(decomposed.data());
  const auto n = static_cast<std::int32_t>(decomposed.size());
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const auto type = static_cast<UCharCategory>(u_charType(c));
    if (type == U_NON_SPACING_MARK) {
      if (base == USCRIPT_LATIN || base == USCRIPT_GREEK) continue;
    } else if (type != U_COMBINING_SPACING_MARK && type != U_ENCLOSING_MARK) {
      UErrorCode script_status = U_ZERO_ERROR;
      base = uscript_getScript(c, &script_status);
    }
    stripped.append(decomposed, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
  }
  std::string composed;
  icu::StringByteSink<std::string> composed_sink(&composed);
  nfc->normalizeUTF8(0, stripped, composed_sink, nullptr, status);
  return U_SUCCESS(status) ? composed : stripped;
}

}  // namespace

std::string canonical_filter_value(std::string_view value) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string folded;
  icu::StringByteSink<std::string> sink(&folded);
  if (U_SUCCESS(status))
    nfkc_cf->normalizeUTF8(0, icu::StringPiece(value.data(), static_cast<std::int32_t>(value.size())), sink,
                           nullptr, status);
  if (U_FAILURE(status)) folded.assign(value);  // only without ICU data; still trimmed below
  folded = fold_diacritics(folded);

  // Collapse whitespace (and control characters) to single spaces, trim, and write curly apostrophes as
  // ASCII ones so "O’Brien" and "O'Brien" are one author.
  std::string out;
  bool pending_space = false;
  const auto* s = reinterpret_cast<const std::uint8_t*>(folded.data());
  const auto n = static_cast<std::int32_t>(folded.size());
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && (u_isUWhiteSpace(c) || u_iscntrl(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (c == 0x2018 || c == 0x2019 || c == 0x02BC)
      out += '\'';
    else
      out.append(folded, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
  }
  return out;
}

}  // namespace gazette::schema
