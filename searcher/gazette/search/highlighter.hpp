/// @file
/// @brief Snippets: the best passage of a text for the query's terms, with the matching words marked.
///
/// Xapian's MSet::snippet tokenizes with Xapian's rules, not ours, and returns HTML; this highlighter uses
/// Gazette's own Analyzer, so what is marked is exactly what matched, and the spans serve every format.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/search/response.hpp"

namespace gazette {

/// Finds and marks passages. Uses an Analyzer: one per thread.
class Highlighter {
 public:
  explicit Highlighter(Analyzer& analyzer) : analyzer_(analyzer) {}

  /// The whole text with every word whose stem is in terms marked.
  HighlightedText mark(std::string_view text, const std::set<std::string>& terms);

  /// The window of at most `words` words with the most distinct query terms (then the most matches,
  /// then the earliest), cut at word boundaries, words marked. With no match: the opening words. A window of
  /// the lead (the first lead_bytes) that holds every query term is taken without reading the rest: news
  /// puts what matters first, and tokenizing whole long articles was most of a snippet's cost.
  HighlightedText best_passage(std::string_view text, const std::set<std::string>& terms, std::size_t words);

  static constexpr std::size_t lead_bytes = 1500;

 private:
  struct Window {
    std::size_t first = 0, last = 0;  ///< token indexes
    std::size_t distinct = 0;         ///< distinct query terms in it
  };
  /// The best window of `words` tokens of the analysed text.
  Window best_window(std::size_t terms, std::size_t words) const;

  /// Tokenizes text and flags the tokens whose stem is a query term.
  void analyse(std::string_view text, const std::set<std::string>& terms);
  HighlightedText cut(std::string_view text, std::size_t first, std::size_t last);

  Analyzer& analyzer_;
  std::vector<Token> tokens_;
  std::vector<int> term_of_token_;  // index of the matched term in terms, or -1
  // Stemming dominates snippet cost, and a page's texts (and the next query's) repeat their words.
  static constexpr std::size_t max_cached_stems = 100000;
  std::unordered_map<std::string, std::string> stems_;
};

}  // namespace gazette
