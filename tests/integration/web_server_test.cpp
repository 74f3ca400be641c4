/// @file
/// @brief gazette-search behind a real lighttpd, as a CGI program and as a FastCGI server: statuses,
/// headers, JSON against the schema, escaping, filters, pagination, bad requests, database reopening.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "web_server.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

json json_body(const HttpResult& r) {
  INFO("body: " << r.body);
  CHECK(r.header("content-type") == "application/json; charset=utf-8");
  CHECK(schema_problems(r.body, "search-response.schema.json") == "");
  return json::parse(r.body);
}

/// The checks every front end must pass; `server` serves the sample archive at /search.
void check_server(const Lighttpd& server) {
  SUBCASE("a JSON search follows the response schema") {
    const HttpResult r = http_request(server.url("?q=harbour&format=json"));
    CHECK(r.status == 200);
    const json body = json_body(r);
    CHECK(hit_ids(body).size() == 2);
    CHECK(body["hits"][0]["title_highlighted"]["html"].get<std::string>().find("<mark>") !=
          std::string::npos);
  }
  SUBCASE("an HTML search page has the form, hits with marks, facets and security headers") {
    const HttpResult r = http_request(server.url("?q=harbour"));
    CHECK(r.status == 200);
    CHECK(r.header("content-type") == "text/html; charset=utf-8");
    CHECK(r.header("x-content-type-options") == "nosniff");
    CHECK(r.header("content-security-policy").find("default-src 'none'") != std::string::npos);
    CHECK(r.body.find("<form method=\"get\"") != std::string::npos);
    CHECK(r.body.find("<mark>harbour</mark>") != std::string::npos);
    CHECK(r.body.find("data-field=\"source\"") != std::string::npos);
    CHECK(r.body.find("class=\"histogram\"") != std::string::npos);
    CHECK(r.body.find("name=\"viewport\"") != std::string::npos);
  }
  SUBCASE("a hostile query is escaped everywhere it is written") {
    const HttpResult r = http_request(server.url("?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
    CHECK(r.status == 200);
    CHECK(r.body.find("<script") == std::string::npos);
    CHECK(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  }
  SUBCASE("f= filters, repeatable, and the facet's drill-down link adds one") {
    const json body = json_body(http_request(server.url("?q=&f=source%3AMarket%20Wire&format=json")));
    REQUIRE(body["hits"].size() == 3);
    for (const auto& hit : body["hits"]) CHECK(hit["source"] == "Market Wire");
    const json none = json_body(http_request(server.url("?f=source:market+wire&f=date:1987&format=json")));
    CHECK(none["hits"].empty());
    const HttpResult page = http_request(server.url("?q=&f=source%3AMarket%20Wire"));
    CHECK(page.body.find("title=\"remove this filter\"") != std::string::npos);  // the active filter's chip
  }
  SUBCASE("pages: size and page select the slice; links to the neighbours") {
    const json second = json_body(http_request(server.url("?q=&size=5&page=2&format=json")));
    CHECK(second["offset"] == 5);
    CHECK(second["limit"] == 5);
    REQUIRE(second["hits"].size() == 5);
    CHECK(second["hits"][0]["rank"] == 6);
    const json last = json_body(http_request(server.url("?q=&size=5&page=3&format=json")));
    CHECK(last["hits"].size() == 4);
    const HttpResult html = http_request(server.url("?q=&size=5&page=2"));
    CHECK(html.body.find("?q=&amp;size=5\" rel=\"prev\"") != std::string::npos);
    CHECK(html.body.find("page=1") == std::string::npos);  // page 1 is the link without page=
    CHECK(html.body.find("size=5&amp;page=3\" rel=\"next\"") != std::string::npos);
    const json capped = json_body(http_request(server.url("?q=&size=100000&format=json")));
    CHECK(capped["limit"] == 100);
  }
  SUBCASE("bad requests get 400 with a message, never a crash") {
    // Malformed escapes and invalid UTF-8 are mostly stopped by lighttpd itself; web_cgi_test sends them
    // to the program directly.
    const std::string bad[] = {"?page=0",     "?page=-3",   "?page=abc",      "?page=99999999999999999999999",
                               "?page=5000",  "?size=0",    "?sort=sideways", "?f=nofield:1",
                               "?f=justtext", "?format=xml"};
    for (const std::string& query : bad) {
      CAPTURE(query);
      const HttpResult r = http_request(server.url(query));
      CHECK(r.status == 400);
      CHECK((r.body.find("cannot be answered") != std::string::npos ||
             r.body.find("\"error\"") != std::string::npos));
    }
    const HttpResult as_json = http_request(server.url("?page=0&format=json"));
    CHECK(as_json.status == 400);
    CHECK(schema_problems(as_json.body, "search-response.schema.json") == "");
    const HttpResult long_query = http_request(server.url("?q=" + std::string(1001, 'a')));
    CHECK(long_query.status == 400);
    CHECK(http_request(server.url("?q=harbour&utm_source=x&format=json")).status == 200);  // unknown: ignored
  }
  SUBCASE("one article: the page, JSON, and 404 for an unknown id") {
    const HttpResult page = http_request(server.url("?id=gz-0001&q=harbour"));
    CHECK(page.status == 200);
    CHECK(page.body.find("<mark>Harbour</mark>") != std::string::npos);
    CHECK(page.body.find("spawning grounds in the bay.") != std::string::npos);  // the whole body
    const HttpResult article = http_request(server.url("?id=gz-0001&format=json"));
    CHECK(article.status == 200);
    CHECK(schema_problems(article.body, "search-response.schema.json", "article") == "");
    CHECK(http_request(server.url("?id=no-such-article")).status == 404);
    CHECK(http_request(server.url("?id=no-such-article&format=json")).status == 404);
  }
  SUBCASE("POST forms and HEAD requests") {
    const json posted = json_body(http_request(server.url(), "POST", "q=cocoa&format=json"));
    CHECK_FALSE(posted["hits"].empty());
    const HttpResult head = http_request(server.url("?q=cocoa"), "HEAD");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
  }
}

}  // namespace

TEST_CASE("gazette-search as a CGI program under lighttpd") {
  if (!have_program("lighttpd") || !have_program("curl")) {
    MESSAGE("lighttpd or curl is not installed (bash scripts/install-deps.sh): skipped");
    return;
  }
  const Lighttpd server(Lighttpd::Kind::cgi, indexed_sample_db());
  check_server(server);
}

TEST_CASE("gazette-search as a FastCGI server under lighttpd") {
  if (!have_program("lighttpd") || !have_program("curl")) {
    MESSAGE("lighttpd or curl is not installed (bash scripts/install-deps.sh): skipped");
    return;
  }
  const Lighttpd server(Lighttpd::Kind::fastcgi, indexed_sample_db());
  check_server(server);
}

TEST_CASE("a FastCGI process sees what the indexer commits while it runs") {
  if (!have_program("lighttpd") || !have_program("curl")) {
    MESSAGE("lighttpd or curl is not installed (bash scripts/install-deps.sh): skipped");
    return;
  }
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  const Lighttpd server(Lighttpd::Kind::fastcgi, db);
  // The same request each time: an answer cached by a FastCGI process must not outlive its revision.
  const std::string request = "?q=zeppelin&format=json&sort=date";
  CHECK(json_body(http_request(server.url(request)))["hits"].empty());
  for (int commit = 0; commit < 3; ++commit) {  // several commits: the old revision's blocks get reused
    const std::string id = "late-" + std::to_string(commit);
    const std::string line = R"({"id": ")" + id + R"(", "title": "Zeppelin lands", "body": "A zeppelin )" +
                             "landed " + std::to_string(commit) + R"(.", "date": "2024-06-01T10:00:00Z"})" +
                             "\n";
    const ProcessResult r = index({"--db", db, "--format", "jsonl", "-"}, line);
    INFO(r.err);
    REQUIRE(r.status == 0);
    const json found = json_body(http_request(server.url(request)));
    CHECK(found["hits"].size() == std::size_t(commit + 1));
  }
}
