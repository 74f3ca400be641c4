/// @file
/// @brief gazette-index and gazette-search end to end on the sample archive (tests/data/sample).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "harness.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

constexpr std::size_t sample_articles = 14;  // 10 JSON lines, 2 text files, 2 SGML articles

/// The sample archive, indexed once for all the tests of this file.
const std::string& sample_db() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    const ProcessResult r = index({"--db", path, sample_dir()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return path;
  }();
  return db;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("indexing the sample archive reports every article and no reject") {
  TempDir dir;
  const ProcessResult r = index({"--db", dir / "db", sample_dir()});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.find("14 added, 0 replaced, 0 duplicate ids, 0 rejected") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "db.rejects.jsonl"));
}

TEST_CASE("known queries find their article first") {
  struct Case {
    const char* query;
    const char* top;
  };
  const Case cases[] = {
      {"harbour authority approves terminal", "gz-0001"},
      {"cocoa grindings Europe", "gz-0005"},
      {"comet", "gz-0009"},
      {"railway strike", "gz-0008"},
      {"interest rates", "gz-0003"},
      {"wheat plantings", "reuters-900001"},
      {"sao paulo", "gz-0006"},  // diacritics folded: São Paulo
      {"cafe", "gz-0006"},       // Café
      {"title:flood", "gz-0004"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    const json r = search_json(sample_db(), {c.query});
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(r["hits"][0]["id"] == c.top);
  }
}

TEST_CASE("by default, when few articles have all the words, articles with any of them follow") {
  const json all = search_json(sample_db(), {"ferry terminal", "--match", "all"});
  const json automatic = search_json(sample_db(), {"ferry terminal"});
  CHECK(all["match"] == "all");
  CHECK(automatic["match"] == "any");
  CHECK(total(automatic) > total(all));
  CHECK(automatic["hits"][0]["id"] == all["hits"][0]["id"]);  // the article with both words ranks first
  CHECK(search_json(sample_db(), {"harbour", "--match", "any"})["match"] == "any");
}

TEST_CASE("a phrase matches only words in order; loose words match anywhere") {
  const auto loose = hit_ids(search_json(sample_db(), {"ferry terminal", "--match", "all"}));
  const auto phrase = hit_ids(search_json(sample_db(), {"\"ferry terminal\"", "--match", "all"}));
  CHECK(loose.size() == 1);
  CHECK(phrase.empty());
  const auto container = hit_ids(search_json(sample_db(), {"\"container terminal\""}));
  CHECK(container.size() == 2);
  CHECK(contains(container, "gz-0001"));
  // Hyphenated and acronym forms are phrases over the analyzer's tokens.
  const auto us_russia = hit_ids(search_json(sample_db(), {"U.S.-Russia"}));
  CHECK(us_russia == std::vector<std::string>{"gz-0007"});
}

TEST_CASE("boolean operators and exclusion") {
  CHECK(hit_ids(search_json(sample_db(), {"cocoa NOT grindings"})).size() == 2);
  CHECK(hit_ids(search_json(sample_db(), {"cocoa -grindings"})).size() == 2);
  CHECK(hit_ids(search_json(sample_db(), {"comet OR strike"})).size() == 2);
}

TEST_CASE("date filters: year, month, day and inclusive ranges, in the query and as --filter") {
  auto count = [](std::vector<std::string> args) {
    return search_json(sample_db(), args)["total"]["estimate"];
  };
  CHECK(count({"date:2024-03"}) == 3);
  CHECK(count({"date:2022"}) == 2);
  CHECK(count({"date:1987"}) == 2);
  CHECK(count({"date:2024-03-12"}) == 1);
  CHECK(count({"date:2024-03-01..2024-03-31"}) == 3);
  // The upper bound is inclusive even for an article published late on that day.
  CHECK(count({"date:2024-03-01..2024-03-28"}) == 3);
  CHECK(count({"date:..2022-12-31"}) == 4);
  CHECK(count({"date:2024-05.."}) == 2);
  CHECK(count({"cocoa", "--filter", "date=2024"}) == 2);
  CHECK(count({"cocoa", "--filter", "date=1987", "--filter", "source=Reuters"}) == 1);
}

TEST_CASE("source filters are case-insensitive through the one canonicaliser") {
  auto count = [](std::vector<std::string> args) {
    return search_json(sample_db(), args)["total"]["estimate"];
  };
  CHECK(count({"source:\"market wire\""}) == 3);
  CHECK(count({"", "--filter", "source=Market Wire"}) == 3);
  CHECK(count({"", "--filter", "source=MARKET WIRE"}) == 3);
}

TEST_CASE("facets count the whole match set, not the page") {
  const json r = search_json(sample_db(), {"cocoa", "--limit", "1"});
  CHECK(r["hits"].size() == 1);
  CHECK(r["total"]["estimate"] == 3);
  const json& dates = r["facets"]["date"];
  CHECK(dates["granularity"] == "year");  // 1987 to 2024 is too long for months
  std::size_t total = 0;
  for (const auto& b : dates["buckets"]) total += b["count"].get<std::size_t>();
  CHECK(total == 3);
  CHECK(dates["buckets"].front()["key"] == "1987");
  CHECK(dates["buckets"].back()["key"] == "2024");
  CHECK(dates["buckets"].size() == 2024 - 1987 + 1);  // empty years included
  const json& sources = r["facets"]["fields"]["source"];
  CHECK(sources[0] == json{{"value", "Market Wire"}, {"count", 2}});
  CHECK(sources[1] == json{{"value", "Reuters"}, {"count", 1}});
}

TEST_CASE("narrower match sets get finer buckets") {
  const json months = search_json(sample_db(), {"date:2022..2024"});
  CHECK(months["facets"]["date"]["granularity"] == "month");
  CHECK(months["facets"]["date"]["buckets"].front()["key"] == "2022-01");
  CHECK(months["facets"]["date"]["buckets"].back()["key"] == "2024-05");
  CHECK(months["facets"]["date"]["buckets"].size() == 29);
  const json days = search_json(sample_db(), {"date:2024"});
  CHECK(days["facets"]["date"]["granularity"] == "day");
  CHECK(days["facets"]["date"]["buckets"].front()["key"] == "2024-03-12");
  CHECK(days["facets"]["date"]["buckets"].back()["key"] == "2024-05-06");
}

TEST_CASE("snippets highlight the matched words, escaped in HTML, with exact spans") {
  const json r = search_json(sample_db(), {"cocoa", "prices"});
  REQUIRE_FALSE(r["hits"].empty());
  const json& hit = r["hits"][0];
  CHECK(hit["id"] == "gz-0002");
  const std::string text = hit["snippet"]["text"];
  REQUIRE_FALSE(hit["snippet"]["highlights"].empty());
  for (const auto& span : hit["snippet"]["highlights"]) {
    const std::string word =
        text.substr(span[0].get<size_t>(), span[1].get<size_t>() - span[0].get<size_t>());
    CHECK((word == "Cocoa" || word == "cocoa" || word == "prices" || word == "price"));
  }
  CHECK(std::string(hit["snippet"]["html"]).find("<mark>Cocoa</mark>") != std::string::npos);
  CHECK(std::string(hit["title_highlighted"]["html"]).find("<mark>prices</mark>") != std::string::npos);
}

TEST_CASE("human output shows headline, date, source, id and a bold snippet on request") {
  const ProcessResult r = search({"--db", sample_db(), "--color", "always", "comet"});
  CHECK(r.status == 0);
  CHECK(r.out.find("1 result") != std::string::npos);
  CHECK(r.out.find("Observatory spots \x1b[1mcomet\x1b[0m") != std::string::npos);
  CHECK(r.out.find("2022-01-25 \u00b7 Science Notes \u00b7 id gz-0009") != std::string::npos);
  CHECK(r.out.find("Dates (by day)") != std::string::npos);
  const ProcessResult plain = search({"--db", sample_db(), "--color", "never", "comet"});
  CHECK(plain.out.find('\x1b') == std::string::npos);
}

TEST_CASE("offset and limit page through the results; sort by date puts the newest first") {
  const json newest = search_json(sample_db(), {"", "--sort", "date", "--limit", "20"});
  const auto all = hit_ids(newest);
  REQUIRE(all.size() == sample_articles);
  CHECK(newest["hits"][0]["date"] == "2024-05-06T00:00:00Z");  // ferry.txt, dated by its inline header
  const auto page2 =
      hit_ids(search_json(sample_db(), {"", "--sort", "date", "--offset", "5", "--limit", "5"}));
  CHECK(page2 == std::vector<std::string>(all.begin() + 5, all.begin() + 10));
  CHECK(all.back() == "reuters-900001");
}

TEST_CASE("an empty query lists the newest articles") {
  // An empty argument is an empty query; with no argument at all the searcher reads queries from stdin.
  const json r = search_json(sample_db(), {""});
  CHECK(r["total"]["estimate"] == sample_articles);
  CHECK(r["hits"][0]["date"] == "2024-05-06T00:00:00Z");
}

TEST_CASE("batch mode answers one query per line of standard input") {
  const ProcessResult r = search({"--db", sample_db(), "--json"}, "comet\nrailway strike\n");
  CHECK(r.status == 0);
  CHECK(schema_problems(r.out, "search-response.schema.json") == "");
  std::size_t lines = std::count(r.out.begin(), r.out.end(), '\n');
  CHECK(lines == 2);
}

TEST_CASE("--get prints one stored article") {
  const ProcessResult r = search({"--db", sample_db(), "--get", "gz-0007", "--json"});
  CHECK(r.status == 0);
  const json article = json::parse(r.out);
  CHECK(article["title"] == "U.S.-Russia talks on grain shipments resume");
  CHECK(std::string(article["body"]).find("Black Sea") != std::string::npos);
  CHECK(schema_problems(article.dump(), "search-response.schema.json", "article") == "");
  CHECK(search({"--db", sample_db(), "--get", "no-such-id"}).status == 3);
}

TEST_CASE("re-indexing the same input replaces instead of duplicating") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  const ProcessResult again = index({"--db", db, "--force", sample_dir()});  // --force: past the manifest
  CHECK(again.status == 0);
  CHECK(again.err.find("0 added, 14 replaced") != std::string::npos);
  CHECK(search_json(db, {""})["total"]["estimate"] == sample_articles);
}

TEST_CASE("query errors and database errors give messages and documented exit statuses") {
  const ProcessResult bad_date = search({"--db", sample_db(), "date:2024-13"});
  CHECK(bad_date.status == 1);
  CHECK(bad_date.err.find("cannot read date '2024-13'") != std::string::npos);
  const ProcessResult bad_filter = search({"--db", sample_db(), "--filter", "colour=red", "x"});
  CHECK(bad_filter.status == 1);
  CHECK(bad_filter.err.find("cannot filter on 'colour'") != std::string::npos);

  TempDir dir;
  const ProcessResult missing = search({"--db", dir / "nothing-here", "x"});
  CHECK(missing.status == 3);
  CHECK(missing.err.find("no database here") != std::string::npos);
  const ProcessResult not_gazette = search({"--db", dir.path(), "x"});
  CHECK(not_gazette.status == 3);
  CHECK(not_gazette.err.find("not a Gazette database") != std::string::npos);
  const ProcessResult json_error = search({"--db", dir / "nothing-here", "--json", "x"});
  CHECK(schema_problems(json_error.out, "search-response.schema.json") == "");
}

TEST_CASE("a bulk load on every core gives the same database as one writer") {
  TempDir dir;
  const std::string one = dir / "one", many = dir / "many";
  REQUIRE(index({"--db", one, "--threads", "1", sample_dir()}).status == 0);
  const ProcessResult parallel = index({"--db", many, "--threads", "3", sample_dir()});
  REQUIRE(parallel.status == 0);
  CHECK(parallel.err.find("14 added") != std::string::npos);
  for (const char* query : {"", "cocoa", "\"container terminal\"", "date:2024", "source:\"market wire\""}) {
    CAPTURE(query);
    const json a = search_json(one, {query, "--limit", "20"});
    const json b = search_json(many, {query, "--limit", "20"});
    CHECK(hit_ids(a) == hit_ids(b));
    CHECK(a["facets"] == b["facets"]);
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))  // no work folder left behind
    CHECK(entry.path().filename().string().find("partitions") == std::string::npos);
  const ProcessResult check = run_process({"xapian-check", many});
  CHECK(check.status == 0);
}
