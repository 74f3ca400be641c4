/// @file
/// @brief ICU word segmentation over UTF-8 text; each word segment then goes through the token rules.
#include "gazette/analysis/icu_tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>

#include "gazette/analysis/ascii_tokenizer.hpp"
#include "gazette/core/error.hpp"
#include "gazette/core/utf8.hpp"

namespace gazette::detail {

IcuTokenizer::IcuTokenizer(bool fold_diacritics) : normalizer_(fold_diacritics) {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  text_ = utext_openUTF8(nullptr, "", 0, &status);
  if (U_FAILURE(status) || !words_ || !text_) {
    utext_close(text_);
    throw Error(ErrorCode::internal, std::string("ICU word break data unavailable: ") + u_errorName(status));
  }
}

IcuTokenizer::~IcuTokenizer() {
  words_.reset();  // the iterator refers to text_: release it first
  utext_close(text_);
}

void IcuTokenizer::tokenize(std::string_view text, bool unicode_rules_only, std::vector<Token>& out) {
  if (text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  text_ = utext_openUTF8(text_, text.data(), static_cast<std::int64_t>(text.size()), &status);
  words_->setText(text_, status);
  if (U_FAILURE(status)) return;

  const AsciiChars ascii_chars;
  const UnicodeChars unicode_chars;
  auto ascii_sink = [&out](std::string_view raw, std::uint32_t begin, std::uint32_t end) {
    emit_ascii_part(raw, begin, end, out);
  };
  auto unicode_sink = [this, &out](std::string_view raw, std::uint32_t begin, std::uint32_t end) {
    normalizer_.emit(raw, begin, end, out);
  };
  std::int32_t begin = words_->first();
  for (std::int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words_->next()) {
    if (words_->getRuleStatus() < UBRK_WORD_NUMBER) continue;  // spaces, punctuation, symbols, emoji
    const auto b = static_cast<std::uint32_t>(begin), e = static_cast<std::uint32_t>(end);
    if (!unicode_rules_only && is_ascii(text.substr(b, e - b)))
      split_segment(text, b, e, ascii_chars, raw_, ascii_sink);
    else
      split_segment(text, b, e, unicode_chars, raw_, unicode_sink);
  }
}

}  // namespace gazette::detail
