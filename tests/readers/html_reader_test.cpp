/// @file
/// @brief HTML reader: metadata and main text of pages mimicking news sites, malformed and empty pages,
/// compressed input, the size bound, the depth pre-scan and an HTML bomb.
#include "gazette/readers/html_reader.hpp"

#include <sys/resource.h>

#include <chrono>

#include "../test_paths.hpp"
#include "doctest/doctest.h"
#include "gazette/core/utf8.hpp"
#include "gazette/readers/html_depth.hpp"
#include "gazette/readers/html_metadata.hpp"
#include "reader_test_util.hpp"

using namespace gazette;

namespace {

std::filesystem::path html_file(std::string_view name) {
  return test::data_dir() / "readers" / "html" / name;
}

Article read_article(const std::filesystem::path& path, const ReaderOptions& options = {}) {
  const auto all = test::read_all(path, std::nullopt, options);
  REQUIRE(all.items.size() == 1);
  REQUIRE(all.articles.size() == 1);
  return all.articles[0];
}

// Peak resident set size of this process in KiB.
long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

TEST_CASE("html: extensions and format name") {
  CHECK(format_for_path("page.html") == InputFormat::html);
  CHECK(format_for_path("PAGE.HTM") == InputFormat::html);
  CHECK(format_for_path("dir/page.html.zst") == InputFormat::html);
  CHECK(format_from_name("html") == InputFormat::html);
}

TEST_CASE("html: a news page gives its metadata and only the article's paragraphs") {
  const Article a = read_article(html_file("news_article.html"));
  CHECK(a.title == "Cocoa prices hit record as Ivory Coast crop falters");  // og:title without " | site"
  CHECK(a.raw_date == "2025-03-03T14:02:00Z");
  CHECK(a.raw_date_source == DateSource::metadata);
  CHECK(a.published == parse_iso8601("2025-03-03T14:02:00Z"));
  CHECK(a.date_source == DateSource::metadata);
  CHECK(a.author == "Amara Kone");
  CHECK(a.url == "https://www.dailyledger.example/markets/cocoa-record");  // canonical before og:url
  CHECK(a.source == "The Daily Ledger");
  CHECK(a.language == "en");
  CHECK(a.origin == html_file("news_article.html").string());
  CHECK(
      a.body ==
      "Cocoa futures in New York climbed to a record on Monday, extending a rally that has more than doubled "
      "prices in a year, as traders bet that dry weather in Ivory Coast would shrink the next harvest.\n\n"
      "The most active May contract rose 4.2 percent to $8,420 a tonne, after touching $8,515 earlier in the "
      "session. London prices followed, gaining 3.8 percent.\n\n"
      "\"The market is pricing in a third year of deficit,\" said Jonas Weber, an analyst at a Hamburg "
      "trading "
      "house.\n\"Nobody wants to be short into the mid-crop.\"\n\n"
      "Farmers count the cost\n\n"
      "Growers around Daloa, in the centre-west, said the Harmattan winds had dried the soil and that young "
      "pods were wilting on the trees.\n\n"
      "We have not seen a season like this in twenty years.\n\n"
      "Exporters estimate arrivals at the ports of Abidjan and San Pedro are running 28 percent behind last "
      "season.");
  // Spelled out: none of the page's furniture reaches the text.
  for (const char* furniture : {"cookies", "Markets</", "Share on", "Getty", "Read more", "Chocolate makers",
                                "newsletter", "trader_joe", "Easter", "Related", "Coffee", "rights reserved",
                                "This comment", "trackPageView", "Opinion", "By Amara"})
    CHECK_MESSAGE(a.body.find(furniture) == std::string::npos, furniture);
}

TEST_CASE("html: metadata from a JSON-LD @graph, text in a <div> of <br> lines, the site's name stripped") {
  const Article a = read_article(html_file("jsonld_graph.html"));
  CHECK(a.title == "Hafen Hamburg meldet Rekordumschlag");
  CHECK(a.raw_date == "2025-02-28T09:30:00+01:00");
  CHECK(a.published == parse_iso8601("2025-02-28T08:30:00Z"));
  CHECK(a.author == "Jens Petersen, Lena Vogt");
  CHECK(a.url == "https://nordkurier.example/wirtschaft/hafen-rekord");
  CHECK(a.source == "Nordkurier Online");
  CHECK(a.language == "de");
  CHECK(
      a.body ==
      "Der Hamburger Hafen hat im vergangenen Jahr so viele Container umgeschlagen wie nie zuvor, teilte die "
      "Hafenbehörde am Freitag mit.\n\n"
      "Insgesamt wurden 9,1 Millionen Standardcontainer bewegt, ein Plus von 4,5 Prozent gegenüber dem "
      "Vorjahr.\n\n"
      "Vor allem der Verkehr mit Asien habe zugelegt, sagte ein Sprecher, während die Mengen aus Nordamerika "
      "leicht zurückgingen.");
}

TEST_CASE("html: a malformed page is read as far as it parses") {
  // Unclosed <p>, <body> and <div>, misnested <b><i>, stray end tags, and an attribute quote that never
  // closes: everything after it is inside the tag, as in a browser.
  const Article a = read_article(html_file("malformed.html"));
  CHECK(a.title == "Storm closes ports & schools");  // <title> without " — Coastal Times" (og:site_name)
  CHECK(a.author == "R. Silva");
  CHECK(a.source == "Coastal Times");
  CHECK(a.raw_date.empty());
  CHECK(a.url.empty());
  CHECK(a.language.empty());
  CHECK(a.body ==
        "A winter storm closed three ports and every school along the coast on Tuesday, with gusts of up to "
        "140 "
        "km/h recorded at the harbour mouth.\n\n"
        "The coast guard said two fishing boats were towed to safety overnight and that no one was hurt.\n\n"
        "Power was cut to about 12,000 homes, the grid operator said, and crews expected to restore most of "
        "them "
        "by Wednesday evening.");
}

TEST_CASE("html: a page without article text is rejected with a reason; bad bytes are replaced") {
  const auto all = test::read_all(html_file("no_text.html"));
  REQUIRE(all.rejections.size() == 1);
  CHECK(all.articles.empty());
  CHECK(all.rejections[0].where == html_file("no_text.html").string());
  CHECK(all.rejections[0].reason == "no article text");
  CHECK(std::holds_alternative<Rejection>(parse_html_article("", "empty.html")));
  CHECK(std::holds_alternative<Rejection>(
      parse_html_article("<html><body> \n<!-- x --></body></ht", "blank.html")));
  // Invalid UTF-8 does not stop the page: Gumbo replaces the bad byte.
  const ReadItem latin1 =
      parse_html_article("<p>Caf\xE9 owners in the square said trade was slow.</p>", "x.html");
  REQUIRE(std::holds_alternative<Article>(latin1));
  CHECK(is_valid_utf8(std::get<Article>(latin1).body));
  CHECK(std::get<Article>(latin1).body == "Caf\xEF\xBF\xBD owners in the square said trade was slow.");
}

TEST_CASE("html: .html.zst is decompressed; pages over max_record_bytes are rejected") {
  test::TempDir dir;
  const std::string page = test::read_file(html_file("news_article.html"));
  test::write_file(dir / "page.html.zst", test::zstd_compress(page));
  const Article plain = read_article(html_file("news_article.html"));
  const Article packed = read_article(dir / "page.html.zst");
  CHECK(packed.title == plain.title);
  CHECK(packed.body == plain.body);
  CHECK(packed.url == plain.url);

  ReaderOptions small;
  small.max_record_bytes = 1024;
  small.chunk_bytes = 256;
  const auto all = test::read_all(html_file("news_article.html"), std::nullopt, small);
  REQUIRE(all.rejections.size() == 1);
  CHECK(all.rejections[0].reason == "record larger than 1 KiB");
  CHECK(all.rejections[0].raw.size() <= 4096);
}

TEST_CASE("html_depth_cut: counts only elements that nest") {
  CHECK(html_depth_cut("", 2) == 0);
  CHECK(html_depth_cut("<div><div></div></div>", 2) == 22);
  CHECK(html_depth_cut("<div><div><div>x", 2) == 10);  // cut before the third <div>
  // Void, self-closing and optional-end elements, comments, doctypes and raw text do not deepen.
  const std::string flat =
      "<!DOCTYPE html><div><p>a<p>b<br><img src='>'><x-y/><!-- <div><div> -->"
      "<script>if (a<b) document.write('<div><div><div>')</script><li>c</div>";
  CHECK(html_depth_cut(flat, 1) == flat.size());
  CHECK(html_depth_cut("<DIV><Section>", 1) == 5);
  CHECK(html_depth_cut("<div a=\"<div>\"><div", 1) ==
        19);  // a quoted "<div>" is no tag; nor is an unfinished one
}

TEST_CASE("strip_site_name and parse_json_ld_article") {
  CHECK(strip_site_name("Headline of the story | Site", "") == "Headline of the story");
  CHECK(strip_site_name("Headline of the story | World | The Site", "") == "Headline of the story");
  CHECK(strip_site_name("The Site - Headline - with dash", "The Site") == "Headline - with dash");
  CHECK(strip_site_name("Oil  rises - analysts", "") == "Oil rises - analysts");  // weak separator kept
  CHECK(strip_site_name("Live | Markets fall on rate fears", "") == "Live | Markets fall on rate fears");
  const auto ld = parse_json_ld_article(
      R"([{"@type":"WebPage"},{"@type":"ReportageNewsArticle","headline":" H ","author":"A B","url":"u"}])");
  REQUIRE(ld);
  CHECK(ld->headline == "H");
  CHECK(ld->author == "A B");
  CHECK(ld->url == "u");
  CHECK_FALSE(parse_json_ld_article(R"({"@type":"Organization","name":"x"})"));
  CHECK_FALSE(parse_json_ld_article("{not json"));
  CHECK_FALSE(
      parse_json_ld_article(std::string(100, '[') + R"({"@type":"NewsArticle"})" + std::string(100, ']')));
}

TEST_CASE("html: a bomb of 100,000 nested divs is read in bounded time and memory") {
  // Bound: Gumbo sees at most max_html_depth (512) levels. Unbounded, Gumbo needs 1.9 s and 788 MB for
  // 10,000 levels and 24 GB for 100,000; cut, the page takes milliseconds. The test allows 2 s and 64 MiB of
  // peak resident growth (room for sanitizers and load).
  test::TempDir dir;
  std::string bomb =
      "<html><head><title>Bomb</title></head><body><p>Text before the bomb is kept, every word of "
      "this sentence.</p>";
  for (int i = 0; i < 100000; ++i) bomb += "<div>";
  bomb += "deep text";
  for (int i = 0; i < 100000; ++i) bomb += "</div>";
  test::write_file(dir / "bomb.html", bomb);
  const long rss_before = peak_rss_kib();
  const auto start = std::chrono::steady_clock::now();
  const Article a = read_article(dir / "bomb.html");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const long grown_kib = peak_rss_kib() - rss_before;
  MESSAGE("100,000 nested divs: " << seconds << " s, peak RSS grew " << grown_kib << " KiB");
  CHECK(a.title == "Bomb");
  CHECK(a.body == "Text before the bomb is kept, every word of this sentence.");
  CHECK(seconds < 2.0);
  CHECK(grown_kib < 64 * 1024);
}
