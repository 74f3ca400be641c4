/// @file
/// @brief Sharded archives with real parts: gazette-index writing shards in parallel, Xapian's own tools
/// opening the stub, real xapian-tcpsrv processes serving shards on loopback ports, and gazette-search
/// over local and remote shards giving what one database holding every article gives.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include <xapian.h>

#include "harness.hpp"
#include "shard_server.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

/// Two files of Reuters-21578 (2,000 articles, February and March 1987: two month shards).
std::vector<std::string> reuters_inputs() {
  return {(reuters_dir() / "reut2-000.sgm").string(), (reuters_dir() / "reut2-001.sgm").string()};
}

void index_ok(std::vector<std::string> args, const std::vector<std::string>& inputs) {
  args.insert(args.end(), inputs.begin(), inputs.end());
  const ProcessResult r = index(args);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
}

/// gazette-search --json with these --db values and arguments; exit 0 and a valid response required.
json search_dbs(const std::vector<std::string>& dbs, const std::vector<std::string>& args) {
  std::vector<std::string> argv;
  for (const std::string& db : dbs) argv.insert(argv.end(), {"--db", db});
  argv.push_back("--json");
  argv.insert(argv.end(), args.begin(), args.end());
  const ProcessResult r = search(argv);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  CHECK(schema_problems(r.out, "search-response.schema.json") == "");
  return json::parse(r.out);
}

/// The hits in a form that does not depend on docids: groups of equal rank key (weight and date) with
/// their hits sorted, the last group dropped when the page is full (it may continue past the page).
std::vector<std::string> canonical_hits(const json& response, std::size_t limit) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const json& hit : response["hits"]) {
    char weight[32];
    std::snprintf(weight, sizeof weight, "%.6f", hit["weight"].get<double>());
    const std::string key = std::string(weight) + " " + hit["date"].dump();
    if (groups.empty() || groups.back().first != key) groups.push_back({key, {}});
    // The whole hit as JSON (snippet, highlights, entities, story and its other versions), but its rank,
    // which depends on the order of ties.
    json whole = hit;
    whole.erase("rank");
    auto& versions = whole["story"]["other_versions"];
    std::sort(versions.begin(), versions.end(),
              [](const json& a, const json& b) { return a["id"] < b["id"]; });
    groups.back().second.push_back(whole.dump());
  }
  if (response["hits"].size() == limit && !groups.empty()) groups.pop_back();
  std::vector<std::string> out;
  for (auto& [key, ids] : groups) {
    std::sort(ids.begin(), ids.end());
    for (const std::string& id : ids) out.push_back(key + " " + id);
  }
  return out;
}

/// Checks that a response over shards says what the single database's says.
void check_same(const json& single, const json& sharded, const std::string& label) {
  INFO(label << ": query '" << single["query"].get<std::string>() << "'");
  CHECK(canonical_hits(sharded, 10) == canonical_hits(single, 10));
  const json &a = single["total"], &b = sharded["total"];
  if (a["exact"] && b["exact"]) {
    CHECK(a["estimate"] == b["estimate"]);
  } else {  // Xapian's merge estimates: the output says so, and the bounds hold each other's counts
    CHECK(b["lower_bound"].get<std::size_t>() <= a["upper_bound"].get<std::size_t>());
    CHECK(a["lower_bound"].get<std::size_t>() <= b["upper_bound"].get<std::size_t>());
  }
  if (!single["facets"]["estimated"] && !sharded["facets"]["estimated"])
    CHECK(sharded["facets"] == single["facets"]);
  CHECK(!sharded.contains("partial"));
}

const std::vector<std::vector<std::string>> query_set = {
    {"cocoa"},
    {"oil prices"},
    {"\"interest rates\""},
    {"bank", "--filter", "place=japan"},
    {"wheat OR grain", "--sort", "date"},
    {"trade", "--filter", "date=1987-03"},
    {"shares", "--no-collapse"},
    {""},
};

/// id -> story of every article (gazette-search --export jsonl).
std::map<std::string, std::string> stories(const std::vector<std::string>& dbs) {
  std::vector<std::string> argv;
  for (const std::string& db : dbs) argv.insert(argv.end(), {"--db", db});
  argv.insert(argv.end(), {"--export", "jsonl", ""});
  const ProcessResult r = search(argv);
  REQUIRE(r.status == 0);
  std::map<std::string, std::string> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const json a = json::parse(line);
    out[a["id"]] = a["story"];
  }
  return out;
}

std::string jsonl_article(const std::string& id, const std::string& date, const std::string& word) {
  return json{{"id", id},
              {"date", date},
              {"source", "Test Wire"},
              {"title", "Harbour " + word + " report"},
              {"body", "The harbour authority said the " + word + " shipments rose sharply this month."}}
             .dump() +
         "\n";
}

}  // namespace

TEST_CASE(
    "shards written in parallel and searched as one, locally and through xapian-tcpsrv, equal one database") {
  SKIP_WITHOUT_REUTERS();
  TempDir dir;
  const std::string single = dir / "single.db", months = dir / "months", hashed = dir / "hashed";
  index_ok({"--threads", "1", "--db", single}, reuters_inputs());  // sequential: one writer
  index_ok({"--shards", "month", "--threads", "2", "--db", months}, reuters_inputs());
  index_ok({"--shards", "3", "--threads", "2", "--db", hashed}, reuters_inputs());

  // Xapian's own tools open the archive directory through its stub.
  const std::string stub = read_file(months + "/XAPIANDB");
  CHECK(stub == "auto control\nauto shard-1987-02\nauto shard-1987-03\n");
  const ProcessResult delve = run_process({"xapian-delve", months});
  CHECK(delve.out.find("number of documents = 2000") != std::string::npos);
  const ProcessResult quest = run_process({"quest", "-d", hashed, "cocoa"});
  CHECK(quest.status == 0);

  ShardServer february(months + "/shard-1987-02"), march(months + "/shard-1987-03");
  const std::vector<std::string> remote{months + "/control", february.address(), march.address()};
  for (const auto& args : query_set) {
    const json one = search_dbs({single}, args);
    check_same(one, search_dbs({months}, args), "month shards");
    check_same(one, search_dbs({hashed}, args), "3 shards by id");
    check_same(one, search_dbs(remote, args), "remote month shards");
  }

  // Stories are decided against the whole archive: the same clusters as the sequential run.
  const auto sequential = stories({single});
  CHECK(sequential.size() == 2000);
  CHECK(stories({months}) == sequential);
  CHECK(stories({hashed}) == sequential);
  CHECK(stories(remote) == sequential);

  // Compaction is one command over every shard.
  const ProcessResult compact = index({"--db", months, "--compact"});
  CHECK(compact.status == 0);
  CHECK(compact.err.find("shard-1987-02") != std::string::npos);
  check_same(search_dbs({single}, {"cocoa"}), search_dbs({months}, {"cocoa"}), "after compaction");
}

TEST_CASE("re-indexing an article whose date changed leaves exactly one copy across shards") {
  TempDir dir;
  const std::string archive = dir / "archive";
  write_file(dir / "v1.jsonl", jsonl_article("story-1", "2024-03-05", "grain") +
                                   jsonl_article("story-2", "2024-03-06", "coal"));
  index_ok({"--shards", "year", "--db", archive}, {dir / "v1.jsonl"});
  // A correction moves story-1 to 2025; within one run story-2 moves twice (the later record wins).
  write_file(dir / "v2.jsonl", jsonl_article("story-1", "2025-01-10", "grain") +
                                   jsonl_article("story-2", "2023-07-01", "coal") +
                                   jsonl_article("story-2", "2025-02-02", "coal"));
  const ProcessResult second = index({"--db", archive, dir / "v2.jsonl"});
  INFO(second.err);
  CHECK(second.status == 0);
  CHECK(second.err.find("2 replaced, 1 duplicate") != std::string::npos);
  CHECK(total(search_dbs({archive}, {"id:story-1"})) == 1);
  CHECK(total(search_dbs({archive}, {"id:story-2"})) == 1);
  CHECK(total(search_dbs({archive}, {""})) == 2);
  CHECK(total(search_dbs({archive + "/shard-2025"}, {""})) == 2);
  CHECK(total(search_dbs({archive + "/shard-2024"}, {""})) == 0);
  CHECK(total(search_dbs({archive + "/shard-2023"}, {""})) == 0);
  const ProcessResult got = search({"--db", archive, "--get", "story-1", "--json"});
  CHECK(got.out.find("2025-01-10") != std::string::npos);

  // Deletion finds the article in whichever shard holds it; a scheme that differs is refused.
  CHECK(index({"--db", archive, "--delete", "story-2"}).status == 0);
  CHECK(total(search_dbs({archive}, {""})) == 1);
  // After compaction its words are in no file of the archive (shards and the control's spelling data).
  CHECK(index({"--db", archive, "--compact"}).status == 0);
  CHECK_FALSE(files_contain(archive, "coal"));
  const ProcessResult other = index({"--db", archive, "--shards", "month", dir / "v1.jsonl"});
  CHECK(other.status == 1);
  CHECK(other.err.find("sharded by year") != std::string::npos);
}

TEST_CASE("bad shards: a missing shard, other settings, another schema version, refused and stalled hosts") {
  TempDir dir;
  const std::string archive = dir / "archive";
  write_file(dir / "a.jsonl",
             jsonl_article("a-1", "2024-03-05", "grain") + jsonl_article("a-2", "2025-03-06", "coal"));
  index_ok({"--shards", "year", "--db", archive}, {dir / "a.jsonl"});

  SUBCASE("a stub naming a missing shard") {
    write_file(archive + "/XAPIANDB", "auto control\nauto shard-2024\nauto shard-1999\n");
    const ProcessResult r = search({"--db", archive, "grain"});
    CHECK(r.status == 3);
    CHECK(r.err.find("shard-1999") != std::string::npos);
    CHECK(r.err.find("missing") != std::string::npos);
  }
  SUBCASE("a shard indexed with other analyzer settings") {
    const std::string other = dir / "other.db";
    index_ok({"--no-fold-diacritics", "--db", other}, {dir / "a.jsonl"});
    const ProcessResult r = search({"--db", archive, "--db", other, "grain"});
    CHECK(r.status == 3);
    CHECK(r.err.find(other) != std::string::npos);
    CHECK(r.err.find("analyzer") != std::string::npos);
  }
  SUBCASE("a shard of another schema version") {
    {
      Xapian::WritableDatabase shard(archive + "/shard-2025", Xapian::DB_OPEN);
      shard.set_metadata("gazette.schema_version", "0");
      shard.commit();
    }
    const ProcessResult r = search({"--db", archive, "grain"});
    CHECK(r.status == 3);
    CHECK(r.err.find("shard-2025") != std::string::npos);
    CHECK(r.err.find("schema version 0") != std::string::npos);
  }
  SUBCASE("remote hosts that refuse, stall or go down mid-session") {
    pid_t first_pid = -1, second_pid = -1;
    {
      ShardServer first(archive + "/shard-2024"), second(archive + "/shard-2025");
      first_pid = first.pid();
      second_pid = second.pid();
      const std::vector<std::string> both{"--db",           first.address(),   "--db",
                                          second.address(), "--shard-timeout", "2"};
      auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> argv = both;
        argv.insert(argv.end(), extra.begin(), extra.end());
        return search(argv);
      };
      REQUIRE(with({"--json", ""}).status == 0);

      second.stall();  // accepts connections (the kernel does) but never answers: the timeout ends it
      ProcessResult r = with({"grain"});
      CHECK(r.status == 3);
      CHECK(r.err.find(second.address()) != std::string::npos);
      r = with({"--partial", "--json", ""});
      CHECK(r.status == 0);
      json partial = json::parse(r.out);
      CHECK(partial["partial"]["missing_shards"] == json::array({second.address()}));
      CHECK(total(partial) == 1);
      second.resume();

      // Mid-session: a batch process opened both shards; one host goes down between two queries.
      std::vector<std::string> argv{GAZETTE_SEARCH_BIN, "--json", "--partial"};
      argv.insert(argv.end(), both.begin(), both.end());
      Conversation session(argv);
      CHECK(total(json::parse(session.ask(""))) == 2);
      second.kill();
      const json after = json::parse(session.ask(""));
      CHECK(total(after) == 1);
      CHECK(after["partial"]["missing_shards"] == json::array({second.address()}));
      std::string err;
      CHECK(session.finish(err) == 0);

      // Without --partial the session stops with the documented status and names the shard.
      std::vector<std::string> strict{GAZETTE_SEARCH_BIN, "--json"};
      strict.insert(strict.end(), both.begin(), both.end());
      strict[strict.size() - 3] = first.address();  // two copies of the live shard: both answer at first
      Conversation failing(strict);
      CHECK(!failing.ask("grain").empty());
      first.kill();
      const json failed = json::parse(failing.ask("grain"));
      CHECK(failed["error"]["code"] == "unavailable");
      CHECK(failed["error"]["where"].get<std::string>().find(first.address()) != std::string::npos);
      CHECK(failing.finish(err) == 3);
      CHECK(err.find(first.address()) != std::string::npos);

      r = with({"grain"});  // nothing listens any more: refused at once
      CHECK(r.status == 3);
      CHECK(r.err.find("does not answer") != std::string::npos);
    }
    CHECK(!process_exists(first_pid));
    CHECK(!process_exists(second_pid));
  }
}
