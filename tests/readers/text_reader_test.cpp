/// @file
/// @brief Plain-text reader: headline and paragraphs, header lines (also inline), rejections, seeds.
#include "gazette/readers/text_reader.hpp"

#include <chrono>

#include "../test_paths.hpp"
#include "doctest/doctest.h"
#include "reader_test_util.hpp"

using namespace gazette;
using namespace std::chrono;

namespace {

std::filesystem::path text_file(std::string_view name) {
  return test::data_dir() / "readers" / "text" / name;
}

// The one item of a text file, which must be an article.
Article read_article(const std::filesystem::path& path) {
  const auto all = test::read_all(path);
  REQUIRE(all.items.size() == 1);
  REQUIRE(all.articles.size() == 1);
  return all.articles[0];
}

Rejection read_rejection(const std::filesystem::path& path) {
  const auto all = test::read_all(path);
  REQUIRE(all.items.size() == 1);
  REQUIRE(all.rejections.size() == 1);
  return all.rejections[0];
}

}  // namespace

TEST_CASE("text: headline, then paragraphs separated by one blank line") {
  const Article a = read_article(text_file("headline.txt"));
  CHECK(a.title == "Headline of the story");
  CHECK(a.body == "First paragraph, line one.\nline two.\n\nSecond paragraph.");
  CHECK(a.source.empty());
  CHECK(a.raw_date.empty());
  CHECK_FALSE(a.published);
  CHECK(a.date_source == DateSource::none);
  CHECK(a.origin == text_file("headline.txt").string());
}

TEST_CASE("text: header lines in both forms before the headline") {
  const Article a = read_article(text_file("headers.txt"));
  CHECK(a.raw_date == "Mon, 3 Mar 2025 14:02 GMT");  // not ISO 8601: kept, not parsed
  CHECK_FALSE(a.published);
  CHECK(a.date_source == DateSource::none);
  CHECK(a.source == "Example Wire");
  CHECK(a.url == "https://example.com/x");
  CHECK(a.author == "Jane Roe");
  CHECK(a.language == "en");
  CHECK(a.id == "story-1");
  CHECK(a.title == "The Headline");
  CHECK(a.body == "Body.");
}

TEST_CASE("text: an inline date header starts the body and leaves no headline") {
  const Article a = read_article(text_file("inline_date.txt"));
  CHECK(a.title.empty());
  CHECK(a.raw_date == "2025-03-03");
  REQUIRE(a.published);
  CHECK(*a.published == sys_days{2025y / March / 3});
  CHECK(a.date_source == DateSource::header);
  CHECK(a.body == "The story begins on the first line.\n\nMore text.");
}

TEST_CASE("text: a headline that starts with a header word is a headline") {
  const Article a = read_article(text_file("date_night.txt"));
  CHECK(a.title == "Date night ideas for spring");
  CHECK(a.raw_date.empty());
  CHECK(a.body == "Body.");
}

TEST_CASE("text: byte-order mark and CRLF line ends") {
  const Article a = read_article(text_file("crlf_bom.txt"));
  CHECK(a.title == "Title with BOM");
  CHECK(a.body == "Body line");
}

TEST_CASE("text: empty files, files with headers only and invalid UTF-8 are rejected") {
  const Rejection empty = read_rejection(text_file("empty.txt"));
  CHECK(empty.where == text_file("empty.txt").string());
  CHECK(empty.reason == "no text");

  const Rejection headers = read_rejection(text_file("headers_only.txt"));
  CHECK(headers.where == text_file("headers_only.txt").string());
  CHECK(headers.reason == "no text");

  const Rejection bad = read_rejection(text_file("bad_utf8.txt"));
  CHECK(bad.where == text_file("bad_utf8.txt").string() + ":4");
  CHECK(bad.reason == "invalid UTF-8 at column 5");
  CHECK(bad.raw == test::read_file(text_file("bad_utf8.txt")));
}

TEST_CASE("text: header forms") {
  const auto article = [](std::string_view content) {
    const ReadItem item = parse_text_article(content, "t.txt");
    REQUIRE(std::holds_alternative<Article>(item));
    return std::get<Article>(item);
  };
  SUBCASE("ISO date-time with a space, a colon form in any case") {
    const Article a = article("DATE: 2025-03-03 14:02\n\nHeadline\n\nBody");
    CHECK(a.raw_date == "2025-03-03 14:02");
    REQUIRE(a.published);
    CHECK(*a.published == sys_days{2025y / March / 3} + 14h + 2min);
    CHECK(a.title == "Headline");
  }
  SUBCASE("inline after an ISO date-time") {
    const Article a = article("date 2025-03-03T09:30:00Z Text follows.\nSecond line.");
    CHECK(a.raw_date == "2025-03-03T09:30:00Z");
    CHECK(a.title.empty());
    CHECK(a.body == "Text follows.\nSecond line.");
  }
  SUBCASE("a date that is not ISO 8601 starting with a digit") {
    const Article a = article("date 3 March 2025\nHeadline");
    CHECK(a.raw_date == "3 March 2025");
    CHECK_FALSE(a.published);
    CHECK(a.title == "Headline");
  }
  SUBCASE("an impossible ISO date is kept verbatim") {
    const Article a = article("date 2025-02-30\nHeadline");
    CHECK(a.raw_date == "2025-02-30");
    CHECK_FALSE(a.published);
  }
  SUBCASE("capitalised space forms and implausible values are text") {
    CHECK(article("Source of the leak found\nBody").title == "Source of the leak found");
    CHECK(article("url shorteners are everywhere\nBody").title == "url shorteners are everywhere");
    CHECK(article("language barriers fall\nBody").title == "language barriers fall");
    CHECK(article("id theft rises\nBody").title == "id theft rises");
  }
  SUBCASE("headers end at the headline") {
    const Article a = article("Headline\nsource Example\nBody");
    CHECK(a.source.empty());
    CHECK(a.body == "source Example\nBody");
  }
  SUBCASE("a headline alone is an article") {
    const Article a = article("\n\n   Only a headline   \n\n");
    CHECK(a.title == "Only a headline");
    CHECK(a.body.empty());
  }
}

TEST_CASE("text: a file over the record bound is rejected") {
  test::TempDir dir;
  test::write_file(dir / "big.txt", "Headline\n\n" + std::string(3000, 'w'));
  ReaderOptions options;
  options.max_record_bytes = 2000;
  options.chunk_bytes = 512;
  const auto all = test::read_all(dir / "big.txt", std::nullopt, options);
  REQUIRE(all.rejections.size() == 1);
  CHECK(all.items.size() == 1);
  CHECK(all.rejections[0].where == (dir / "big.txt").string());
  CHECK(all.rejections[0].reason == "record larger than 2000 bytes");
  CHECK(all.rejections[0].raw.starts_with("Headline\n\nwww"));
}

TEST_CASE("text: .txt.zst is decompressed") {
  test::TempDir dir;
  test::write_file(dir / "b.txt.zst", test::zstd_compress(test::read_file(text_file("inline_date.txt"))));
  const Article a = read_article(dir / "b.txt.zst");
  CHECK(a.raw_date == "2025-03-03");
  CHECK(a.body == "The story begins on the first line.\n\nMore text.");
  CHECK(a.origin == (dir / "b.txt.zst").string());
}

TEST_CASE("text: the three seed layouts") {
  const auto seeds = test::seeds_dir();
  if (!std::filesystem::exists(seeds / "000_6d47baeab9ef27c8.txt")) {
    MESSAGE("seeds not found at " << seeds.string() << ": skipped");
    return;
  }
  SUBCASE("000: headline and body, no date") {
    const Article a = read_article(seeds / "000_6d47baeab9ef27c8.txt");
    CHECK(a.title ==
          "The White House is reportedly working on a plan to lift sanctions on Russia and some oligarchs");
    CHECK(a.body.starts_with("The United States is reportedly working on a potential plan"));
    CHECK(a.body.find("\n\nThe White House has instructed the State") != std::string::npos);
    CHECK(a.raw_date.empty());
    CHECK(a.date_source == DateSource::none);
  }
  SUBCASE("001: headline, standfirst (first body paragraph) and body") {
    const Article a = read_article(seeds / "001_b01de3545862db5b.txt");
    CHECK(a.title == "White House Considers Easing Russia Sanctions Amid Diplomatic Talks");
    CHECK(a.body.starts_with(
        "The White House's request for a sanctions relief proposal came just days before "
        "Trump extended a state of emergency over Ukraine.\n\nWashington: The U.S. government"));
    CHECK(a.raw_date.empty());
  }
  SUBCASE("002: inline date header, no headline") {
    const Article a = read_article(seeds / "002_68e0e8436d88f5e1.txt");
    CHECK(a.title.empty());
    CHECK(a.raw_date == "2025-03-03");
    REQUIRE(a.published);
    CHECK(*a.published == sys_days{2025y / March / 3});
    CHECK(a.date_source == DateSource::header);
    CHECK(
        a.body.starts_with("The Trump administration is drawing up plans to drop some sanctions on Russia"));
    CHECK(a.body.find("\n\nAFP/Getty Images\n\n") != std::string::npos);
  }
}
