/// @file
/// @brief CGI parameter decoding and the web request's validation (gazette/front/cgi_params.hpp).
#include <doctest/doctest.h>

#include "gazette/core/error.hpp"
#include "gazette/front/cgi_params.hpp"

using namespace gazette;

namespace {
CgiParams form(std::string_view text) {
  CgiParams params;
  parse_urlencoded(text, params);
  return params;
}
}  // namespace

TEST_CASE("percent_decode: escapes, plus signs and malformed escapes") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {{"a+b", "a b"}, {"%3Cb%3e", "<b>"}, {"caf%C3%A9", "caf\u00e9"}, {"100%25", "100%"},
                        {"", ""},       {"%2B", "+"},       {"a%20b%2", nullptr},       {"%zz", nullptr},
                        {"%", nullptr}, {"%4", nullptr}};
  for (const Case& c : cases) {
    CAPTURE(c.in);
    if (c.out)
      CHECK(percent_decode(c.in) == c.out);
    else
      CHECK_THROWS_AS(percent_decode(c.in), Error);
  }
}

TEST_CASE("percent_encode round-trips through percent_decode") {
  for (const std::string text : {"source:Market Wire", "a&b=c;d", "<script>", "caf\u00e9 +%", "~-._"}) {
    CAPTURE(text);
    const std::string encoded = percent_encode(text);
    CHECK(encoded.find_first_of(" &=;<>+:") == std::string::npos);
    CHECK(percent_decode(encoded) == text);
  }
}

TEST_CASE("parse_urlencoded keeps repeated names in order and skips empty pairs") {
  const CgiParams p = form("q=a+b&f=source:x&&f=date:1987;flag");
  CHECK(p.first("q") == "a b");
  CHECK(p.all("f") == std::vector<std::string>{"source:x", "date:1987"});
  CHECK(p.first("flag") == "");
  CHECK_FALSE(p.first("missing"));
}

TEST_CASE("cgi_params reads a POST form after the query string, and refuses other bodies") {
  CgiInput input{"POST", "format=json", "application/x-www-form-urlencoded; charset=utf-8", 7, "q=cocoa"};
  const CgiParams p = cgi_params(input);
  CHECK(p.first("q") == "cocoa");
  CHECK(p.first("format") == "json");
  input.content_type = "application/json";
  CHECK_THROWS_AS(cgi_params(input), Error);
}

TEST_CASE("cgi_input_from_environment picks the CGI variables") {
  std::string a = "REQUEST_METHOD=POST", b = "QUERY_STRING=q=x=y", c = "CONTENT_LENGTH=42", d = "OTHER=1";
  char* env[] = {a.data(), b.data(), c.data(), d.data(), nullptr};
  const CgiInput input = cgi_input_from_environment(env);
  CHECK(input.method == "POST");
  CHECK(input.query_string == "q=x=y");
  CHECK(input.content_length == 42);
}

TEST_CASE("name=value arguments are parameters, taken literally") {
  const CgiParams p = cgi_params_from_arguments({"q=a+b%20", "f=source:x"});
  CHECK(p.first("q") == "a+b%20");
  CHECK_THROWS_AS(cgi_params_from_arguments({"justaword"}), Error);
}

TEST_CASE("parse_web_query: defaults, paging and the page size cap") {
  const WebQuery defaults = parse_web_query(form(""));
  CHECK(defaults.request.query.empty());
  CHECK(defaults.format == WebFormat::html);
  CHECK(defaults.request.offset == 0);
  CHECK(defaults.request.limit == 10);

  const WebQuery w = parse_web_query(form("q=cocoa&page=3&size=20&sort=date&f=source:x&format=json&utm=1"));
  CHECK(w.request.query == "cocoa");
  CHECK(w.request.offset == 40);
  CHECK(w.request.limit == 20);
  CHECK(w.request.sort == SortOrder::date);
  REQUIRE(w.request.filters.size() == 1);
  CHECK(w.request.filters[0].field == "source");
  CHECK(w.format == WebFormat::json);
  CHECK(parse_web_query(form("size=5000")).request.limit == 100);
  CHECK(parse_web_query(form("page=1001")).request.offset == 10000);  // the deepest page allowed
}

TEST_CASE("parse_web_query refuses what it cannot answer, naming the parameter") {
  struct Case {
    std::string query;
    const char* where;
  };
  const Case cases[] = {{"page=0", "page"},
                        {"page=-1", "page"},
                        {"page=1e3", "page"},
                        {"page=99999999999999999999999", "page"},
                        {"page=1002", "page"},
                        {"size=0", "size"},
                        {"size=ten", "size"},
                        {"q=%FF", "q"},
                        {"q=" + std::string(1001, 'a'), "q"},
                        {"sort=up", "sort"},
                        {"format=xml", "format"},
                        {"f=nofield:x", "filter"},
                        {"id=%C3", "id"}};
  for (const Case& c : cases) {
    CAPTURE(c.query);
    try {
      parse_web_query(form(c.query));
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::usage);
      CHECK(e.where() == c.where);
    }
  }
}

TEST_CASE("the cache key tells requests apart exactly when their parameters differ") {
  CHECK(form("q=cocoa&page=2").key() == form("q=cocoa&page=2").key());
  CHECK(form("q=cocoa&page=2").key() != form("q=cocoa&page=3").key());
  CHECK(form("q=a&f=b").key() != form("q=a%26f%3Db").key());  // a value cannot imitate two parameters
  CHECK(form("q=cocoa").key() != form("q=cocoa&format=json").key());
}
