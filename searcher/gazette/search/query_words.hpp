/// @file
/// @brief The free-text words of a query string, where query help (synonyms, spelling) may change them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gazette/analysis/analyzer.hpp"

namespace gazette {

/// A word of the query's free text: its analyzer form and its bytes in the query.
struct QueryWord {
  std::string text;  ///< analyzer form ("cocoa")
  std::size_t begin = 0, end = 0;
  bool follows_word = false;  ///< only spaces or word-joining punctuation since the previous free word
};

/// The words of a query that are free text: not inside "quoted phrases", not a field name or value
/// (`source:x`), not an operator (AND, OR, NOT, XOR, NEAR, ADJ), not signed (+x, -x), not a wildcard (x*).
std::vector<QueryWord> free_query_words(std::string_view query, Analyzer& analyzer);

}  // namespace gazette
