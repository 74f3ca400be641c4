/// @file
/// @brief The Unicode side of the token rules: code-point roles, and NFKC + case folding + diacritic folding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/analysis/segment_rules.hpp"

#include <unicode/utf8.h>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace gazette::detail {

/// The code point at pos in text[..end), advancing pos past it; negative for an ill-formed sequence.
inline UChar32 next_code_point(std::string_view text, std::uint32_t& pos, std::uint32_t end) noexcept {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  UChar32 c;
  U8_NEXT(s, pos, end, c);
  return c;
}

/// Reads a UTF-8 segment code point by code point for split_segment().
struct UnicodeChars {
  /// The content run starting at pos.
  Run scan_run(std::string_view text, std::uint32_t pos, std::uint32_t end) const noexcept;
  /// The role of the separator at pos and its length in bytes.
  std::uint32_t role_at(std::string_view text, std::uint32_t pos, std::uint32_t end,
                        CharRole& role) const noexcept;
};

/// Turns a raw part into tokens: NFKC + case folding, optional diacritic folding, then a split at
/// characters QueryParser would not keep in a term. Holds reusable buffers: one per Analyzer.
class TokenNormalizer {
 public:
  /// @throws gazette::Error(internal) when ICU's normalisation data is missing.
  explicit TokenNormalizer(bool fold_diacritics);

  /// Appends to out the tokens of one raw part found at [begin, end) of the original text.
  void emit(std::string_view raw, std::uint32_t begin, std::uint32_t end, std::vector<Token>& out);

 private:
  void fold_diacritics();

  const icu::Normalizer2* nfkc_cf_;
  const icu::Normalizer2* nfd_;
  const icu::Normalizer2* nfc_;
  bool fold_diacritics_;
  std::string normalized_;  ///< the part after NFKC + case folding (+ diacritic folding)
  std::string decomposed_;  ///< NFD of normalized_ while folding diacritics
  std::string piece_;       ///< the token being built; also the stripped text while folding
};

}  // namespace gazette::detail
