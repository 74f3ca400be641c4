/// @file
/// @brief Fuzz target: the snippet highlighter. The input's first line is the query (its words, analysed
/// and stemmed, are the terms to mark), the rest the stored text (valid UTF-8, as the readers guarantee).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "gazette/core/utf8.hpp"
#include "gazette/search/highlighter.hpp"

namespace {

/// Spans are sorted, disjoint, non-empty and inside the text.
void check_spans(const gazette::HighlightedText& out) {
  std::size_t previous_end = 0;
  for (const gazette::Span& span : out.highlights) {
    FUZZ_CHECK(previous_end <= span.begin && span.begin < span.end && span.end <= out.text.size());
    previous_end = span.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static gazette::Analyzer analyzer;
  static gazette::Highlighter highlighter(analyzer);
  const auto fields = gazette::fuzz::split_fields({reinterpret_cast<const char*>(data), size}, 2);
  const std::string_view query = fields[0], text = fields[1];
  if (!gazette::is_valid_utf8(text)) return 0;

  std::vector<gazette::Token> tokens;
  analyzer.tokenize(query, tokens);
  std::set<std::string> terms;
  for (const gazette::Token& token : tokens) terms.insert(analyzer.stem(token.text));

  const gazette::HighlightedText marked = highlighter.mark(text, terms);
  FUZZ_CHECK(marked.text == text);
  check_spans(marked);

  const std::size_t words = query.size() % 64;  // 0 included: an empty passage
  const gazette::HighlightedText passage = highlighter.best_passage(text, terms, words);
  check_spans(passage);
  FUZZ_CHECK(passage.highlights.size() <= words);
  FUZZ_CHECK(passage.text.size() <= text.size());
  if (!passage.starts_inside) FUZZ_CHECK(text.substr(0, passage.text.size()) == passage.text);
  if (!passage.ends_inside) FUZZ_CHECK(text.substr(text.size() - passage.text.size()) == passage.text);
  if (passage.starts_inside || passage.ends_inside) FUZZ_CHECK(text.find(passage.text) != std::string::npos);
  return 0;
}
