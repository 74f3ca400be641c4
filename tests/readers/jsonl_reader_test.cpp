/// @file
/// @brief JSON Lines reader: schema fields, every kind of rejection with its line, bounds and zstd.
#include "gazette/readers/jsonl_reader.hpp"

#include <chrono>
#include <set>

#include <nlohmann/json.hpp>

#include "../test_paths.hpp"
#include "doctest/doctest.h"
#include "gazette/core/error.hpp"
#include "reader_test_util.hpp"

using namespace gazette;
using namespace std::chrono;

namespace {

const std::string articles_path = (test::data_dir() / "readers" / "articles.jsonl").string();

const Article& article_at(const test::ReadAll& all, std::size_t i) {
  return std::get<Article>(all.items.at(i));
}
const Rejection& rejection_at(const test::ReadAll& all, std::size_t i) {
  return std::get<Rejection>(all.items.at(i));
}

}  // namespace

TEST_CASE("jsonl: a full record fills every field") {
  const auto all = test::read_all(articles_path);
  REQUIRE(all.items.size() == 14);  // 15 lines, one blank
  const Article& a = article_at(all, 0);
  CHECK(a.id == "a1");
  CHECK(a.title == "Sanctions relief plan");
  CHECK(a.body == "The White House is drafting a list.\n\nSecond paragraph.");
  CHECK(a.raw_date == "2025-03-03T14:02:00Z");
  REQUIRE(a.published);
  CHECK(*a.published == sys_days{2025y / March / 3} + 14h + 2min);
  CHECK(a.date_source == DateSource::metadata);
  CHECK(a.source == "Example Wire");
  CHECK(a.url == "https://example.com/a1");
  CHECK(a.author == "Jane Roe");
  CHECK(a.language == "en");
  CHECK(a.dateline == "WASHINGTON, March 3");
  CHECK(a.gold.topics == std::vector<std::string>{"politics"});
  CHECK(a.gold.places == std::vector<std::string>{"usa", "russia"});
  CHECK(a.gold.people.empty());
  CHECK(a.origin == articles_path + ":1");
}

TEST_CASE("jsonl: optional fields, a date that does not parse, nulls, CRLF and a last line without newline") {
  const auto all = test::read_all(articles_path);
  REQUIRE(all.items.size() == 14);

  const Article& free_date = article_at(all, 1);  // line 3
  CHECK(free_date.id.empty());
  CHECK(free_date.title == "No id, free-form date");
  CHECK(free_date.raw_date == "March 3, 2025");
  CHECK_FALSE(free_date.published);
  CHECK(free_date.date_source == DateSource::none);
  CHECK(free_date.origin == articles_path + ":3");

  const Article& body_only = article_at(all, 7);  // line 9
  CHECK(body_only.title.empty());
  CHECK(body_only.body == "Only a body.");
  CHECK(body_only.language == "en");
  REQUIRE(body_only.published);
  CHECK(*body_only.published == sys_days{2025y / March / 3});
  CHECK(body_only.origin == articles_path + ":9");

  const Article& nulls = article_at(all, 11);  // line 13
  CHECK(nulls.title == "Nulls are absent");
  CHECK(nulls.body.empty());
  CHECK(nulls.id.empty());

  CHECK(article_at(all, 12).title == "CRLF line ending");
  CHECK(article_at(all, 12).origin == articles_path + ":14");
  CHECK(article_at(all, 13).title == "Last line without a newline");
  CHECK(article_at(all, 13).id == "z9");
  CHECK(article_at(all, 13).origin == articles_path + ":15");
  CHECK(all.articles.size() == 6);
  CHECK(all.rejections.size() == 8);
}

TEST_CASE("jsonl: unusable records are rejected with their line, a reason and the raw line") {
  const auto all = test::read_all(articles_path);
  REQUIRE(all.items.size() == 14);
  struct Expected {
    std::size_t item, line;
    std::string reason_start;
  };
  const Expected expected[] = {
      {2, 4, "\"title\" must be a string"},
      {3, 5, "malformed JSON at column 19: syntax error while parsing object"},
      {4, 6, "not a JSON object"},
      {5, 7, "no text: \"title\" and \"body\" are both empty"},
      {6, 8, "invalid UTF-8 at column 14"},
      {8, 10, "\"language\" must be an ISO 639-1 code, not \"english\""},
      {9, 11, "\"labels.topics\" must be an array of strings"},
      {10, 12, "not a JSON object"},
  };
  for (const Expected& e : expected) {
    CAPTURE(e.line);
    const Rejection& r = rejection_at(all, e.item);
    CHECK(r.where == articles_path + ":" + std::to_string(e.line));
    CHECK(r.reason.starts_with(e.reason_start));
  }
  CHECK(rejection_at(all, 2).raw == R"({"title": 5, "body": "x"})");
  CHECK(rejection_at(all, 4).raw == "[1, 2, 3]");
}

TEST_CASE("jsonl: parse_jsonl_record on its own") {
  SUBCASE("unknown fields of any shape are ignored") {
    const ReadItem item = parse_jsonl_record(
        R"({"title":"T","x":{"y":[{"z":[1,{"title":5}]}]},"labels":{"other":{"a":1},"orgs":["imf"]}})",
        "in:1");
    REQUIRE(std::holds_alternative<Article>(item));
    CHECK(std::get<Article>(item).title == "T");
    CHECK(std::get<Article>(item).gold.orgs == std::vector<std::string>{"imf"});
  }
  SUBCASE("a later duplicate key wins") {
    const ReadItem item = parse_jsonl_record(R"({"title":"first","title":"second"})", "in:1");
    REQUIRE(std::holds_alternative<Article>(item));
    CHECK(std::get<Article>(item).title == "second");
  }
  SUBCASE("type errors name the field") {
    CHECK(std::get<Rejection>(parse_jsonl_record(R"({"title":"T","id":7})", "in:2")).reason ==
          "\"id\" must be a string");
    CHECK(std::get<Rejection>(parse_jsonl_record(R"({"title":"T","labels":["a"]})", "in:2")).reason ==
          "\"labels\" must be an object");
    CHECK(std::get<Rejection>(parse_jsonl_record(R"({"title":"T","labels":{"places":["a",1]}})", "in:2"))
              .reason == "\"labels.places\" must be an array of strings");
    CHECK(std::get<Rejection>(parse_jsonl_record(R"({"title":"T","body":["a"]})", "in:2")).reason ==
          "\"body\" must be a string");
  }
  SUBCASE("Unicode white space is no text; trailing garbage is malformed") {
    CHECK(std::get<Rejection>(parse_jsonl_record("{\"title\":\"\u00a0\u3000\",\"body\":\"\u200b\"}", "in:3"))
              .reason.starts_with("no text"));
    CHECK(std::get<Rejection>(parse_jsonl_record(R"({"title":"T"} {})", "in:3"))
              .reason.starts_with("malformed JSON"));
  }
  SUBCASE("deep nesting is rejected, not recursed into") {
    const std::string deep = "{\"x\":" + std::string(1000, '[') + std::string(1000, ']') + "}";
    CHECK(std::get<Rejection>(parse_jsonl_record(deep, "in:4")).reason ==
          "JSON nested deeper than 100 levels");
  }
}

TEST_CASE("jsonl: a line over the record bound is rejected and reading goes on after it") {
  test::TempDir dir;
  const std::string big = R"({"title":"big","body":")" + std::string(5000, 'x') + "\"}";
  test::write_file(dir / "big.jsonl", "{\"title\":\"one\"}\n" + big + "\n{\"title\":\"three\"}\n" + big);
  ReaderOptions options;
  options.max_record_bytes = 1024;
  options.chunk_bytes = 100;
  const auto all = test::read_all(dir / "big.jsonl", std::nullopt, options);
  REQUIRE(all.items.size() == 4);
  CHECK(std::get<Article>(all.items[0]).title == "one");
  const Rejection& r = std::get<Rejection>(all.items[1]);
  CHECK(r.where == (dir / "big.jsonl").string() + ":2");
  CHECK(r.reason == "record larger than 1 KiB");
  CHECK(r.raw.size() > 1024);
  CHECK(r.raw.size() <= 4096);
  CHECK(big.starts_with(r.raw));
  CHECK(std::get<Article>(all.items[2]).title == "three");
  CHECK(std::get<Article>(all.items[2]).origin == (dir / "big.jsonl").string() + ":3");
  CHECK(std::get<Rejection>(all.items[3]).where == (dir / "big.jsonl").string() + ":4");
}

TEST_CASE("jsonl: a record over 64 MiB with the default bound, compressed") {
  test::TempDir dir;
  std::string data = R"({"title":"huge","body":")";
  data.append(max_record_bytes, 'y');
  data += "\"}\n{\"title\":\"after\"}\n";
  test::write_file(dir / "huge.jsonl.zst", test::zstd_compress(data, 1));
  data = {};
  const auto all = test::read_all(dir / "huge.jsonl.zst");
  REQUIRE(all.items.size() == 2);
  const Rejection& r = std::get<Rejection>(all.items[0]);
  CHECK(r.reason == "record larger than 64 MiB");
  CHECK(r.where == (dir / "huge.jsonl.zst").string() + ":1");
  CHECK(r.raw.size() == 4096);
  CHECK(std::get<Article>(all.items[1]).origin == (dir / "huge.jsonl.zst").string() + ":2");
}

TEST_CASE("jsonl: .zst input gives the same items as plain input, also in small chunks") {
  test::TempDir dir;
  const std::string plain = test::read_file(articles_path);
  // Two frames back to back: a stream may hold several.
  test::write_file(dir / "a.jsonl.zst",
                   test::zstd_compress(plain.substr(0, 300)) + test::zstd_compress(plain.substr(300), 19));
  ReaderOptions small;
  small.chunk_bytes = 7;
  const auto expected = test::read_all(articles_path);
  for (const ReaderOptions& options : {ReaderOptions{}, small}) {
    const auto all = test::read_all(dir / "a.jsonl.zst", std::nullopt, options);
    REQUIRE(all.items.size() == expected.items.size());
    for (std::size_t i = 0; i < all.items.size(); ++i) {
      CAPTURE(i);
      CHECK(all.items[i].index() == expected.items[i].index());
      if (const auto* a = std::get_if<Article>(&all.items[i])) {
        CHECK(a->title == std::get<Article>(expected.items[i]).title);
        CHECK(a->origin.ends_with(std::get<Article>(expected.items[i]).origin.substr(articles_path.size())));
      } else {
        CHECK(std::get<Rejection>(all.items[i]).reason == std::get<Rejection>(expected.items[i]).reason);
      }
    }
  }
}

TEST_CASE("jsonl: a corrupt or truncated zstd stream throws bad_input naming the file") {
  test::TempDir dir;
  const std::string compressed = test::zstd_compress(test::read_file(articles_path));
  test::write_file(dir / "cut.jsonl.zst", compressed.substr(0, compressed.size() / 2));
  test::write_file(dir / "junk.jsonl.zst", "this is not zstd at all\n");
  for (const char* name : {"cut.jsonl.zst", "junk.jsonl.zst"}) {
    CAPTURE(name);
    auto reader = open_reader(dir / name);
    try {
      while (reader->next()) {
      }
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::bad_input);
      CHECK(std::string(e.what()).find((dir / name).string()) != std::string::npos);
    }
    CHECK_FALSE(reader->next());  // nothing more after the error
  }
}

TEST_CASE("jsonl: bytes_read counts decompressed input") {
  test::TempDir dir;
  const std::string plain = test::read_file(articles_path);
  test::write_file(dir / "a.ndjson.zst", test::zstd_compress(plain));
  auto reader = open_reader(dir / "a.ndjson.zst");
  while (reader->next()) {
  }
  CHECK(reader->bytes_read() == plain.size());
}

TEST_CASE("jsonl: schemas/article.schema.json describes the fields the reader reads") {
  const auto schema = nlohmann::json::parse(
      test::read_file(std::filesystem::path(GAZETTE_SCHEMAS_DIR) / "article.schema.json"));
  CHECK(schema.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
  std::set<std::string> fields, labels;
  for (const auto& [name, value] : schema.at("properties").items()) fields.insert(name);
  for (const auto& [name, value] : schema.at("properties").at("labels").at("properties").items())
    labels.insert(name);
  CHECK(fields == std::set<std::string>{"id", "title", "body", "date", "source", "url", "author", "language",
                                        "dateline", "labels"});
  CHECK(labels == std::set<std::string>{"topics", "places", "people", "orgs", "exchanges", "companies"});
  // The example in the schema is read as an article with every field.
  const ReadItem item = parse_jsonl_record(schema.at("examples").at(0).dump(), "schema:1");
  REQUIRE(std::holds_alternative<Article>(item));
  CHECK(std::get<Article>(item).language == "en");
  CHECK(std::get<Article>(item).gold.places == std::vector<std::string>{"usa", "russia"});
}
