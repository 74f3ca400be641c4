/// @file
/// @brief The text analyzer: ICU normalisation and word segmentation, then Xapian stemming.
///
/// Pipeline for a text: NFKC + case folding, word segmentation with an ICU BreakIterator (or an ASCII fast
/// path that yields identical tokens), token normalisation (diacritics folded, acronym dots and thousands
/// separators removed, possessive 's dropped, apostrophes removed), then Xapian::Stem on each token.
/// Index and query use the same Analyzer, so their terms agree.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// One word of a text: its normalised (unstemmed) form and where it is in the original text.
struct Token {
  std::string text;    ///< normalised form: case-folded, NFKC, diacritics folded; never empty
  std::uint32_t begin; ///< byte offset of the word's first byte in the analysed text
  std::uint32_t end;   ///< byte offset one past its last byte
};

/// Settings fixed per database: recorded in its metadata, and the indexer refuses to mix them.
struct AnalyzerSettings {
  std::string language = "english";  ///< a Xapian::Stem language name, or "none"
  bool fold_diacritics = true;       ///< "São" is indexed as "sao"

  /// One line describing the settings and the analyzer version, compared on every write.
  std::string signature() const;
};

/// Tokens longer than this many bytes after normalisation are dropped (Xapian refuses terms > 245 bytes).
inline constexpr std::size_t max_token_bytes = 64;

/// Tokenizes and stems text. Not thread-safe (ICU and Xapian objects inside): one Analyzer per thread.
class Analyzer {
 public:
  /// @throws gazette::Error(usage) for an unknown stemming language.
  explicit Analyzer(AnalyzerSettings settings = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  const AnalyzerSettings& settings() const noexcept;

  /// Appends the tokens of text (valid UTF-8) to out, in order. Never throws on odd text.
  void tokenize(std::string_view text, std::vector<Token>& out);
  /// The index term for a normalised token (its stem).
  std::string stem(std::string_view token);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette
