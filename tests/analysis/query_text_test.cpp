/// @file
/// @brief Tests of rewrite_query_text, and THE agreement test: query terms equal the analyzer's index terms.
#include "gazette/analysis/query_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {
namespace {

QueryFieldKind test_fields(std::string_view name) {
  if (name == "title") return QueryFieldKind::free_text;
  if (name == "source" || name == "date") return QueryFieldKind::raw;
  return QueryFieldKind::unknown;
}

/// A QueryParser configured as the searcher's: same stemmer, stem-all, default flags plus wildcards.
Xapian::Query parse(const Analyzer& analyzer, const std::string& query) {
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem(analyzer.settings().language));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  parser.add_prefix("title", "S");
  parser.add_boolean_prefix("source", "XSRC");
  return parser.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                       Xapian::QueryParser::FLAG_PURE_NOT);
}

/// Every term leaf of a query, in order and with repeats (get_terms_begin() would drop repeats).
void collect_terms(const Xapian::Query& query, std::vector<std::string>& out) {
  if (query.get_type() == Xapian::Query::LEAF_TERM) {
    out.push_back(*query.get_terms_begin());
    return;
  }
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect_terms(query.get_subquery(i), out);
}

std::vector<std::string> query_terms(Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> terms;
  collect_terms(parse(analyzer, rewrite_query_text(text, analyzer, test_fields)), terms);
  return terms;
}

std::vector<std::string> index_terms(Analyzer& analyzer, std::string_view text) {
  std::vector<Token> tokens;
  analyzer.tokenize(text, tokens);
  std::vector<std::string> terms;
  for (const Token& token : tokens) terms.push_back(analyzer.stem(token.text));
  return terms;
}

std::string joined(const std::vector<std::string>& terms) {
  std::string out;
  for (const std::string& term : terms) out += "[" + term + "]";
  return out;
}

}  // namespace

TEST_CASE("rewrite_query_text keeps QueryParser syntax and rewrites free text") {
  Analyzer analyzer;
  struct Case {
    const char* query;
    const char* expected;
  };
  const Case cases[] = {
      {"Trump\u2019s plan", "trump plan"},
      {"U.S.-Russia relations", "us-russia relations"},
      {"well-known 1,750 tonnes", "well-known 1750 tonnes"},
      {"\"U.S.-Russia relations\"", "\"us-russia relations\""},
      {"\"unterminated Phrase", "\"unterminated phrase"},
      {"\"a AND b\"", "\"a and b\""},
      {"Zürich AND (São OR Paulo)", "zurich AND (sao OR paulo)"},
      {"cats and dogs or birds", "cats and dogs or birds"},
      {"NOTE ORACLE ANDROID", "note oracle android"},
      {"NOT Café", "NOT cafe"},
      {"Kyiv XOR Kiev", "kyiv XOR kiev"},
      {"Putin NEAR/3 Trump ADJ Zelensky", "putin NEAR/3 trump ADJ zelensky"},
      {"+Zürich -Genève", "+zurich -geneve"},
      {"-\"São Paulo\" +(a b)", "-\"sao paulo\" +(a b)"},
      {"Zür* U.S.A*", "zur* usa*"},
      {"title:Zürich title:\"São Paulo\" title:(Café)", "title:zurich title:\"sao paulo\" title:(cafe)"},
      {"title:U.S.-Russia title:Zür*", "title:us-russia title:zur*"},
      {"date:2025-03-01..2025-03-31 source:\"New York Times\" Café",
       "date:2025-03-01..2025-03-31 source:\"New York Times\" cafe"},
      {"(source:Reuters OR source:AP)", "(source:Reuters OR source:AP)"},
      {"foo:Bar http://x.com/A", "foo-bar http-x-com-a"},
      {"title: loose", "title loose"},
      {"%%% +%%% -- word  \t ", "word"},
      {"C++ \uFF21\uFF22\uFF23 \uFB01nance", "c abc finance"},
      {"\u05E6\u05D4\"\u05DC", "\u05E6\u05D4\u05DC"},
      {"", ""},
  };
  for (const Case& c : cases) {
    const std::string query = c.query;
    CAPTURE(query);
    CHECK(rewrite_query_text(query, analyzer, test_fields) == std::string(c.expected));
  }
}

TEST_CASE("rewritten operators and brackets parse as QueryParser operators") {
  Analyzer analyzer;
  CHECK(parse(analyzer, rewrite_query_text("Trump AND Putin", analyzer, test_fields)).get_description() ==
        "Query((trump@1 AND putin@2))");
  CHECK(parse(analyzer, rewrite_query_text("Trump and Putin", analyzer, test_fields)).get_description() ==
        "Query((trump@1 OR and@2 OR putin@3))");
  CHECK(parse(analyzer, rewrite_query_text("NOT Zürich", analyzer, test_fields)).get_description() ==
        "Query((<alldocuments> AND_NOT zurich@1))");
  CHECK(parse(analyzer, rewrite_query_text("title:Zürich source:\"New York\"", analyzer, test_fields))
            .get_description() == "Query((Szurich@1 FILTER XSRC:New York))");
}

// THE agreement test the design requires: for every tokenizer test string, the terms of the query that
// QueryParser builds from the rewritten string equal the analyzer's index terms, in order.
TEST_CASE("analyzer terms equal QueryParser terms of the rewritten text") {
  const char* texts[] = {
      "Café São Paulo Zürich",
      "naïve coöperation façade",
      "Trump\u2019s plan",
      "White House\u2019s statement",
      "don\u2019t stop, don't stop",
      "O'Brien rock'n'roll",
      "\u2018quoted\u2019 words",
      "well-known",
      "U.S.-Russia relations",
      "U.S. officials",
      "the E.U. and the U.S.A., e.g. i.e.",
      "www.example.com Ph.D.",
      "1,750 tonnes",
      "5.93 dollars",
      "155,221 bags",
      "1,750,000.50 and 3,4 and 1.750.000",
      "2025-03-03",
      "4.5% $5.93/share",
      "v1.2.3 192.168.0.1",
      "McDonald's",
      "iPhone",
      "no capitals here",
      "ONLY CAPITALS HEADLINE",
      "中华人民共和国",
      "東京タワー ひらがな",
      "Зеленский Київ",
      "Ελληνικά άλφα",
      "\uFB01nance",
      "\uFF21\uFF22\uFF23 \uFF11\uFF12",
      "Straße İstanbul",
      "co\u00ADoperate",
      "john.smith@example.com",
      "https://www.reuters.com/world/us-russia-2025-03-03/",
      "AT&T C++ C#",
      "foo_bar",
      "mid-1990s",
      "Hello,world",
      "10\u202F000 a\u202Fb",
      "x\u00B2 \u00BD cup",
      "col\u00B7lecci\u00F3",
      "\u13F8\u13F9 \u13A0",  // Cherokee: ICU folds to upper case, Xapian lower-cases
      "नमस्ते दुनिया",
      "ภาษาไทย",
      "مرحبا بالعالم",
      "\u05E6\u05D4\"\u05DC",
      "line\nbreak\ttab",
      "\uFDFA",  // one letter that NFKC turns into four words
  };
  for (const AnalyzerSettings& settings : {AnalyzerSettings{}, AnalyzerSettings{"none", false}}) {
    Analyzer analyzer(settings);
    for (const char* text : texts) {
      const std::string source = text;
      CAPTURE(source);
      CAPTURE(settings.signature());
      CAPTURE(rewrite_query_text(source, analyzer, test_fields));
      const auto index = index_terms(analyzer, source);
      CHECK(!index.empty());
      CHECK(joined(query_terms(analyzer, source)) == joined(index));
    }
  }
}

TEST_CASE("random mixed-script strings agree too") {
  // Pieces that stress the rules: scripts, marks, compatibility forms, apostrophe/dot/comma variants,
  // spaces that are and are not word separators, love/hate signs. Compared as multisets: + and - regroup
  // QueryParser's tree.
  const char* pieces[] = {
      "a",          "s",      "S",      "U",      "\u00E9", "e\u0301", "\u00DF", "\u0130", "\u01C5", "\uFB01",
      "\uFF21",     "\uFF11", "0",      "5",      "\u0663", "\u4E2D",  "\u56FD", "\u30BF", "\u3072", "\u0E01",
      "\u0E34",     "\u05E6", "\u05D4", "\"",     "\u0439", "\u03AC",  "\u13F8", "\u0915", "\u093F", "\u094D",
      "'",          "\u2019", "\u02BC", ".",      ",",      ";",       ":",      "@",      "_",      "-",
      "/",          "&",      "%",      " ",      " ",      "\u00A0",  "\u202F", "\u00AD", "\u200D", "\u00B7",
      "\u05F4",     "\u2044", "\u00BD", "\u00B2", "\uFF0E", "\uFF0C",  "\u066C", "\t",     "\u3000", "\u0308",
      "\U0001F600", "\u2460", "+",      "#",      "!",
  };
  std::uint64_t state = 42;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  Analyzer analyzer;
  int mismatches = 0;
  for (int i = 0; i < 20000 && mismatches < 10; ++i) {
    std::string text;
    for (std::size_t k = next() % 12; k > 0; --k) text += pieces[next() % std::size(pieces)];
    auto index = index_terms(analyzer, text);
    auto query = query_terms(analyzer, text);
    std::sort(index.begin(), index.end());
    std::sort(query.begin(), query.end());
    if (index == query) continue;
    ++mismatches;
    CAPTURE(text);
    CHECK(joined(query) == joined(index));
  }
  CHECK(mismatches == 0);
}

TEST_CASE("a rewritten phrase matches the analyzer's consecutive positions") {
  Analyzer analyzer;
  const std::string text = "U.S.-Russia relations";
  const Xapian::Query quoted = parse(analyzer, rewrite_query_text("\"" + text + "\"", analyzer, test_fields));
  CHECK(quoted.get_type() == Xapian::Query::OP_PHRASE);
  std::vector<std::string> phrase;
  collect_terms(quoted, phrase);

  std::vector<Token> tokens;
  analyzer.tokenize(text, tokens);
  REQUIRE(tokens.size() == 3);
  // The indexer gives token i position base + i: the phrase terms must be the stems in token order.
  std::vector<std::string> indexed;
  for (const Token& token : tokens) indexed.push_back(analyzer.stem(token.text));
  CHECK(joined(phrase) == joined(indexed));
  CHECK(joined(phrase) == "[us][russia][relat]");
  CHECK(quoted.get_description() == "Query((us@1 PHRASE 3 russia@2 PHRASE 3 relat@3))");

  // Unquoted, the hyphenated pair stays a phrase, as QueryParser makes of the original.
  CHECK(parse(analyzer, rewrite_query_text(text, analyzer, test_fields)).get_description() ==
        "Query(((us@1 PHRASE 2 russia@2) OR relat@3))");
}

}  // namespace gazette
