/// @file
/// @brief gazette-search as a CGI program without a server: the CGI environment, name=value arguments
/// (as Omega's cgiparam), the server-only configuration, and failures that must still answer HTTP.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "web_server.hpp"

using namespace gazette::test;

namespace {

struct CgiAnswer {
  std::string head, body;
};

CgiAnswer split(const ProcessResult& r) {
  const auto end = r.out.find("\r\n\r\n");
  REQUIRE(end != std::string::npos);
  return {r.out.substr(0, end), r.out.substr(end + 4)};
}

/// gazette-search run the way a web server runs a CGI program.
ProcessResult cgi(const std::vector<std::string>& environment, const std::vector<std::string>& args = {},
                  const std::string& body = {}) {
  std::vector<std::string> env{"GATEWAY_INTERFACE=CGI/1.1", "REQUEST_METHOD=GET"};
  env.insert(env.end(), environment.begin(), environment.end());
  std::vector<std::string> argv{GAZETTE_SEARCH_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, body, env);
}

}  // namespace

TEST_CASE("CGI: QUERY_STRING in, an HTTP response out") {
  const ProcessResult r = cgi({"QUERY_STRING=q=cocoa&format=json", "GAZETTE_DB=" + indexed_sample_db()});
  CHECK(r.status == 0);
  const CgiAnswer a = split(r);
  CHECK(a.head.rfind("Status: 200 OK\r\n", 0) == 0);
  CHECK(a.head.find("Content-Type: application/json; charset=utf-8") != std::string::npos);
  CHECK(a.head.find("Content-Length: " + std::to_string(a.body.size())) != std::string::npos);
  CHECK(schema_problems(a.body, "search-response.schema.json") == "");
}

TEST_CASE("CGI: the same JSON as --json for the same request") {
  const ProcessResult r =
      cgi({"QUERY_STRING=q=interest+rates&format=json", "GAZETTE_DB=" + indexed_sample_db()});
  const nlohmann::json web = nlohmann::json::parse(split(r).body);
  const nlohmann::json cli = search_json(indexed_sample_db(), {"interest rates"});
  CHECK(hit_ids(web) == hit_ids(cli));
  CHECK(web["facets"] == cli["facets"]);
  CHECK(web["parsed_query"] == cli["parsed_query"]);
}

TEST_CASE("CGI: the command line is ignored, so a request cannot choose the database") {
  // Apache passes a query string without '=' as arguments: "?--db+/elsewhere" must not open /elsewhere.
  TempDir other;
  const ProcessResult r = cgi({"QUERY_STRING=--db+" + other.path(), "GAZETTE_DB=" + indexed_sample_db()},
                              {"--db", other.path(), "--mode", "batch"});
  CHECK(split(r).head.rfind("Status: 200", 0) == 0);
}

TEST_CASE("CGI: no database, or a broken configuration, is a 503 page with the details in the log") {
  TempDir dir;
  const ProcessResult missing = cgi({"QUERY_STRING=q=x", "GAZETTE_DB=" + dir / "nothing-here"});
  const CgiAnswer a = split(missing);
  CHECK(a.head.rfind("Status: 503", 0) == 0);
  CHECK(a.body.find("unavailable") != std::string::npos);
  CHECK(a.body.find(dir.path()) == std::string::npos);  // no server path shown to the client
  CHECK(missing.err.find(dir.path()) != std::string::npos);
  const ProcessResult unconfigured = run_process({GAZETTE_SEARCH_BIN}, "",
                                                 {"GATEWAY_INTERFACE=CGI/1.1", "QUERY_STRING=q=x&format=json",
                                                  "GAZETTE_DB=", "GAZETTE_CONFIG=" + dir / "missing.conf"});
  CHECK(split(unconfigured).head.rfind("Status: 503", 0) == 0);
  CHECK(schema_problems(split(unconfigured).body, "search-response.schema.json") == "");
}

TEST_CASE("CGI: a configuration file names the database and the limits") {
  TempDir dir;
  write_file(dir / "gazette.conf", "# web front end\ndatabase = " + indexed_sample_db() +
                                       "\nmax_page_size = 3\ntime_limit = 2.5\n");
  const ProcessResult r =
      cgi({"QUERY_STRING=size=50&format=json", "GAZETTE_DB=", "GAZETTE_CONFIG=" + dir / "gazette.conf"});
  CHECK(nlohmann::json::parse(split(r).body)["limit"] == 3);
}

TEST_CASE("CGI: POST forms, other methods, oversized bodies") {
  const std::string db = "GAZETTE_DB=" + indexed_sample_db();
  const std::string form = "q=cocoa&format=json";
  const ProcessResult post = cgi({db, "REQUEST_METHOD=POST", "CONTENT_TYPE=application/x-www-form-urlencoded",
                                  "CONTENT_LENGTH=" + std::to_string(form.size())},
                                 {}, form);
  CHECK_FALSE(nlohmann::json::parse(split(post).body)["hits"].empty());
  CHECK(split(cgi({db, "REQUEST_METHOD=DELETE"})).head.rfind("Status: 405", 0) == 0);
  CHECK(split(cgi({db, "REQUEST_METHOD=POST", "CONTENT_TYPE=text/plain", "CONTENT_LENGTH=1"}, {}, "x"))
            .head.rfind("Status: 400", 0) == 0);
  CHECK(split(cgi({db, "REQUEST_METHOD=POST", "CONTENT_LENGTH=100000000"})).head.rfind("Status: 413", 0) ==
        0);
}

TEST_CASE("--mode cgi takes name=value arguments, like Omega's cgiparam") {
  const ProcessResult r = search(
      {"--mode", "cgi", "--db", indexed_sample_db(), "q=harbour", "f=source:Eastmere Courier", "size=1"});
  CHECK(r.status == 0);
  const CgiAnswer a = split(r);
  CHECK(a.head.rfind("Status: 200", 0) == 0);
  CHECK(a.body.find("<mark>harbour</mark>") != std::string::npos);
  CHECK(a.body.find("source: Eastmere Courier \u00d7") != std::string::npos);  // the removable active filter
  CHECK(search({"--mode", "cgi", "--db", indexed_sample_db(), "not-a-parameter"}).status == 1);
}

TEST_CASE("CGI: malformed escapes and invalid UTF-8 get a 400 with a message (HTML or JSON)") {
  const std::string db = "GAZETTE_DB=" + indexed_sample_db();
  for (const std::string query : {"q=%zz", "q=%", "q=caf%C3", "q=%FF%FE", "f=source:%FF", "q=a&page=%2D1"}) {
    CAPTURE(query);
    const CgiAnswer html = split(cgi({db, "QUERY_STRING=" + query}));
    CHECK(html.head.rfind("Status: 400", 0) == 0);
    CHECK(html.body.find("cannot be answered") != std::string::npos);
    const CgiAnswer json = split(cgi({db, "QUERY_STRING=" + query + "&format=json"}));
    CHECK(json.head.rfind("Status: 400", 0) == 0);
    CHECK(schema_problems(json.body, "search-response.schema.json") == "");
  }
}
