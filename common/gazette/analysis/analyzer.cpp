/// @file
/// @brief The Analyzer: picks the ASCII fast path or the ICU path, and stems with Xapian.
#include "gazette/analysis/analyzer.hpp"

#include <algorithm>
#include <limits>

#include <xapian.h>

#include "gazette/analysis/ascii_tokenizer.hpp"
#include "gazette/analysis/icu_tokenizer.hpp"
#include "gazette/core/error.hpp"
#include "gazette/core/utf8.hpp"

namespace gazette {
namespace {

/// Bumped whenever a token rule changes: a database indexed with another version must be rebuilt.
constexpr int analyzer_version = 1;

/// ICU indexes UTF-8 text with int32_t: a longer text is analysed up to 2 GiB rather than rejected.
std::string_view analysable(std::string_view text) {
  return text.substr(0, std::min<std::size_t>(text.size(), std::numeric_limits<std::int32_t>::max()));
}

Xapian::Stem make_stemmer(const std::string& language) {
  try {
    return Xapian::Stem(language);
  } catch (const Xapian::InvalidArgumentError&) {
    throw Error(ErrorCode::usage, "unknown stemming language \"" + language + "\" (Xapian::Stem knows: " +
                                      Xapian::Stem::get_available_languages() + ", or none)");
  }
}

}  // namespace

std::string AnalyzerSettings::signature() const {
  return "gazette-analyzer/" + std::to_string(analyzer_version) + " language=" + language +
         " fold_diacritics=" + (fold_diacritics ? "1" : "0");
}

struct Analyzer::Impl {
  explicit Impl(AnalyzerSettings s)
      : settings(std::move(s)), stemmer(make_stemmer(settings.language)), icu(settings.fold_diacritics) {}

  AnalyzerSettings settings;
  Xapian::Stem stemmer;
  detail::IcuTokenizer icu;
  std::string raw;  ///< scratch for the ASCII path
};

Analyzer::Analyzer(AnalyzerSettings settings) : impl_(std::make_unique<Impl>(std::move(settings))) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const AnalyzerSettings& Analyzer::settings() const noexcept {
  return impl_->settings;
}

void Analyzer::tokenize(std::string_view text, std::vector<Token>& out) {
  text = analysable(text);
  if (is_ascii(text))
    detail::tokenize_ascii(text, impl_->raw, out);
  else
    impl_->icu.tokenize(text, false, out);
}

void Analyzer::tokenize_icu(std::string_view text, std::vector<Token>& out) {
  impl_->icu.tokenize(analysable(text), true, out);
}

std::string Analyzer::stem(std::string_view token) {
  return impl_->stemmer(std::string(token));
}

}  // namespace gazette
