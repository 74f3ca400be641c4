/// @file
/// @brief Highlighter spans stay sorted and disjoint, also when one written word yields several tokens.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "gazette/search/highlighter.hpp"
#include "gazette/search/markup.hpp"

using namespace gazette;

namespace {

/// Every span is non-empty, inside the text and after the previous one.
bool spans_disjoint(const HighlightedText& t) {
  std::size_t previous_end = 0;
  for (const Span& span : t.highlights) {
    if (span.begin < previous_end || span.begin >= span.end || span.end > t.text.size()) return false;
    previous_end = span.end;
  }
  return true;
}

}  // namespace

TEST_CASE("a word that normalises into several matching tokens is one highlight (fuzz regression)") {
  // NFKC turns U+013F ("Ŀ") into "l" and a middle dot, so "Ŀ1" is two tokens, "l" and "1", with the
  // offsets of the whole word; marking both used to give two overlapping spans and a doubled snippet.
  Analyzer analyzer;
  Highlighter highlighter(analyzer);
  const std::string text = "o,0 @\u013F1,@7";
  const std::set<std::string> terms{analyzer.stem("l"), analyzer.stem("1")};

  const HighlightedText marked = highlighter.mark(text, terms);
  CHECK(spans_disjoint(marked));
  CHECK(highlighted_plain(marked, "[", "]") == "o,0 @[\u013F1],@7");

  const HighlightedText passage = highlighter.best_passage(text, terms, 3);
  CHECK(spans_disjoint(passage));
  CHECK(highlighted_plain(passage, "[", "]").find("[\u013F1]") != std::string::npos);
}

TEST_CASE("highlights mark the query's words, sorted and disjoint") {
  Analyzer analyzer;
  Highlighter highlighter(analyzer);
  const std::string text = "Cocoa prices rose in New York as cocoa arrivals fell.";
  const HighlightedText marked = highlighter.mark(text, {analyzer.stem("cocoa"), analyzer.stem("price")});
  CHECK(spans_disjoint(marked));
  CHECK(highlighted_plain(marked, "[", "]") == "[Cocoa] [prices] rose in New York as [cocoa] arrivals fell.");
}

TEST_CASE("long texts: a lead window with every query word is taken, else the whole text is read") {
  Analyzer analyzer;
  Highlighter highlighter(analyzer);
  std::string filler;
  while (filler.size() < 2 * Highlighter::lead_bytes) filler += "The market was quiet today. ";
  const std::set<std::string> terms{analyzer.stem("cocoa"), analyzer.stem("ghana")};

  SUBCASE("every word in the lead") {
    const std::string text = "Ghana cocoa arrivals rose. " + filler + "Cocoa cocoa cocoa in Ghana and Ghana.";
    const HighlightedText passage = highlighter.best_passage(text, terms, 8);
    CHECK(highlighted_plain(passage, "[", "]") == "[Ghana] [cocoa] arrivals rose. The market was quiet…");
    CHECK(passage.ends_inside);
    CHECK(spans_disjoint(passage));
  }
  SUBCASE("one word only past the lead: the best window of the whole text") {
    const std::string text = "Cocoa arrivals rose. " + filler + "Traders said Ghana cocoa was late.";
    const HighlightedText passage = highlighter.best_passage(text, terms, 6);
    CHECK(highlighted_plain(passage, "[", "]") == "…today. Traders said [Ghana] [cocoa] was…");
  }
}
