/// @file
/// @brief Archive operations of gazette-search: --inspect, and --export (JSON Lines, CSV, facets) streamed
/// in constant memory, into closed pipes and full disks.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "gazette/schema/schema.hpp"
#include "harness.hpp"

extern char** environ;

using namespace gazette::test;
using nlohmann::json;

namespace {

/// How a gazette-search run with its standard output on a given descriptor ended.
struct SpawnResult {
  int status;  ///< exit status, or 128 + signal number
  std::string err;
  long peak_rss_kb;  ///< the child's peak resident set (getrusage via wait4)
};

/// Runs gazette-search with standard output on out_fd, SIGPIPE at its default action (as in a shell).
SpawnResult search_to_fd(const std::vector<std::string>& args, int out_fd) {
  TempDir io;
  const std::string err_path = io / "stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  std::vector<std::string> argv{GAZETTE_SEARCH_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (auto& a : argv) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  pid_t pid;
  const int rc = posix_spawn(&pid, pointers[0], &actions, &attributes, pointers.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  REQUIRE(rc == 0);
  int wstatus = 0;
  rusage usage{};
  while (wait4(pid, &wstatus, 0, &usage) < 0) {
  }
  return {WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus), read_file(err_path),
          usage.ru_maxrss};
}

/// Runs gazette-search writing into a pipe whose reading end is already closed.
SpawnResult search_into_closed_pipe(const std::vector<std::string>& args) {
  int fds[2];
  REQUIRE(pipe2(fds, O_CLOEXEC) == 0);
  close(fds[0]);
  const SpawnResult r = search_to_fd(args, fds[1]);
  close(fds[1]);
  return r;
}

std::vector<json> json_lines(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

std::vector<std::string> ids(const std::vector<json>& lines) {
  std::vector<std::string> out;
  for (const json& line : lines) out.push_back(line.at("id"));
  return out;
}

/// The records of a CSV text as parsed by Python's csv module (an independent RFC 4180 reader).
json parse_csv(const std::string& csv) {
  const ProcessResult r =
      run_process({GAZETTE_PYTHON, "-c",
                   "import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin, strict=True))))"},
                  csv);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

/// gazette-search --db db args..., checked to succeed with nothing on stderr; its standard output.
std::string export_out(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db});
  const ProcessResult r = search(args);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err == "");
  return r.out;
}

/// Sum of the sizes of the files under a folder.
std::uintmax_t folder_bytes(const std::string& path) {
  std::uintmax_t bytes = 0;
  for (const auto& file : std::filesystem::recursive_directory_iterator(path))
    if (file.is_regular_file()) bytes += file.file_size();
  return bytes;
}

json find_value(const json& values, const std::string& value) {
  for (const json& v : values)
    if (v["value"] == value) return v;
  return nullptr;
}

}  // namespace

TEST_CASE("--inspect summarises the sample archive, in text and in JSON") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);

  const std::string out = export_out(db, {"--inspect", "--json"});
  CHECK(schema_problems(out, "search-response.schema.json", "inspect") == "");
  const json report = json::parse(out);
  // wire.jsonl holds 10 articles, wire-1987.sgm 2 (02-MAR-1987, 16-APR-1987), and the two .txt files one
  // each (harbour-dredging 2024-05-02, ferry 2024-05-06, without a source).
  CHECK(report["articles"] == 14);
  CHECK(report["undated"] == 0);
  CHECK(report["dates"] == json{{"first", "1987-03-02"}, {"last", "2024-05-06"}});
  CHECK(report["stories"] == 14);  // no two sample articles are versions of one story
  CHECK(report["sources"]["distinct"] == 6);
  CHECK(report["sources"]["top"] == json::parse(R"([
      {"value": "Eastmere Courier", "count": 4}, {"value": "Market Wire", "count": 3},
      {"value": "Reuters", "count": 2}, {"value": "Science Notes", "count": 2},
      {"value": "Global Dispatch", "count": 1}, {"value": "Latin Desk", "count": 1}])"));
  CHECK(report["schema"]["version"] == gazette::schema::version);
  CHECK(report["schema"]["language"] == "english");
  CHECK(report["schema"]["fold_diacritics"] == true);
  CHECK(report["last_update"].is_string());
  CHECK(report["bytes_on_disk"] == folder_bytes(db));
  // "São Paulo" (gz-0006) under its canonical lower-case, folded name.
  CHECK(find_value(report["entities"]["place"], "sao paulo") == json{{"value", "sao paulo"}, {"count", 1}});
  for (const auto& [field, values] : report["entities"].items())
    for (std::size_t i = 1; i < values.size(); ++i) CHECK(values[i - 1]["count"] >= values[i]["count"]);

  const std::string text = export_out(db, {"--inspect"});
  CHECK(text.find("Articles      14\n") != std::string::npos);
  CHECK(text.find("Dates         1987-03-02 .. 2024-05-06\n") != std::string::npos);
  CHECK(text.find("  Eastmere Courier  4\n") != std::string::npos);
  CHECK(text.find("Schema        version " + std::to_string(gazette::schema::version) + "\n") !=
        std::string::npos);

  // The date range comes from the day terms, which deletions narrow (Xapian keeps value bounds wide).
  REQUIRE(index({"--db", db, "--delete", "reuters-900001"}).status == 0);
  const json after = json::parse(export_out(db, {"--inspect", "--json"}));
  CHECK(after["articles"] == 13);
  CHECK(after["dates"]["first"] == "1987-04-16");
}

TEST_CASE("--export jsonl streams every match in the chosen order; filters and queries limit it") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);

  const auto oldest_first = json_lines(export_out(db, {"--export", "jsonl", "--sort", "date-asc"}));
  REQUIRE(oldest_first.size() == 14);
  CHECK(oldest_first.front()["id"] == "reuters-900001");
  CHECK(oldest_first[1]["id"] == "reuters-900002");
  CHECK(oldest_first.back()["date"] == "2024-05-06T00:00:00Z");
  for (std::size_t i = 1; i < oldest_first.size(); ++i)
    CHECK(oldest_first[i - 1]["date"].get<std::string>() <= oldest_first[i]["date"].get<std::string>());
  const json gz7 = oldest_first[4];
  CHECK(gz7["id"] == "gz-0007");
  const auto as_written = nlohmann::ordered_json::parse(export_out(db, {"id:gz-0007", "--export", "jsonl"}));
  std::vector<std::string> keys;
  for (const auto& [key, value] : as_written.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"id", "date", "source", "url", "title", "entities", "story"});
  CHECK(gz7["story"] == "gz-0007");
  CHECK(gz7["source"] == "Global Dispatch");
  CHECK(gz7["entities"].is_array());

  // Every order is the search's own order over all matches, uncollapsed.
  for (const std::vector<std::string>& order : {std::vector<std::string>{"", "--sort", "date"},
                                                {"", "--sort", "date-asc"},
                                                {"cocoa"},
                                                {"harbour OR talks"}}) {
    std::vector<std::string> args = order;
    args.insert(args.end(), {"--no-collapse", "--limit", "100"});
    std::vector<std::string> export_args = order;
    export_args.insert(export_args.end(), {"--export", "jsonl"});
    CHECK(ids(json_lines(export_out(db, export_args))) == hit_ids(search_json(db, args)));
  }
  const auto newest_first = json_lines(export_out(db, {"", "--export", "jsonl", "--sort", "date"}));
  CHECK(newest_first.back()["id"] == "reuters-900001");

  const auto market = json_lines(export_out(db, {"--export", "jsonl", "--filter", "source=Market Wire"}));
  CHECK(ids(market) == std::vector<std::string>{"gz-0005", "gz-0003", "gz-0002"});  // newest first
  const auto cocoa = json_lines(
      export_out(db, {"cocoa", "--filter", "date=2024", "--export", "jsonl", "--sort", "date-asc"}));
  CHECK(ids(cocoa) == std::vector<std::string>{"gz-0002", "gz-0005"});
  CHECK(export_out(db, {"no-such-word-anywhere", "--export", "jsonl"}) == "");

  // The body only when asked for.
  CHECK_FALSE(cocoa[0].contains("body"));
  const auto with_body = json_lines(export_out(db, {"id:gz-0002", "--export", "jsonl", "--export-body"}));
  REQUIRE(with_body.size() == 1);
  CHECK(with_body[0]["body"].get<std::string>().rfind("Cocoa futures rose 4.5% in London", 0) == 0);
}

TEST_CASE("--export csv follows RFC 4180: quoted commas, quotes and line breaks, a header, optional body") {
  TempDir dir;
  const std::string db = dir / "db";
  const std::string title = "Ports, \"ships\" and more";
  const std::string body = "The harbour in Geneva reopened, officials said.\nA \"second\" line, with commas.";
  json article = {{"id", "csv-1"},
                  {"title", title},
                  {"body", body},
                  {"date", "2020-02-03T04:05:06Z"},
                  {"source", "Quote, \"Unquote\""},
                  {"url", "https://example.org/a?b=1,2"}};
  write_file(dir / "tricky.jsonl", article.dump() + "\n" +
                                       R"({"id": "csv-2", "title": "Plain", "body": "Nothing special here.",)"
                                       R"( "date": "2021-01-01", "source": "Plain"})"
                                       "\n");
  REQUIRE(index({"--db", db, dir / "tricky.jsonl"}).status == 0);

  const std::string csv = export_out(db, {"--export", "csv", "--sort", "date-asc", "--export-body"});
  CHECK(csv.find("\"Ports, \"\"ships\"\" and more\"") != std::string::npos);
  CHECK(csv.rfind("id,date,source,url,title,entities,story,body\r\n", 0) == 0);
  const json records = parse_csv(csv);
  REQUIRE(records.size() == 3);
  CHECK(records[1][0] == "csv-1");
  CHECK(records[1][1] == "2020-02-03T04:05:06Z");
  CHECK(records[1][2] == "Quote, \"Unquote\"");
  CHECK(records[1][3] == "https://example.org/a?b=1,2");
  CHECK(records[1][4] == title);
  CHECK(records[1][6] == "csv-1");
  CHECK(records[1][7] == body);
  CHECK(records[2] ==
        json{"csv-2", "2021-01-01T00:00:00Z", "Plain", "", "Plain", "", "csv-2", "Nothing special here."});

  // Entities as "type:name; ..." in the JSON Lines export's order.
  const auto lines = json_lines(export_out(db, {"--export", "jsonl", "--sort", "date-asc"}));
  std::string entities;
  for (const json& e : lines[0]["entities"])
    entities +=
        (entities.empty() ? "" : "; ") + e["type"].get<std::string>() + ":" + e["name"].get<std::string>();
  CHECK(entities.find("place:Geneva") != std::string::npos);
  CHECK(records[1][5] == entities);

  const json no_body = parse_csv(export_out(db, {"--export", "csv"}));
  CHECK(no_body[0] == json{"id", "date", "source", "url", "title", "entities", "story"});
  CHECK(no_body[1][0] == "csv-2");  // an empty query: newest first
}

TEST_CASE("--export facets writes exact facet counts and the date histogram of the whole match set") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  const json all = parse_csv(export_out(db, {"--export", "facets", "--granularity", "year"}));
  REQUIRE(!all.empty());
  CHECK(all[0] == json{"kind", "field", "value", "count"});
  const auto has = [](const json& rows, const json& row) {
    return std::find(rows.begin(), rows.end(), row) != rows.end();
  };
  CHECK(has(all, json{"facet", "source", "Eastmere Courier", "4"}));
  CHECK(has(all, json{"facet", "source", "Latin Desk", "1"}));
  CHECK(has(all, json{"facet", "place", "Sao Paulo", "1"}));
  CHECK(has(all, json{"date", "year", "1987", "2"}));
  CHECK(has(all, json{"date", "year", "2000", "0"}));
  CHECK(has(all, json{"date", "year", "2024", "8"}));
  std::size_t dated = 0;
  for (const json& row : all)
    if (row[0] == "date") dated += std::stoul(row[3].get<std::string>());
  CHECK(dated == 14);

  const json cocoa = parse_csv(export_out(db, {"cocoa", "--export", "facets"}));
  CHECK(has(cocoa, json{"facet", "source", "Market Wire", "2"}));
  CHECK(has(cocoa, json{"facet", "source", "Reuters", "1"}));
  CHECK_FALSE(has(cocoa, json{"facet", "source", "Eastmere Courier", "4"}));
}

TEST_CASE("an export into a closed pipe stops quietly with status 0; a full disk is an error (3)") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  // --mode once skips the FastCGI probe (libfcgi installs its own SIGPIPE handler), so the export itself
  // must keep SIGPIPE from killing it.
  for (const char* format : {"jsonl", "csv", "facets"}) {
    const SpawnResult closed =
        search_into_closed_pipe({"--db", db, "--mode", "once", "", "--export", format});
    CHECK_MESSAGE(closed.status == 0, format);  // 141 would be death by SIGPIPE
    CHECK(closed.err == "");
  }
  const ProcessResult head = run_process(
      {"bash", "-c",
       "\"$0\" --db \"$1\" '' --export jsonl --export-body | head -n 1; exit \"${PIPESTATUS[0]}\"",
       GAZETTE_SEARCH_BIN, db});
  CHECK(head.status == 0);
  CHECK(json_lines(head.out).size() == 1);

  const int full = open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(full >= 0);
  const SpawnResult disk = search_to_fd({"--db", db, "", "--export", "jsonl"}, full);
  close(full);
  CHECK(disk.status == 3);
  CHECK(disk.err.find("cannot write the export") != std::string::npos);

  CHECK(search({"--db", db, "--export", "xml"}).status == 1);
  CHECK(search({"--db", db, "--export", "facets", "--export-body"}).status == 1);
  CHECK(search({"--db", db, "--inspect", "--export", "csv"}).status == 1);
  CHECK(search({"--db", db, "--sort", "oldest", "x"}).status == 1);
  CHECK(search({"--db", dir / "none", "--inspect"}).status == 3);
}

TEST_CASE("Reuters-21578: all 21,578 articles export within 40 MB of memory") {
  SKIP_WITHOUT_REUTERS();
  const std::string corpus = reuters_dir().string();
  TempDir dir;
  const std::string db = dir / "db";
  // Entities and mentions are not what this test is about; without them indexing is quicker.
  REQUIRE(index({"--db", db, "--no-entities", "--no-mentions", corpus}).status == 0);

  const std::string path = dir / "export.jsonl";
  const int out = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(out >= 0);
  const SpawnResult r =
      search_to_fd({"--db", db, "--export", "jsonl", "--export-body", "--sort", "date-asc"}, out);
  close(out);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  const std::string text = read_file(path);
  std::set<std::string> seen;
  std::string previous_date;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const json article = json::parse(line);
    seen.insert(article["id"].get<std::string>());
    const std::string date = article["date"].is_string() ? article["date"].get<std::string>() : "";
    CHECK(previous_date <= date);
    previous_date = date;
  }
  CHECK(std::count(text.begin(), text.end(), '\n') == 21578);
  CHECK(seen.size() == 21578);
  // About 20 MB of text went out; holding it (or the articles) would pass the bound. Measured: about 10 MB.
  MESSAGE("export of " << text.size() / 1000000 << " MB: peak RSS " << r.peak_rss_kb / 1024 << " MB");
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("memory bound not checked: AddressSanitizer's shadow memory and quarantine inflate RSS");
#else
  CHECK(r.peak_rss_kb < 40 * 1024);
#endif

  const ProcessResult head = run_process(
      {"bash", "-c", "\"$0\" --db \"$1\" --export csv --export-body | head -n 2; exit \"${PIPESTATUS[0]}\"",
       GAZETTE_SEARCH_BIN, db});
  CHECK(head.status == 0);
  CHECK(head.err == "");
}
