/// @file
/// @brief Long quotations: passages between straight and curly quotes, unbalanced marks, quotes over
/// paragraphs, quoted content words, containment, and the figures of quotes.hpp on the seeds and our own
/// articles.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../test_paths.hpp"
#include "article_text.hpp"
#include "doctest/doctest.h"
#include "gazette/cleanup/boilerplate.hpp"
#include "gazette/readers/text_reader.hpp"
#include "gazette/stories/quotes.hpp"

using namespace gazette;
using gazette::test::cleaned_body;
using gazette::test::read_file;

namespace {

const std::filesystem::path stories_data = test::data_dir() / "stories";

std::vector<std::string> passages(std::string_view text, std::size_t min_bytes = 1) {
  const auto found = quoted_passages(text, min_bytes);
  return {found.begin(), found.end()};
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("passages between straight and curly quotes, marks excluded, in order") {
  CHECK(passages("He said \"we will go\" and left.") == Strings{"we will go"});
  CHECK(passages("He said \u201cwe will go\u201d and \u201cstay,\u201d she said.") ==
        Strings{"we will go", "stay,"});
  CHECK(passages("Mixed \u201cmarks here\" work.") == Strings{"marks here"});
  CHECK(passages("\"At the start,\" he said.") == Strings{"At the start,"});
  CHECK(passages("No quotes at all.").empty());
  CHECK(passages("").empty());
}

TEST_CASE("passages shorter than the minimum are scare quotes and titles, not long quotes") {
  const std::string text =
      "Such \"options papers\" are common. \"The White House has asked the State and Treasury departments to "
      "draft a list of sanctions,\" the report said.";
  CHECK(quoted_passages(text).size() == 1);
  CHECK(quoted_passages(text)[0].starts_with("The White House"));
  CHECK(passages(text).size() == 2);
  CHECK(quoted_passages(std::string(60, 'x')).empty());
  CHECK(quoted_passages("\"" + std::string(min_quote_bytes, 'x') + "\"").size() == 1);
  CHECK(quoted_passages("\"" + std::string(min_quote_bytes - 1, 'x') + "\"").empty());
}

TEST_CASE(
    "unbalanced marks: an inch mark is no quote, a stray closing mark is ignored, an opening restarts") {
  CHECK(passages("A 12\" pipe burst. Then \"we fixed it,\" he said.") == Strings{"we fixed it,"});
  CHECK(passages("Stray\u201d close, then \u201ca quote\u201d.") == Strings{"a quote"});
  CHECK(passages("\u201cnever closed, \u201cbut this is\u201d.") == Strings{"but this is"});
  CHECK(passages("He said \"it is open to the end of the text").empty());
  // A mark left open at a paragraph's end without a continuation drops the passage, and only it.
  CHECK(passages("He said \"it never closes.\n\nThe next paragraph \"is quoted\" normally.") ==
        Strings{"is quoted"});
}

TEST_CASE("a quote goes on over paragraphs when the next paragraph opens with a mark") {
  const std::string text =
      "\"The first paragraph of the statement,\n\n\"and its second paragraph,\" the minister said.";
  REQUIRE(passages(text).size() == 1);
  CHECK(passages(text)[0].starts_with("The first paragraph"));
  CHECK(passages(text)[0].ends_with("its second paragraph,"));
  const std::string curly = "\u201cOne,\n  \n\u201ctwo\u201d and \u201cthree\u201d";
  CHECK(passages(curly).size() == 2);
  CHECK(passages(curly)[1] == "three");
  // A single line break (a wrapped line) is inside the paragraph.
  CHECK(passages("\"wrapped\nline\" end") == Strings{"wrapped\nline"});
}

TEST_CASE("quoted words: distinct content words of the long quotes only; containment of sorted sets") {
  const std::string text =
      "The \"options papers\" say nothing. \"Sanctions offices are drawing up proposals for lifting "
      "sanctions "
      "on entities,\" the report said.";
  CHECK(quoted_words(text) ==
        Strings{"drawing", "entity", "lifting", "office", "proposal", "sanction"});  // S-stemmed
  CHECK(content_word_set("b a b c") == Strings{});                                   // one-letter words
  CHECK(content_word_set("beta alpha beta gamma") == Strings{"alpha", "beta", "gamma"});
  CHECK(containment(Strings{"alpha", "beta", "gamma", "zeta"}, Strings{"alpha", "delta", "gamma"}) == 0.5);
  CHECK(containment(Strings{}, Strings{"alpha"}) == 0.0);
  CHECK(containment(Strings{"alpha"}, Strings{}) == 0.0);
  CHECK_FALSE(quotes_qualify(quoted_words(text)));
}

TEST_CASE("seeds: the commentary's quotes are in the report's versions, not in other stories of the topic") {
  const auto dir = test::seeds_dir();
  if (!std::filesystem::exists(dir / "002_68e0e8436d88f5e1.txt")) {
    MESSAGE("seed articles not found in " << dir << "; skipped");
    return;
  }
  const std::string commentary = cleaned_body(dir / "002_68e0e8436d88f5e1.txt");
  const Strings quoted = quoted_words(commentary);
  for (const auto p : quoted_passages(commentary)) MESSAGE("002 quotes " << p.size() << " bytes");
  MESSAGE("002: " << quoted.size() << " distinct quoted content words");
  CHECK(quoted_passages(commentary).size() == 4);
  CHECK(quoted.size() == 70);
  CHECK(quotes_qualify(quoted));
  const auto of = [&](const std::filesystem::path& path) {
    const double c = containment(quoted, content_word_set(cleaned_body(path)));
    MESSAGE(path.filename().string() << ": containment " << c);
    return c;
  };
  CHECK(of(dir / "000_6d47baeab9ef27c8.txt") == doctest::Approx(44.0 / 70));
  CHECK(of(dir / "001_b01de3545862db5b.txt") == doctest::Approx(37.0 / 70));
  CHECK(of(dir / "000_6d47baeab9ef27c8.txt") >= quote_containment_threshold);
  CHECK(of(dir / "001_b01de3545862db5b.txt") >= quote_containment_threshold);
  CHECK(of(stories_data / "sanctions_us_energy_license.txt") == doctest::Approx(18.0 / 70));
  CHECK(of(stories_data / "sanctions_eu_renewal.txt") == doctest::Approx(16.0 / 70));
  for (const auto& entry : std::filesystem::directory_iterator(stories_data)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("sanctions_") || name.starts_with("quotes_")) continue;
    CHECK(of(entry.path()) < 0.05);
  }
  // The reports themselves quote only a few words: they do not qualify.
  CHECK_FALSE(quotes_qualify(quoted_words(cleaned_body(dir / "000_6d47baeab9ef27c8.txt"))));
  CHECK_FALSE(quotes_qualify(quoted_words(cleaned_body(dir / "001_b01de3545862db5b.txt"))));
}

TEST_CASE("attribution: a long quote counts when its paragraph or the one introducing it names a report") {
  const std::string quote = "\"" + std::string(70, 'x') + "\"";
  const auto attributed = [&](const std::string& before, const std::string& after) {
    return report_quotes(before + quote + after).size() == 1;
  };
  CHECK(attributed("", ", according to the report."));
  CHECK(attributed("", ", according to Reuters."));
  CHECK(attributed("", ", Reuters continues."));
  CHECK(attributed("", " the agency reported on Monday."));
  CHECK(attributed("CNN said in the Monday report, ", ""));
  CHECK(attributed("", ", the report said."));
  CHECK(attributed("The sources spoke to Reuters. Reuters continues. And more:\n\n", ""));
  CHECK_FALSE(attributed("", ", the minister said."));
  CHECK_FALSE(attributed("", ", Baker told reporters."));
  CHECK_FALSE(attributed("Reuters continues.\n\nHe said ", ""));  // not a block quote of that paragraph
  CHECK_FALSE(attributed("According to the report, prices rose.\n\nNext.\n\n", ""));
  // The attribution must be outside the quote.
  CHECK(report_quotes("\"according to the report " + std::string(60, 'x') + "\" he said").empty());
}

TEST_CASE("best_quoted_candidate: the largest containment at or above the threshold, facts can veto") {
  const Strings quoted{"alpha", "beta", "gamma", "delta"};
  const std::vector<QuoteCandidate> candidates{{Strings{"alpha", "beta"}, std::nullopt},
                                               {Strings{"alpha", "beta", "gamma"}, std::nullopt},
                                               {Strings{"alpha", "beta", "delta"}, std::nullopt}};
  const auto match = best_quoted_candidate(quoted, std::nullopt, candidates);
  REQUIRE(match);
  CHECK(match->index == 1);  // ties go to the earlier candidate
  CHECK(match->containment == 0.75);
  CHECK_FALSE(best_quoted_candidate(quoted, std::nullopt, candidates, 0.8));
  CHECK_FALSE(best_quoted_candidate(quoted, std::nullopt, {}));

  std::string words;
  for (int i = 0; i < 40; ++i) words += " word" + std::to_string(i) + "x";
  const auto fp = [&](const std::string& facts) { return fingerprint(facts + words); };
  const std::vector<QuoteCandidate> other_facts{
      {Strings{"alpha", "beta", "gamma", "delta"}, fp("Officials in Lima and Quito said 12 and 40 and 7")}};
  CHECK_FALSE(
      best_quoted_candidate(quoted, fp("Officials in Accra and Lagos said 13 and 41 and 8"), other_facts));
  CHECK(best_quoted_candidate(quoted, fp("Officials in Lima and Quito said 12 and 40 and 7"), other_facts));
}

TEST_CASE("resolve_quote_joins: chains end in the story that does not join, cycles in their smallest id") {
  using Moves = std::map<std::string, std::string>;
  CHECK(resolve_quote_joins({{"a", "b"}}) == Moves{{"a", "b"}});
  CHECK(resolve_quote_joins({{"a", "b"}, {"b", "c"}}) == Moves{{"a", "c"}, {"b", "c"}});
  CHECK(resolve_quote_joins({{"b", "a"}, {"a", "b"}}) == Moves{{"b", "a"}});
  CHECK(resolve_quote_joins({{"x", "c"}, {"c", "b"}, {"b", "c"}}) == Moves{{"x", "b"}, {"c", "b"}});
  CHECK(resolve_quote_joins({}).empty());
}

TEST_CASE(
    "own articles: a commentary quoting the Treasury story; one quoting reports no article reproduces") {
  const auto words_of = [](const char* name) { return content_word_set(cleaned_body(stories_data / name)); };
  const Strings license = quoted_words(cleaned_body(stories_data / "quotes_commentary_license.txt"));
  const Strings kremlin = quoted_words(cleaned_body(stories_data / "quotes_commentary_kremlin.txt"));
  CHECK(quotes_qualify(license));
  CHECK(quotes_qualify(kremlin));  // attributed to news agency reports, which no indexed article reproduces
  CHECK(containment(license, words_of("sanctions_us_energy_license.txt")) == 1.0);  // verbatim quotes
  for (const char* other : {"sanctions_eu_renewal.txt", "cocoa_arrivals.txt"}) {
    CHECK(containment(license, words_of(other)) < quote_containment_threshold);
    CHECK(containment(kremlin, words_of(other)) < quote_containment_threshold);
  }
  CHECK(containment(kremlin, words_of("sanctions_us_energy_license.txt")) < quote_containment_threshold);
  const auto dir = test::seeds_dir();
  if (!std::filesystem::exists(dir / "000_6d47baeab9ef27c8.txt")) return;
  for (const char* seed : {"000_6d47baeab9ef27c8.txt", "001_b01de3545862db5b.txt"}) {
    const Strings words = content_word_set(cleaned_body(dir / seed));
    CHECK(containment(license, words) < quote_containment_threshold);
    CHECK(containment(kremlin, words) < quote_containment_threshold);
  }
}
