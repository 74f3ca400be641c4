/// @file
/// @brief The analyzer's general path: ICU word segmentation over UTF-8, then the token rules.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/utext.h>

#include <unicode/uversion.h>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/analysis/token_normalizer.hpp"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace gazette::detail {

/// Segments text with one ICU word BreakIterator, created once and reused. Not thread-safe.
class IcuTokenizer {
 public:
  /// @throws gazette::Error(internal) when ICU's break or normalisation data is missing.
  explicit IcuTokenizer(bool fold_diacritics);
  ~IcuTokenizer();
  IcuTokenizer(const IcuTokenizer&) = delete;
  IcuTokenizer& operator=(const IcuTokenizer&) = delete;

  /// Appends the tokens of text (under 2 GiB: ICU's offsets are int32_t) to out. ASCII segments take the
  /// ASCII token rules unless unicode_rules_only (the reference path for tests), which sends every segment
  /// through TokenNormalizer.
  void tokenize(std::string_view text, bool unicode_rules_only, std::vector<Token>& out);

 private:
  std::unique_ptr<icu::BreakIterator> words_;
  UText* text_ = nullptr;  ///< reused UTF-8 UText, so offsets are byte offsets
  TokenNormalizer normalizer_;
  std::string raw_;
};

}  // namespace gazette::detail
