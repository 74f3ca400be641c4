/// @file
/// @brief Query help end to end: did-you-mean, synonyms and entity aliases, more like this, dates in the
/// query; in JSON, text and the CGI page, on an archive written here.
#include <doctest/doctest.h>

#include "harness.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

/// Seven articles: a Fed story in three versions, a Zelensky story, two cocoa stories, and a headline with
/// "May" and "March" as words.
constexpr const char* articles =
    R"({"id":"fed-1","title":"Federal Reserve holds interest rates steady","body":"The Federal Reserve kept its benchmark interest rate unchanged on Wednesday, citing slowing inflation and a cooling labour market. Policymakers signalled two cuts later in the year.","date":"2025-03-05","source":"Wire A"}
{"id":"fed-2","title":"Federal Reserve holds interest rates steady","body":"The Federal Reserve kept its benchmark interest rate unchanged on Wednesday, citing slowing inflation and a cooling labour market. Policymakers signalled two cuts later in the year, officials said.","date":"2025-03-05","source":"Wire B"}
{"id":"fed-3","title":"Central bank leaves rates on hold","body":"The Federal Reserve kept its benchmark interest rate unchanged on Wednesday, citing slowing inflation and a cooling labour market. Policymakers signalled two cuts later in the year.","date":"2025-03-06","source":"Wire C"}
{"id":"ecb-1","title":"European Central Bank weighs interest rate cut as inflation slows","body":"Policymakers at the European Central Bank said slowing inflation and a weak labour market could justify an interest rate cut in April. Markets expect the benchmark rate to fall.","date":"2025-02-20","source":"Wire A"}
{"id":"ukr-1","title":"Zelensky meets European leaders in Brussels","body":"Ukrainian President Volodymyr Zelensky met European leaders in Brussels on Thursday to discuss security guarantees and reconstruction funding.","date":"2025-03-06","source":"Wire B"}
{"id":"cocoa-1","title":"Cocoa prices climb on poor harvest","body":"Cocoa futures rose sharply in London after exporters in Ghana and Ivory Coast reported a smaller mid-crop harvest than expected.","date":"2025-01-15","source":"Wire C"}
{"id":"march-1","title":"May Day march draws thousands","body":"Thousands joined the May Day march through the city centre, organisers said. The march ended with speeches at the town hall.","date":"2024-05-01","source":"Wire A"}
)";

const std::string& archive() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    const ProcessResult r = index({"--db", path, "--format", "jsonl", "-"}, articles);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return path;
  }();
  return db;
}

json search_archive(std::vector<std::string> args) {
  args.push_back("--no-collapse");
  return search_json(archive(), args);
}

}  // namespace

TEST_CASE("did-you-mean corrects misspellings from the archive's own words") {
  const json r = search_archive({"cocao harvest"});
  CHECK(total(search_archive({"cocao harvest", "--match", "all"})) == 0);
  CHECK(r["match"] == "any");  // "harvest" alone still finds something, with the suggestion above it
  CHECK(r["suggestion"] == "cocoa harvest");
  CHECK(total(search_archive({r["suggestion"].get<std::string>()})) == 1);
  const ProcessResult text = search({"--db", archive(), "cocao"});
  CHECK(text.out.find("Did you mean: cocoa") != std::string::npos);
}

TEST_CASE("did-you-mean never corrects a word that matches") {
  CHECK(search_archive({"ghana"})["suggestion"].is_null());           // a rare word, in one article
  CHECK(search_archive({"ghana brussels"})["suggestion"].is_null());  // real words, no common article
  CHECK(search_archive({"federal"})["suggestion"].is_null());         // plenty of results: no help needed
}

TEST_CASE("synonyms: Fed finds the Federal Reserve, and --no-synonyms searches the word alone") {
  CHECK(total(search_archive({"fed"})) == 3);
  CHECK(total(search_archive({"fed", "--no-synonyms"})) == 0);
  CHECK(total(search_archive({"ECB"})) == 1);
  CHECK(total(search_archive({"\"fed\""})) == 0);  // a quoted word is searched as written
}

TEST_CASE("entity aliases apply to free text: Zelenskiy finds Zelensky") {
  const json r = search_archive({"Zelenskiy"});
  REQUIRE(total(r) == 1);
  CHECK(hit_ids(r) == std::vector<std::string>{"ukr-1"});
}

TEST_CASE("more like this finds similar articles, not the article's own story") {
  const json r = search_json(archive(), {"--like", "fed-1"});
  const auto ids = hit_ids(r);
  REQUIRE(!ids.empty());
  CHECK(ids.front() == "ecb-1");  // the other article about rates and inflation
  for (const char* own : {"fed-1", "fed-2", "fed-3"})
    CHECK(std::find(ids.begin(), ids.end(), own) == ids.end());
  CHECK(r["like"] == "fed-1");
  CHECK(search({"--db", archive(), "--like", "no-such-id"}).status == 3);
}

TEST_CASE("date words in the query become a removable date filter") {
  const json r = search_archive({"interest rates last week", "--now", "2025-03-10"});
  REQUIRE(r["query_dates"]["filters"].size() == 1);
  CHECK(r["query_dates"]["filters"][0]["value"] == "2025-03-03..2025-03-09");
  CHECK(r["query_dates"]["searched_text"] == "interest rates");
  CHECK(hit_ids(r) == std::vector<std::string>{"fed-1", "fed-2", "fed-3"});
  // Relative to the newest article (2025-03-06) without --now; off with --no-query-dates.
  CHECK(total(search_archive({"interest rate in february 2025"})) == 1);
  CHECK(total(search_archive({"interest rate in february 2025", "--no-query-dates", "--match", "all"})) == 0);
}

TEST_CASE("headline words that look like dates are searched as words") {
  for (const char* query : {"May Day march", "\"May Day march\"", "march draws thousands"}) {
    const json r = search_archive({query});
    INFO(query);
    CHECK(r["query_dates"]["filters"].empty());
    CHECK(hit_ids(r) == std::vector<std::string>{"march-1"});
  }
}

TEST_CASE("the web page offers the suggestion, the date filter and more like this") {
  const auto page = [](const std::string& query) {
    const ProcessResult r = search({"--mode", "cgi", "--db", archive(), "q=" + query});
    REQUIRE(r.status == 0);
    return r.out;
  };
  CHECK(page("cocao").find("Did you mean <a href=\"?q=cocoa\">cocoa</a>?") != std::string::npos);
  const std::string dated = page("rates since March 2025");
  CHECK(dated.find("id=\"query-dates\"") != std::string::npos);
  CHECK(dated.find("&amp;qd=0") != std::string::npos);
  CHECK(page("rates").find("href=\"?like=fed-1\"") != std::string::npos);
}
