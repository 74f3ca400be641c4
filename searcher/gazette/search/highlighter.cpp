/// @file
/// @brief Highlighter: passage selection by a sliding window over the analyser's tokens.
#include "gazette/search/highlighter.hpp"

#include <algorithm>
#include <bitset>
#include <iterator>

namespace gazette {

void Highlighter::analyse(std::string_view text, const std::set<std::string>& terms) {
  tokens_.clear();
  term_of_token_.clear();
  analyzer_.tokenize(text, tokens_);
  if (stems_.size() > max_cached_stems) stems_.clear();
  // Stemmers only rewrite the end of a word, so a word can only stem to a term with its first byte.
  std::bitset<256> first_bytes;
  for (const std::string& term : terms)
    if (!term.empty()) first_bytes.set(static_cast<unsigned char>(term[0]));
  for (const Token& token : tokens_) {
    if (!first_bytes.test(static_cast<unsigned char>(token.text[0]))) {
      term_of_token_.push_back(-1);
      continue;
    }
    auto [cached, fresh] = stems_.try_emplace(token.text);
    if (fresh) cached->second = analyzer_.stem(token.text);
    const auto it = terms.find(cached->second);
    term_of_token_.push_back(it == terms.end() ? -1 : int(std::distance(terms.begin(), it)));
  }
}

HighlightedText Highlighter::cut(std::string_view text, std::size_t first, std::size_t last) {
  HighlightedText out;
  if (tokens_.empty()) {
    out.text = text;
    return out;
  }
  // Include the punctuation right after the last word (a closing quote or full stop reads better).
  std::size_t begin = tokens_[first].begin;
  std::size_t end = tokens_[last].end;
  if (first == 0) begin = 0;
  if (last + 1 == tokens_.size())
    end = text.size();
  else
    while (end < tokens_[last + 1].begin && (text[end] == '.' || text[end] == '"' || text[end] == ')')) ++end;
  out.text = text.substr(begin, end - begin);
  out.starts_inside = begin > 0;
  out.ends_inside = end < text.size();
  for (std::size_t i = first; i <= last; ++i) {
    if (term_of_token_[i] < 0) continue;
    const Span span{tokens_[i].begin - begin, tokens_[i].end - begin};
    // Pieces of one written word share its offsets ("Ŀ1" is "l" and "1"): one span, not two overlapping.
    if (!out.highlights.empty() && span.begin < out.highlights.back().end)
      out.highlights.back().end = std::max(out.highlights.back().end, span.end);
    else
      out.highlights.push_back(span);
  }
  return out;
}

HighlightedText Highlighter::mark(std::string_view text, const std::set<std::string>& terms) {
  analyse(text, terms);
  if (tokens_.empty()) return {std::string(text), {}, false, false};
  HighlightedText out = cut(text, 0, tokens_.size() - 1);
  return out;
}

Highlighter::Window Highlighter::best_window(std::size_t terms, std::size_t words) const {
  const std::size_t n = tokens_.size();
  const std::size_t window = std::min(words, n);

  // Slide a window of `window` tokens, keeping per-term counts so each step is O(1).
  std::vector<std::size_t> in_window(terms, 0);
  std::size_t distinct = 0, matches = 0;
  auto add = [&](std::size_t i, int delta) {
    const int t = term_of_token_[i];
    if (t < 0) return;
    if (delta > 0) {
      if (in_window[t]++ == 0) ++distinct;
      ++matches;
    } else {
      if (--in_window[t] == 0) --distinct;
      --matches;
    }
  };
  for (std::size_t i = 0; i < window; ++i) add(i, +1);
  std::size_t best_start = 0, best_distinct = distinct, best_matches = matches;
  for (std::size_t start = 1; start + window <= n; ++start) {
    add(start - 1, -1);
    add(start + window - 1, +1);
    if (distinct > best_distinct || (distinct == best_distinct && matches > best_matches)) {
      best_start = start;
      best_distinct = distinct;
      best_matches = matches;
    }
  }
  // The earliest best window ends on a match; centre its matches instead so they have context both sides.
  if (best_matches > 0) {
    std::size_t first = best_start, last = best_start + window - 1;
    while (term_of_token_[first] < 0) ++first;
    while (term_of_token_[last] < 0) --last;
    const std::size_t middle = (first + last) / 2;
    const std::size_t centred = middle > window / 2 ? middle - window / 2 : 0;
    best_start = std::min({centred, first, n - window});
  }
  return {best_start, best_start + window - 1, best_distinct};
}

HighlightedText Highlighter::best_passage(std::string_view text, const std::set<std::string>& terms,
                                          std::size_t words) {
  if (words == 0) return {};
  if (text.size() > 2 * lead_bytes) {
    const std::size_t cut_at = text.find_first_of(" \t\n", lead_bytes);  // never inside a word
    const std::string_view lead = text.substr(0, cut_at);
    analyse(lead, terms);
    if (!tokens_.empty()) {
      const Window w = best_window(terms.size(), words);
      // A window ending on the lead's last word might read on: look at the whole text then.
      if (w.distinct == terms.size() && w.last + 1 < tokens_.size()) return cut(lead, w.first, w.last);
    }
  }
  analyse(text, terms);
  if (tokens_.empty()) return {};
  const Window w = best_window(terms.size(), words);
  return cut(text, w.first, w.last);
}

}  // namespace gazette
