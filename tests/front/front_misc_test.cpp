/// @file
/// @brief Mode choice, the REPL's line parsing, prompt and completion, the web configuration file, and
/// the CGI wire form of a response.
#include <doctest/doctest.h>

#include "gazette/core/error.hpp"
#include "gazette/front/http_response.hpp"
#include "gazette/front/mode.hpp"
#include "gazette/front/repl.hpp"
#include "gazette/front/web.hpp"

using namespace gazette;

TEST_CASE("--mode names every mode; detection honours a forced mode first") {
  for (const char* name : {"cgi", "fastcgi", "interactive", "batch", "once"})
    CHECK(mode_name(parse_mode(name)) == std::string(name));
  CHECK_THROWS_AS(parse_mode("web"), Error);
  CHECK(detect_mode(FrontMode::batch, true) == FrontMode::batch);
  // The unit test runs with standard input that is not a FastCGI socket and no GATEWAY_INTERFACE.
  if (!std::getenv("GATEWAY_INTERFACE")) CHECK(detect_mode(std::nullopt, true) == FrontMode::once);
}

TEST_CASE("REPL lines: searches and commands") {
  CHECK(parse_repl_line("  cocoa prices ").command.empty());
  CHECK(parse_repl_line("  cocoa prices ").argument == "cocoa prices");
  CHECK(parse_repl_line(":filter source=Market Wire").command == "filter");
  CHECK(parse_repl_line(":filter source=Market Wire").argument == "source=Market Wire");
  CHECK(parse_repl_line(":next").command == "next");
  CHECK(parse_repl_line(":next").argument.empty());
}

TEST_CASE("the REPL prompt shows sort and filters") {
  SearchRequest request;
  CHECK(repl_prompt(request) == "gazette> ");
  request.sort = SortOrder::date;
  request.filters = {{"source", "reuters"}, {"date", "1987"}};
  CHECK(repl_prompt(request) == "gazette [by date] source=reuters date=1987> ");
}

TEST_CASE("REPL completion: commands, field names, facet values") {
  Facets facets;
  facets.fields.push_back({"source", {{"Market Wire", 3}, {"reuters", 2}}});
  const std::optional<Facets> f = facets;
  CHECK(repl_completions("", ":f", f) == std::vector<std::string>{":facets", ":filter"});
  CHECK(repl_completions("cocoa ", "sou", f) ==
        std::vector<std::string>{"source:", "source:\"Market Wire\"", "source:reuters"});
  CHECK(repl_completions(":filter ", "source=r", f) == std::vector<std::string>{"source=reuters"});
  CHECK(repl_completions(":filter ", "tit", f).empty());  // headline words are not a filter
  CHECK(repl_completions(":sort ", "d", f) == std::vector<std::string>{"date"});
  CHECK(repl_completions("", "sou", std::nullopt) == std::vector<std::string>{"source:"});
}

TEST_CASE("the web configuration file") {
  const WebConfig c = parse_web_config(
      "# comment\ndatabase = /srv/archive.db  # trailing\n\ntime_limit=1.5\n"
      "max_page_size = 50\n",
      "gazette.conf");
  CHECK(c.database == "/srv/archive.db");
  CHECK(c.time_limit == doctest::Approx(1.5));
  CHECK(c.limits.max_page_size == 50);
  CHECK_THROWS_WITH_AS(parse_web_config("colour = blue\n", "g.conf"), "g.conf:1: unknown key 'colour'",
                       Error);
  CHECK_THROWS_AS(parse_web_config("time_limit = -1\n", "g.conf"), Error);
  CHECK_THROWS_AS(parse_web_config("database\n", "g.conf"), Error);
}

TEST_CASE("the CGI wire form: status line, headers, body; HEAD has no body") {
  const HttpResponse r{404, "text/plain; charset=utf-8", "gone\n"};
  const std::string text = cgi_response_text(r);
  CHECK(text.rfind(
            "Status: 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n", 0) ==
        0);
  CHECK(text.substr(text.size() - 9) == "\r\n\r\ngone\n");
  const std::string head = cgi_response_text(r, true);
  CHECK(head.substr(head.size() - 4) == "\r\n\r\n");
}
