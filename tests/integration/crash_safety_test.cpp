/// @file
/// @brief gazette-index killed with SIGKILL at random points leaves a database that opens and passes
/// xapian-check, and the same command run again ends with every article exactly once; SIGINT and SIGTERM
/// stop a run after committing what was read, and say so.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "child_process.hpp"
#include "harness.hpp"

using namespace gazette::test;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const GeneratedCorpus corpus_shape{.files = 4,
                                   .articles_per_file = 150,
                                   .words_per_article = 120,
                                   .word_variants = 500,
                                   .seed = 11,
                                   .id_prefix = "crash"};
const int all_articles = corpus_shape.files * corpus_shape.articles_per_file;

/// Ids in the database and how often each is there (gazette-search --export lists every document).
std::map<std::string, int> stored_ids(const std::string& db) {
  const ProcessResult r = search({"--db", db, "--export", "jsonl", ""});
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::map<std::string, int> ids;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) ++ids[nlohmann::json::parse(line)["id"]];
  return ids;
}

/// Every article of the corpus, each exactly once.
void check_complete(const std::string& db) {
  const auto ids = stored_ids(db);
  CHECK(ids.size() == std::size_t(all_articles));
  for (const auto& [id, count] : ids) CHECK_MESSAGE(count == 1, id);
}

/// What xapian-check says about a database folder ("" when it passes).
std::string xapian_check(const std::string& db) {
  const ProcessResult r = run_process({"xapian-check", db});
  return r.status == 0 ? "" : r.out + r.err;
}

/// True once the process has a handler for `signal_number` (SigCgt in /proc/PID/status).
bool catches(pid_t pid, int signal_number) {
  std::istringstream status(read_file("/proc/" + std::to_string(pid) + "/status"));
  for (std::string line; std::getline(status, line);)
    if (line.starts_with("SigCgt:"))
      return (std::stoull(line.substr(7), nullptr, 16) >> (signal_number - 1)) & 1;
  return false;
}

std::vector<std::string> index_argv(const std::string& db, const std::string& corpus) {
  // Small batches: many commits, so kills land before, between and during them.
  return {GAZETTE_INDEX_BIN, "--quiet", "--db", db, "--batch-size", "100", "--threads", "2", corpus};
}

}  // namespace

TEST_CASE("SIGKILL at random points: the database opens, passes xapian-check, and a rerun completes it") {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  write_generated_corpus(corpus, corpus_shape);

  // How long an uninterrupted run takes, to spread the kills over it.
  const auto start = Clock::now();
  {
    const std::string db = dir / "reference";
    REQUIRE(run_process(index_argv(db, corpus)).status == 0);
    check_complete(db);
  }
  const auto full_run = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  const unsigned seed = std::random_device{}();
  MESSAGE("an uninterrupted run takes " << full_run.count() << " ms; kill times from seed " << seed);
  std::mt19937 generator(seed);
  std::uniform_int_distribution<long> delay_ms(0, full_run.count());

  int killed_running = 0;
  for (int run = 0; run < 20; ++run) {
    // Even runs start a new database (partition writers, merged at the end); odd runs add to one that
    // holds the first file (one writer committing every 100 articles).
    TempDir work;
    const std::string db = work / "db";
    if (run % 2 == 1) REQUIRE(index({"--db", db, corpus + "/part0.jsonl"}).status == 0);
    const long delay = delay_ms(generator);
    INFO("run " << run << ", killed after " << delay << " ms (seed " << seed << ")");
    {
      ChildProcess indexer(index_argv(db, corpus));
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      if (!indexer.finished()) ++killed_running;
      indexer.signal(SIGKILL);
      indexer.wait();
    }
    if (fs::exists(db)) {
      CHECK(xapian_check(db) == "");
      const ProcessResult opened = search({"--db", db, "--json", "harbour1"});
      CHECK_MESSAGE(opened.status == 0, opened.err);
    } else {
      CHECK(run % 2 == 0);  // only a new database may not be there yet
    }
    const ProcessResult again = run_process(index_argv(db, corpus));
    CHECK_MESSAGE(again.status == 0, again.err);
    check_complete(db);
    CHECK(xapian_check(db) == "");
    CHECK_FALSE(fs::exists(db + ".partitions"));  // a killed bulk load's work folder is cleaned up
  }
  MESSAGE(killed_running << " of 20 runs were killed while indexing");
  CHECK(killed_running >= 5);  // the delays are spread over a whole run (measured: 14 to 18 of 20)
}

TEST_CASE("SIGINT and SIGTERM stop a run after committing what was read, and say so") {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  write_generated_corpus(corpus, corpus_shape);
  int stopped = 0;
  for (int run = 0; run < 4; ++run) {
    const int signal_number = run % 2 ? SIGINT : SIGTERM;
    TempDir work;
    const std::string db = work / "db";
    if (run >= 2) REQUIRE(index({"--db", db, corpus + "/part0.jsonl"}).status == 0);
    ChildProcess indexer(index_argv(db, corpus));
    // Signal once the handlers are installed (before that, a signal would just kill it).
    while (!indexer.finished() && !catches(indexer.pid(), signal_number))
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(50 * run));
    indexer.signal(signal_number);
    const MeasuredResult r = indexer.wait();
    INFO("run " << run << ", signal " << signal_number << ": " << r.err);
    if (r.status == 0) continue;  // it finished before the signal came
    ++stopped;
    CHECK(r.status == 3);
    const std::string said = "stopped by signal " + std::to_string(signal_number) + ": the ";
    REQUIRE(r.err.find(said) != std::string::npos);
    // It says how many articles are committed, and they are.
    const std::size_t committed = std::stoul(r.err.substr(r.err.find(said) + said.size()));
    CHECK(r.err.find("run the same command again to continue") != std::string::npos);
    CHECK(xapian_check(db) == "");
    CHECK(stored_ids(db).size() == committed);
    REQUIRE(run_process(index_argv(db, corpus)).status == 0);
    check_complete(db);
  }
  CHECK(stopped >= 2);
}
