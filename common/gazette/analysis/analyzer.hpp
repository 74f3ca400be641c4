/// @file
/// @brief The text analyzer: ICU word segmentation and normalisation, then Xapian stemming.
///
/// The contract, which index and query share (rewrite_query_text() passes query words through the same
/// Analyzer, so query terms equal index terms):
///
/// Input is valid UTF-8 (the readers validate; invalid bytes only ever split words). Nothing throws on odd
/// text: control characters, NULs, a 10 MB line or text without letters just yield fewer tokens. Token
/// offsets are byte offsets into the original text, before any normalisation, for highlighting.
///
/// 1. Segmentation: ICU's word BreakIterator (root locale, UAX #29 plus ICU's rules: '@' is a letter, ':'
///    is no MidLetter, dictionaries for CJK and Thai). A segment whose rule status is a word (number,
///    letter, kana, ideograph: status >= UBRK_WORD_NUMBER) is kept, the rest is dropped. Pure-ASCII text is
///    segmented by a hand-written scanner that mirrors those rules for ASCII and yields identical tokens.
/// 2. Inside a segment, each character is content (letters, digits, marks, '_' and other connector
///    punctuation, default-ignorable characters) or one of the separators below, which decide how the
///    content runs on either side of it combine:
///    - apostrophe (' U+2018 U+2019 U+02BC U+FF07): removed, the runs join ("don't" -> "dont",
///      "O'Brien" -> "obrien", "1'000" -> "1000"); except that a final "'s" ending the segment is dropped
///      as a possessive ("Trump's" -> "trump", "White House’s" -> "white", "house").
///    - dot (. U+2024 U+FE52 U+FF0E): between two decimal digits it is kept ("5.93" -> "5.93",
///      "1.2.3"); between two single letters it is removed, which joins acronyms ("U.S." -> "us",
///      "U.S.A." -> "usa", "e.g." -> "eg"); anywhere else it splits ("www.example.com" -> "www",
///      "example", "com"; "Ph.D." -> "ph", "d"). The decimal point stays because Xapian's QueryParser
///      keeps "5.93" as one term (its digit infix rule), so the query term for "5.93" is the index term.
///    - thousands separator (, U+066C U+FE50 U+FF0C U+202F): removed after a digit when exactly three
///      digits follow ("1,750" -> "1750", "155,221" -> "155221", "1,750,000.5" -> "1750000.5"); anywhere
///      else it splits ("3,4" -> "3", "4").
///    - joiner inside a word (U+00B7 middle dot, U+0387, U+055F, U+05F4 gershayim, U+2027, and '"'
///      between Hebrew letters): removed ("col·lecció" -> "collecció").
///    - anything else in a segment (';', '@', symbols): splits ("john@example.com" -> "john", "example",
///      "com").
///    Hyphens, slashes and spaces never join words, so "well-known" -> "well", "known" and "U.S.-Russia"
///    -> "us", "russia".
/// 3. Each resulting part is normalised: NFKC with case folding (ICU "nfkc_cf": "ﬁnance" -> "finance",
///    "ＡＢＣ" -> "abc", "Straße" -> "strasse", soft hyphens vanish); when fold_diacritics, nonspacing
///    marks on Latin and Greek letters are removed (NFD, drop, NFC: "São" -> "sao", "Zürich" -> "zurich");
///    marks of other scripts spell letters (Cyrillic й, Devanagari vowel signs, Thai) and are kept.
///    Finally the part is split at any character that Xapian's QueryParser does not treat as a word
///    character (except a '.' between digits) and lower-cased with Xapian's own table, so that QueryParser
///    reads every token back as exactly one, identical term (pieces split only here, such as the four words
///    NFKC makes of the ligature U+FDFA, share the part's offsets).
/// 4. A token must contain a letter or a digit ("__" is dropped) and be at most max_token_bytes long
///    after normalisation; longer ones are dropped (so are parts over 16 times that before
///    normalisation, which nothing could shrink to a valid token in practice).
/// 5. stem() applies Xapian::Stem(settings.language) ("none": the token itself).
///
/// Change the rules only together with the version in AnalyzerSettings::signature().
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// One word of a text: its normalised (unstemmed) form and where it is in the original text.
struct Token {
  std::string text;     ///< normalised form: case-folded, NFKC, diacritics folded; never empty
  std::uint32_t begin;  ///< byte offset of the word's first byte in the analysed text
  std::uint32_t end;    ///< byte offset one past its last byte (a dropped possessive "'s" is outside)

  friend bool operator==(const Token&, const Token&) = default;
};

/// Settings fixed per database: recorded in its metadata, and the indexer refuses to mix them.
struct AnalyzerSettings {
  std::string language = "english";  ///< a Xapian::Stem language name, or "none"
  bool fold_diacritics = true;       ///< "São" is indexed as "sao"

  /// One line describing the settings and the analyzer version, compared on every write:
  /// "gazette-analyzer/1 language=english fold_diacritics=1".
  std::string signature() const;
};

/// Tokens longer than this many bytes after normalisation are dropped (Xapian refuses terms > 245 bytes).
inline constexpr std::size_t max_token_bytes = 64;

/// Tokenizes and stems text. Not thread-safe (ICU and Xapian objects inside): one Analyzer per thread.
/// A moved-from Analyzer may only be assigned to or destroyed.
class Analyzer {
 public:
  /// @throws gazette::Error(usage) for an unknown stemming language, (internal) when ICU data is missing.
  explicit Analyzer(AnalyzerSettings settings = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  /// The settings this analyzer was built with.
  const AnalyzerSettings& settings() const noexcept;

  /// Appends the tokens of text (valid UTF-8, under 2 GiB) to out, in order. Never throws on odd text.
  void tokenize(std::string_view text, std::vector<Token>& out);
  /// The reference path of tokenize(): ICU segmentation and Unicode normalisation for every segment, even
  /// in pure-ASCII text. Yields exactly what tokenize() yields, more slowly; for tests and benchmarks.
  void tokenize_icu(std::string_view text, std::vector<Token>& out);
  /// The index term for a normalised token (its stem).
  std::string stem(std::string_view token);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette
