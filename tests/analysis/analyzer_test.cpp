/// @file
/// @brief Tests of the Analyzer: token rules, byte offsets, odd text, and the ASCII fast path against ICU.
#include "gazette/analysis/analyzer.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "../test_paths.hpp"
#include "gazette/core/error.hpp"
#include "gazette/core/utf8.hpp"

namespace gazette {
namespace {

/// The token texts of text, joined by single spaces; also checks that both paths agree on it.
std::string words(Analyzer& analyzer, std::string_view text) {
  std::vector<Token> fast, reference;
  analyzer.tokenize(text, fast);
  analyzer.tokenize_icu(text, reference);
  CHECK_MESSAGE(fast == reference, "the two paths differ on: " << text);
  std::string joined;
  for (const Token& token : fast) {
    if (!joined.empty()) joined += ' ';
    joined += token.text;
  }
  return joined;
}

std::string describe(const std::vector<Token>& tokens) {
  std::ostringstream out;
  for (const Token& t : tokens) out << '[' << t.text << ' ' << t.begin << ' ' << t.end << ']';
  return out.str();
}

/// Compares the tokens of text by the fast path and the reference ICU path, token by token.
void check_paths_agree(Analyzer& analyzer, std::string_view text, const std::string& what) {
  std::vector<Token> fast, reference;
  analyzer.tokenize(text, fast);
  analyzer.tokenize_icu(text, reference);
  if (fast == reference) return;
  std::size_t i = 0;
  while (i < fast.size() && i < reference.size() && fast[i] == reference[i]) ++i;
  const auto slice = [i](const std::vector<Token>& v) {
    return describe(std::vector<Token>(v.begin() + static_cast<std::ptrdiff_t>(i),
                                       v.begin() + static_cast<std::ptrdiff_t>(std::min(v.size(), i + 3))));
  };
  FAIL_CHECK(what << ": paths differ at token " << i << ": fast " << slice(fast) << " icu "
                  << slice(reference));
}

std::string read_prefix(const std::filesystem::path& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  std::string text(limit, '\0');
  in.read(text.data(), static_cast<std::streamsize>(limit));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

/// text with each non-ASCII code point replaced by an ASCII look-alike (curly quotes, dashes) or a space,
/// so a real article also exercises the fast path.
std::string asciified(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += text[i++];
      continue;
    }
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    const std::string_view cp = text.substr(i, length);
    if (cp == "\u2019" || cp == "\u2018")
      out += '\'';
    else if (cp == "\u201C" || cp == "\u201D")
      out += '"';
    else if (cp == "\u2013" || cp == "\u2014")
      out += '-';
    else
      out += ' ';
    i += length;
  }
  return out;
}

}  // namespace

TEST_CASE("token rules") {
  Analyzer analyzer;
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      // case folding, NFKC, diacritics
      {"The White House", "the white house"},
      {"no capitals here at all", "no capitals here at all"},
      {"ONLY CAPITALS IN THIS HEADLINE", "only capitals in this headline"},
      {"iPhone McDonald's", "iphone mcdonald"},
      {"Café São Paulo Zürich", "cafe sao paulo zurich"},
      {"naïve coöperation façade", "naive cooperation facade"},
      {"Straße", "strasse"},
      {"\uFB01nance", "finance"},                     // ﬁ ligature
      {"\uFF21\uFF22\uFF23 \uFF11\uFF12", "abc 12"},  // full-width
      {"Ελληνικά άλφα", "ελληνικα αλφα"},
      {"Зеленский Київ", "зеленский київ"},  // Cyrillic marks are letters: kept
      {"co\u00ADoperate", "cooperate"},      // soft hyphen vanishes
      // apostrophes
      {"Trump's plan", "trump plan"},
      {"Trump\u2019s plan", "trump plan"},
      {"White House\u2019s", "white house"},
      {"don't don\u2019t don\u02BCt", "dont dont dont"},
      {"O'Brien rock'n'roll", "obrien rocknroll"},
      {"\u2018quoted\u2019 'words'", "quoted words"},
      {"1'000", "1000"},
      // dots
      {"U.S. U.S.A. E.U. e.g. i.e.", "us usa eu eg ie"},
      {"www.example.com Ph.D.", "www example com ph d"},
      {"a.b.cd", "ab cd"},
      {"5.93 1.2.3 v1.2", "5.93 1.2.3 v1.2"},
      {"4.5% $5.93/share", "4.5 5.93 share"},
      // numbers
      {"1,750 tonnes", "1750 tonnes"},
      {"155,221 bags", "155221 bags"},
      {"1,750,000.50", "1750000.50"},
      {"3,4 and 1,5 and 12,3456", "3 4 and 1 5 and 12 3456"},
      {"10\u202F000", "10000"},
      {"2025-03-03", "2025 03 03"},
      // hyphens and other joins
      {"well-known", "well known"},
      {"U.S.-Russia relations", "us russia relations"},
      {"mid-1990s", "mid 1990s"},
      {"john.smith@example.com", "john smith example com"},
      {"foo_bar __ _x", "foo_bar _x"},
      {"AT&T C++ C#", "at t c c"},
      {"x\u00B2 \u00BD", "x"},
      {"col\u00B7lecci\u00F3", "colleccio"},
      // other scripts
      {"中华人民共和国", "中华 人民 共和国"},
      {"東京タワー", "東京タワー"},
      {"नमस्ते", "नमस्ते"},
      {"\u05E6\u05D4\"\u05DC", "\u05E6\u05D4\u05DC"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(words(analyzer, text) == std::string(c.expected));
  }
}

TEST_CASE("token offsets are byte offsets into the original text") {
  Analyzer analyzer;
  struct Case {
    const char* text;
    std::vector<Token> expected;
  };
  const Case cases[] = {
      {"Trump\u2019s plan", {{"trump", 0, 5}, {"plan", 10, 14}}},
      {"São Paulo", {{"sao", 0, 4}, {"paulo", 5, 10}}},
      {"U.S.-Russia", {{"us", 0, 3}, {"russia", 5, 11}}},
      {"  1,750 tonnes.", {{"1750", 2, 7}, {"tonnes", 8, 14}}},
      {"www.example.com", {{"www", 0, 3}, {"example", 4, 11}, {"com", 12, 15}}},
      {"don't", {{"dont", 0, 5}}},
      {"\uFB01nance", {{"finance", 0, 8}}},
      {"a\x01"
       "b",
       {{"a", 0, 1}, {"b", 2, 3}}},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    std::vector<Token> fast, reference;
    analyzer.tokenize(c.text, fast);
    analyzer.tokenize_icu(c.text, reference);
    CHECK(describe(fast) == describe(c.expected));
    CHECK(describe(reference) == describe(c.expected));
  }
}

TEST_CASE("tokenize appends") {
  Analyzer analyzer;
  std::vector<Token> tokens{{"kept", 0, 4}};
  analyzer.tokenize("new words", tokens);
  CHECK(describe(tokens) == "[kept 0 4][new 0 3][words 4 9]");
}

TEST_CASE("odd text never throws") {
  Analyzer analyzer;
  CHECK(words(analyzer, "") == "");
  CHECK(words(analyzer, " \t\n\r ... --- !!! 123") == "123");
  CHECK(words(analyzer, "!?%&*()[]{}<>~^|\\/") == "");
  CHECK(words(analyzer, std::string("a\0b\x01\x7F"
                                    "c\x1B[0m",
                                    10)) == "a b c 0m");
  CHECK(words(analyzer, std::string("Zürich\0Genève\x02", 16)) == "zurich geneve");
  CHECK(words(analyzer, "\xF0\x9F\x98\x80 emoji \xE2\x9C\x88") == "emoji");

  SUBCASE("over-long tokens are dropped") {
    const std::string longest(max_token_bytes, 'a');
    CHECK(words(analyzer, longest + " x") == longest + " x");
    CHECK(words(analyzer, longest + "a x") == "x");
    CHECK(words(analyzer, std::string(20000, 'z') + "\u00E9 y") == "y");  // non-ASCII too
  }
}

TEST_CASE("a 10 MB single line is analysed quickly") {
  Analyzer analyzer;
  const std::string unit = "Sanctions relief, 1,750.5 U.S.-Russia don't ";
  std::string text;
  while (text.size() < 10'000'000) text += unit;
  std::string unicode;
  while (unicode.size() < 10'000'000) unicode += "Zürich São ";

  const auto start = std::chrono::steady_clock::now();
  std::vector<Token> tokens;
  analyzer.tokenize(text, tokens);
  CHECK(tokens.size() == 6 * (text.size() / unit.size()));
  tokens.clear();
  analyzer.tokenize(unicode, tokens);
  CHECK(tokens.size() == 2 * (unicode.size() / 13));
  tokens.clear();
  analyzer.tokenize(std::string(10'000'000, 'x'), tokens);  // one 10 MB "word": dropped
  CHECK(tokens.empty());
  analyzer.tokenize(std::string(10'000'000, '.'), tokens);
  CHECK(tokens.empty());
  // Single segments of 10 MB: an acronym, a number, an accented word.
  for (const auto& [first, unit] : {std::pair{"a", ".a"}, std::pair{"1", ",000"}, std::pair{"", "\u00E9"}}) {
    std::string pathological = first;
    while (pathological.size() < 10'000'000) pathological += unit;
    analyzer.tokenize(pathological, tokens);
    CHECK(tokens.empty());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE("seven 10 MB lines analysed in " << seconds << " s");
  CHECK(seconds < 30);  // generous: sanitizer builds on shared cores
}

TEST_CASE("stemming and settings") {
  Analyzer english;
  CHECK(english.stem("running") == "run");
  CHECK(english.stem("relations") == "relat");
  CHECK(english.stem("5.93") == "5.93");
  CHECK(english.settings().signature() == "gazette-analyzer/1 language=english fold_diacritics=1");

  Analyzer plain({"none", false});
  CHECK(plain.stem("running") == "running");
  CHECK(plain.settings().signature() == "gazette-analyzer/1 language=none fold_diacritics=0");
  CHECK(words(plain, "São Paulo Zürich") == "são paulo zürich");

  Analyzer moved = std::move(plain);
  CHECK(moved.settings().language == "none");

  CHECK_THROWS_AS(Analyzer({"klingon", true}), Error);
  try {
    Analyzer bad({"klingon", true});
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::usage);
  }
}

TEST_CASE("the ASCII fast path yields exactly the ICU path's tokens") {
  Analyzer analyzer;
  SUBCASE("hand-picked strings") {
    const char* texts[] = {
        "a.b a..b a.1 1.a 1,2 1;2 1'2 a'b a' 'a a'' ''a 1,,2 a_.b a._b 1_.2 _ __ ___a a__1",
        "a@b.com @ @@ a@ x.@y 1@2 a'@ 's e.g. U.S.'s U.S.A. 12,345.67,8 a1.2b",
        "foo:bar 1:2 \"quoted\" a\"b <p>tag</p> &amp; &#3; C:\\path\\file.txt",
        "http://x.com/a_b?q=1&r=2#frag mailto:me@x.org 192.168.0.1 v2.0.1-rc1",
        "Trump's don't O'Brien rock'n'roll 1'000 '90s 1980's Jones' it's",
        "1,750 155,221 3,4 1,5 12,3456 1,750,000.50 .5 5. 5.93% $4.5bn 2025-03-03",
        "line\r\nbreak\ttab\vvt\fff\x01\x02\x7F end",
    };
    for (const char* text : texts) check_paths_agree(analyzer, text, text);
  }

  SUBCASE("random ASCII") {
    // A fixed-seed generator over the characters that matter to UAX #29, plus any printable one.
    const std::string alphabet = "aZs9_@.,;:'\"- \n\r/&%";
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&state] {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return static_cast<unsigned>(state >> 33);
    };
    for (int i = 0; i < 20000; ++i) {
      std::string text(next() % 24, ' ');
      for (char& c : text)
        c = next() % 8 == 0 ? static_cast<char>(next() % 128) : alphabet[next() % alphabet.size()];
      check_paths_agree(analyzer, text, "random string #" + std::to_string(i));
    }
  }

  SUBCASE("seed articles") {
    const auto dir = test::seeds_dir();
    if (!std::filesystem::is_directory(dir)) {
      MESSAGE("no seeds at " << dir << ": skipped");
      return;
    }
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      const std::string text = read_prefix(entry.path(), 1 << 20);
      check_paths_agree(analyzer, text, entry.path().filename().string());
      const std::string ascii = asciified(text);
      REQUIRE(is_ascii(ascii));
      check_paths_agree(analyzer, ascii, entry.path().filename().string() + " (ASCII)");
      ++files;
    }
    CHECK(files > 0);
  }

  SUBCASE("Reuters-21578") {
    const auto dir = test::reuters_dir();
    for (const char* name : {"reut2-000.sgm", "reut2-017.sgm"}) {
      const auto path = dir / name;
      if (!std::filesystem::exists(path)) {
        MESSAGE("no " << path << ": skipped");
        continue;
      }
      const std::string text = asciified(read_prefix(path, 200'000));
      check_paths_agree(analyzer, text, name);
    }
  }
}

TEST_CASE("speed of the fast path against the ICU path" * doctest::skip()) {
  // Run with: test_analysis --no-skip -tc="speed*"
  const auto dir = test::reuters_dir();
  std::string text;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".sgm") text += asciified(read_prefix(entry.path(), 1 << 24));
  REQUIRE(!text.empty());
  Analyzer analyzer;
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4);
  auto measure = [&](bool fast) {
    tokens.clear();
    const auto start = std::chrono::steady_clock::now();
    if (fast)
      analyzer.tokenize(text, tokens);
    else
      analyzer.tokenize_icu(text, tokens);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  measure(true);  // warm up: the token vector's pages, caches
  const double fast = measure(true), icu = measure(false);
  const double mb = static_cast<double>(text.size()) / 1e6;
  MESSAGE(mb << " MB, " << tokens.size() << " tokens: fast path " << mb / fast << " MB/s, ICU path "
             << mb / icu << " MB/s");
  CHECK(fast < icu);
}

}  // namespace gazette
