/// @file
/// @brief free_query_words: analyzer tokens of a query, minus what QueryParser syntax claims.
#include "gazette/search/query_words.hpp"

#include <algorithm>
#include <array>

namespace gazette {

namespace {

bool is_operator(std::string_view written) {
  constexpr std::array<std::string_view, 6> operators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  return std::find(operators.begin(), operators.end(), written) != operators.end();
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// The whitespace-delimited chunk of the query around [begin, end).
std::string_view chunk_around(std::string_view query, std::size_t begin, std::size_t end) {
  while (begin > 0 && !is_space(query[begin - 1])) --begin;
  while (end < query.size() && !is_space(query[end])) ++end;
  return query.substr(begin, end - begin);
}

}  // namespace

std::vector<QueryWord> free_query_words(std::string_view query, Analyzer& analyzer) {
  std::vector<Token> tokens;
  analyzer.tokenize(query, tokens);
  std::vector<QueryWord> words;
  std::size_t quotes = 0, scanned = 0, previous_end = std::string_view::npos;
  for (const Token& token : tokens) {
    quotes += std::count(query.begin() + scanned, query.begin() + token.begin, '"');
    scanned = token.begin;
    const std::string_view chunk = chunk_around(query, token.begin, token.end);
    const bool inside_quotes = quotes % 2 == 1;
    const bool syntax = chunk.find(':') != std::string_view::npos || chunk.front() == '+' ||
                        chunk.front() == '-' || chunk.back() == '*' ||
                        is_operator(query.substr(token.begin, token.end - token.begin));
    if (inside_quotes || syntax) {
      previous_end = std::string_view::npos;
      continue;
    }
    const bool adjacent = previous_end != std::string_view::npos &&
                          std::all_of(query.begin() + previous_end, query.begin() + token.begin, [](char c) {
                            return is_space(c) || c == '-' || c == '.' || c == '\'';
                          });
    words.push_back({token.text, token.begin, token.end, adjacent});
    previous_end = token.end;
  }
  return words;
}

}  // namespace gazette
