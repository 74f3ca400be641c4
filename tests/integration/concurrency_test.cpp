/// @file
/// @brief Searches while gazette-index commits never fail (a changed database is reopened), and a second
/// writer is refused with "database is locked by another indexer".
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "child_process.hpp"
#include "harness.hpp"

using namespace gazette::test;
namespace fs = std::filesystem;

namespace {

const GeneratedCorpus corpus_shape{.files = 4,
                                   .articles_per_file = 200,
                                   .words_per_article = 80,
                                   .word_variants = 50,
                                   .seed = 5,
                                   .id_prefix = "c"};
const int all_articles = corpus_shape.files * corpus_shape.articles_per_file;

/// True once the process has a handler for `signal_number` (SigCgt in /proc/PID/status).
bool catches(pid_t pid, int signal_number) {
  std::istringstream status(read_file("/proc/" + std::to_string(pid) + "/status"));
  for (std::string line; std::getline(status, line);)
    if (line.starts_with("SigCgt:"))
      return (std::stoull(line.substr(7), nullptr, 16) >> (signal_number - 1)) & 1;
  return false;
}

/// Waits until the indexer is past its start (its signal handlers are installed just before it opens the
/// database), or has ended.
void wait_until_started(ChildProcess& indexer) {
  while (!indexer.finished() && !catches(indexer.pid(), SIGTERM))
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace

TEST_CASE("searches in a loop while the indexer commits every 20 articles never fail") {
  TempDir dir;
  const std::string corpus = dir / "corpus", db = dir / "db";
  write_generated_corpus(corpus, corpus_shape);
  REQUIRE(index({"--db", db, corpus + "/part0.jsonl"}).status == 0);

  // One query per line: words, phrases, wildcards, filters, facets, date order, the empty query.
  const std::string queries_path = dir / "queries.txt";
  {
    std::ofstream queries(queries_path);
    for (int i = 0; i < 40; ++i)
      queries << "harbour\ncranes strike\n\"harbour report\"\nport* OR dock*\nsource:reuters wages\n"
                 "date:2025-02 cargo\n\n"
                 "title:report -tanker\n";
  }
  ChildProcess indexer({GAZETTE_INDEX_BIN, "--quiet", "--db", db, "--batch-size", "20", corpus});
  int batches = 0, responses = 0, during = 0;
  for (bool indexing = true; indexing;) {
    indexing = !indexer.finished();
    // One searcher process per batch keeps its database open across many of the indexer's commits.
    const MeasuredResult r = run_measured(
        {GAZETTE_SEARCH_BIN, "--db", db, "--json", "--sort", "date", "--limit", "5"}, queries_path);
    INFO("batch " << batches << ": " << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err == "");
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line); ++responses) {
      const auto response = nlohmann::json::parse(line);
      CHECK_FALSE(response.contains("error"));
      CHECK(response.contains("hits"));
    }
    ++batches;
    during += indexing;
  }
  const MeasuredResult indexed = indexer.wait();
  INFO(indexed.err);
  CHECK(indexed.status == 0);
  MESSAGE(batches << " batches (" << responses << " responses), " << during << " while indexing");
  CHECK(during >= 1);
  CHECK(responses == batches * 320);
  const auto all = search_json(db, {"", "--limit", "1"});
  CHECK(total(all) == std::size_t(all_articles));
}

TEST_CASE("a second writer gets a clear 'database is locked by another indexer'") {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  write_generated_corpus(corpus, corpus_shape);
  for (const bool existing : {true, false}) {  // adding to a database, and a bulk load into a new one
    TempDir work;
    const std::string db = work / "db";
    if (existing) REQUIRE(index({"--db", db, corpus + "/part0.jsonl"}).status == 0);
    ChildProcess first({GAZETTE_INDEX_BIN, "--quiet", "--db", db, "--batch-size", "20", corpus});
    wait_until_started(first);
    // A new database appears complete, just before its creator opens it: a writer started earlier would
    // compete for it rather than find it locked.
    while (!first.finished() && !fs::exists(db + "/iamglass"))
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    // The first writer opens the database right after installing its handlers: retry until it holds it.
    ProcessResult second{};
    for (int attempt = 0; attempt < 100 && !first.finished(); ++attempt) {
      second = index({"--db", db, corpus + "/part1.jsonl"});
      if (second.status == 3) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const MeasuredResult done = first.wait();
    INFO("existing database: " << existing << "; second writer: " << second.err << "; first: " << done.err);
    CHECK(done.status == 0);
    REQUIRE(second.status == 3);
    CHECK(second.err.find(db + ": database is locked by another indexer") != std::string::npos);
    // The refused run changed nothing: the first one's articles are all there.
    CHECK(search_json(db, {"", "--limit", "1"})["total"]["estimate"] == all_articles);
  }
  // Deleting and compacting are refused the same way.
  TempDir work;
  const std::string db = work / "db";
  REQUIRE(index({"--db", db, corpus + "/part0.jsonl"}).status == 0);
  ChildProcess first({GAZETTE_INDEX_BIN, "--quiet", "--db", db, "--batch-size", "20", corpus});
  wait_until_started(first);
  bool refused_delete = false, refused_compact = false;
  while (!first.finished() && !(refused_delete && refused_compact)) {
    const ProcessResult del = index({"--db", db, "--delete", "c-0-1"});
    refused_delete |=
        del.status == 3 && del.err.find("database is locked by another indexer") != std::string::npos;
    const ProcessResult compact = index({"--db", db, "--compact"});
    refused_compact |=
        compact.status == 3 && compact.err.find("database is locked by another indexer") != std::string::npos;
  }
  first.wait();
  CHECK(refused_delete);
  CHECK(refused_compact);
}
